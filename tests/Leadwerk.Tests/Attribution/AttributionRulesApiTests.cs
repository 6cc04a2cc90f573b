using System.Text.Json.Nodes;
using Leadwerk.Tests.Forms;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Attribution;

/// <summary>R22: admins edit the aliases and channel rules; a change is previewed, then applied to every stored touch and every new one.</summary>
public abstract class AttributionRulesApiTests(LeadwerkApp app)
{
    private async Task<JsonNode> Touch(HttpClient admin, string email) =>
        (await admin.GetOk($"/api/persons/{(await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(email)}"))["items"]!.Items().Single().Int("id")}/attribution"))["leadCreation"]!;

    [Fact]
    public async Task ANewAliasAndChannelRuleArePreviewedThenAppliedToStoredTouchesAndToNewSubmissions()
    {
        var admin = await app.Admin();
        var form = await FormTests.Create(admin, Unique.Key("rules"));
        var source = Unique.Key("nieuwsbrief");
        using var visitor = app.Anonymous();
        var before = Unique.Email();
        await (await visitor.PostJson(FormTests.Url(form), new { email = before, last_name = "Mail", utm_source = source.ToUpperInvariant(), utm_medium = "Mail" })).ShouldBe(201);

        await Premium.With(admin, async () =>
        {
            var current = await admin.GetOk("/api/attribution/rules");
            var first = await Touch(admin, before);
            Assert.Equal(("direct", source), (first.Str("channel"), first.Str("sourceKey")));
            var aliases = current["aliases"]!.AsArray().Select(a => a!.DeepClone()).Append(JsonNode.Parse($$"""{ "from": "{{source}}", "to": "newsletter" }""")).ToArray();
            var rules = new JsonNode?[] { JsonNode.Parse("""{ "channel": "email", "mediums": ["MAIL "] }""") }.Concat(current["channelRules"]!.AsArray().Select(r => r!.DeepClone())).ToArray();
            var change = new { aliases, channelRules = rules };

            var preview = await (await admin.PostJson("/api/attribution/rules/preview", change)).ShouldBe(200);
            var unchanged = await Touch(admin, before);
            var saved = await (await admin.PutJson("/api/attribution/rules", change)).ShouldBe(200);
            await FormTests.Eventually(async () => (await admin.GetOk("/api/attribution/rules")) is var r && r.Int("appliedVersion") == r.Int("rulesVersion"));
            var after = Unique.Email();
            await (await visitor.PostJson(FormTests.Url(form), new { email = after, last_name = "Mail", utm_source = source, utm_medium = "mail" })).ShouldBe(201);

            Assert.True(preview.Int("changed") >= 1);
            Assert.Contains(preview["channels"]!.Items(), s => s.Str("from") == "direct" && s.Str("to") == "email");
            Assert.Contains(preview["sources"]!.Items(), s => s.Str("from") == source && s.Str("to") == "newsletter");
            Assert.Equal("direct", unchanged.Str("channel"));
            Assert.Equal(current.Int("rulesVersion") + 1, saved.Int("rulesVersion"));
            Assert.Equal(["mail"], saved["channelRules"]![0]!["mediums"]!.Items().Select(m => m.GetValue<string>()));
            var (recomputed, fresh) = (await Touch(admin, before), await Touch(admin, after));
            Assert.Equal(("email", "newsletter", source.ToUpperInvariant()), (recomputed.Str("channel"), recomputed.Str("sourceKey"), recomputed.Str("source")));
            Assert.Equal(("email", "newsletter"), (fresh.Str("channel"), fresh.Str("sourceKey")));
            await (await admin.PutJson("/api/attribution/rules", new { aliases = current["aliases"], channelRules = current["channelRules"] })).ShouldBe(200);
        });
    }

    [Fact]
    public async Task WrongRulesAreRefusedWithEveryFieldNamedAndWithoutTheEditionTheyAreNotShown()
    {
        var admin = await app.Admin();
        await (await admin.GetAsync("/api/attribution/rules")).ShouldBeProblem(403, "featureNotInEdition");
        var user = await app.NewUser();

        await Premium.With(admin, async () =>
        {
            var wrong = await admin.PutJson("/api/attribution/rules", new
            {
                aliases = new[] { new { from = "fb", to = "facebook" }, new { from = "FB ", to = "meta" }, new { from = "", to = "x" } },
                channelRules = new object[] { new { channel = "tv" }, new { channel = "email", clickIds = new[] { "utm_id" } } },
            });
            var empty = await admin.PutJson("/api/attribution/rules", new { aliases = Array.Empty<object>(), channelRules = Array.Empty<object>() });

            var errors = (await wrong.ShouldBeInvalid("aliases[1].from"))["errors"]!.AsObject().Select(e => e.Key).ToList();
            Assert.Contains("aliases[2].from", errors);
            Assert.Contains("channelRules[0].channel", errors);
            Assert.Contains("channelRules[1].clickIds", errors);
            await empty.ShouldBeInvalid("channelRules");
            Assert.Equal(403, (int)(await user.Client.GetAsync("/api/attribution/rules")).StatusCode);
        });
    }
}

public sealed class AttributionRulesApiTestsOnSqlite(SqliteApp app) : AttributionRulesApiTests(app), IClassFixture<SqliteApp>;

public sealed class AttributionRulesApiTestsOnPostgres(PostgresApp app) : AttributionRulesApiTests(app), IClassFixture<PostgresApp>;
