using System.Text.Json.Nodes;
using Leadwerk.Tests.Automation;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Tests.Search;
using Leadwerk.Web.Audit;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Privacy;

/// <summary>The audit log of administrative actions: who, when, what changed (from, to), for admins only.</summary>
public abstract class AuditApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task UserChangesByAnAdministratorAreLoggedWithFromAndToButNeverThePassword()
    {
        var actor = await app.NewUser(role: "admin");
        const string password = "a-secret-password-1";
        var userName = Unique.Name("audited").Replace(' ', '-');
        var created = await (await actor.Client.PostJson("/api/users", new { userName, password, displayName = "Ada", role = "user", language = "nl" })).ShouldBe(201);
        var id = created.Int("id");

        await (await actor.Client.PatchJson($"/api/users/{id}", new { role = "admin", displayName = "Ada L." })).ShouldBe(200);
        await (await actor.Client.PatchJson($"/api/users/{id}", new { disabled = true, password = "another-secret-2" })).ShouldBe(200);

        var entries = await Entries(actor.Client, $"actor={actor.Id}");
        Assert.Equal(["user.passwordChanged", "user.disabled", "user.updated", "user.roleChanged", "user.created"], entries.Select(e => e.Str("action")));
        Assert.All(entries, e => Assert.Equal(("user", id, actor.Id, actor.UserName), (e.Str("targetType"), e.Int("targetId"), e.Int("actorUserId"), e.Str("actorName"))));
        Assert.Equal(("user", "admin"), Change(entries[3], "role"));
        Assert.Equal(("Ada", "Ada L."), Change(entries[2], "displayName"));
        Assert.Equal((false, true), (entries[1]["changes"]!["disabled"]!["from"]!.GetValue<bool>(), entries[1]["changes"]!["disabled"]!["to"]!.GetValue<bool>()));
        Assert.Null(entries[0]["changes"]);
        Assert.Equal((null, userName), Change(entries[4], "userName"));
        Assert.Equal("User role changed", entries[3].Str("actionName"));
        var text = (await actor.Client.GetOk($"/api/audit?actor={actor.Id}")).ToJsonString();
        Assert.DoesNotContain("secret", text);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ListChangesAreLoggedWithTheFieldsThatChanged()
    {
        var actor = await app.NewUser(role: "admin");
        var name = Unique.Name("Audited status");
        var status = await (await actor.Client.PostJson("/api/lead-statuses", new { names = new { en = name, nl = name + " NL" } })).ShouldBe(201);
        var url = $"/api/lead-statuses/{status.Int("id")}";
        await (await actor.Client.PutJson(url, new { names = new { en = name + " 2", nl = name + " NL" } })).ShouldBe(200);
        await (await actor.Client.PutJson(url, new { names = new { en = name + " 2", nl = name + " NL" } })).ShouldBe(200);
        await (await actor.Client.Delete(url)).ShouldBe(204);
        await (await actor.Client.PostJson($"{url}/restore", null)).ShouldBe(200);

        var entries = await Entries(actor.Client, $"actor={actor.Id}&action=list");

        Assert.Equal(["list.leadStatus.restored", "list.leadStatus.deleted", "list.leadStatus.updated", "list.leadStatus.created"], entries.Select(e => e.Str("action")));
        Assert.All(entries, e => Assert.Equal(("leadStatus", status.Int("id")), (e.Str("targetType"), e.Int("targetId"))));
        Assert.Equal((name, name + " 2"), Change(entries[2], "names.en"));
        Assert.Single(entries[2]["changes"]!.AsObject());
        Assert.Equal((null, name + " NL"), Change(entries[3], "names.nl"));
        Assert.Equal("Persoon – Leadstatus – item verwijderd", (await Entries(actor.Client, $"actor={actor.Id}&action=list.leadStatus.deleted", "nl")).Single().Str("actionName"));
    }

    [Fact]
    public async Task AutomationRuleChangesAreLoggedPerRule()
    {
        var actor = await app.NewUser(role: "admin");
        var rules = await actor.Client.PutRules(await actor.Client.Rule("leadStatusSet", "Opportunity", ["Qualified"]));
        var ruleId = rules.Single().Int("id");
        await actor.Client.PutRules();

        var entries = await Entries(actor.Client, $"actor={actor.Id}&action=automation.rules.updated");

        Assert.Equal(2, entries.Count);
        var added = entries[1]["changes"]![$"rules.{ruleId}"]!;
        Assert.Null(added["from"]);
        Assert.Equal(("leadStatusSet", await actor.Client.CategoryId("Opportunity")), (added["to"]!.Str("trigger"), added["to"]!.Int("targetCategoryId")));
        Assert.Null(entries[0]["changes"]![$"rules.{ruleId}"]!["to"]);
    }

    [Fact]
    public async Task TheLogPagesNewestFirstWithKeysetCursorsAndFiltersByActionActorAndDate()
    {
        var actor = await app.NewUser(role: "admin");
        for (var i = 0; i < 5; i++)
        {
            await (await actor.Client.PostJson("/api/lost-reasons", new { names = new { en = Unique.Name("Reason"), nl = Unique.Name("Reden") } })).ShouldBe(201);
        }

        var first = await actor.Client.GetOk($"/api/audit?actor={actor.Id}&limit=2");
        var all = await SearchCalls.Walk(cursor => actor.Client.GetOk($"/api/audit?actor={actor.Id}&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}"));

        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.NotNull(first.Str("nextCursor"));
        Assert.Equal(5, all.Count);
        Assert.Equal(all.Select(e => e["id"]!.GetValue<long>()).OrderDescending(), all.Select(e => e["id"]!.GetValue<long>()));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        Assert.Equal(5, (await Entries(actor.Client, $"actor={actor.Id}&action=list.lostReason.created&from={today}&to={today}")).Count);
        Assert.Empty(await Entries(actor.Client, $"actor={actor.Id}&from={tomorrow}"));
        Assert.Empty(await Entries(actor.Client, $"actor={actor.Id}&action=user"));
        await (await actor.Client.Get("/api/audit?cursor=not-a-cursor")).ShouldBeProblem(400, "invalidCursor");
        await (await actor.Client.Get("/api/audit?from=yesterday")).ShouldBeInvalid("from");
        await (await actor.Client.Get("/api/audit?limit=500")).ShouldBeInvalid("limit");
    }

    [Fact]
    public async Task TheCleanupDeletesOnlyEntriesOlderThanTheRetention()
    {
        var (old, recent) = (Unique.Name("test.old").Replace(' ', '.'), Unique.Name("test.recent").Replace(' ', '.'));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow.AddDays(-401), ActorName = "t", Action = old, TargetType = "test" });
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow.AddDays(-399), ActorName = "t", Action = recent, TargetType = "test" });
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Channel.Automation));
            var audit = scope.ServiceProvider.GetRequiredService<AuditService>();
            Assert.Equal(AuditService.DefaultRetentionDays, audit.RetentionDays);
            Assert.True(await audit.DeleteExpired() >= 1);
        }

        var admin = await app.Admin();
        Assert.Empty(await Entries(admin, $"action={old}"));
        Assert.Single(await Entries(admin, $"action={recent}"));
    }

    [Fact]
    public async Task PlainUsersAreForbiddenTheLogAndARefusedAdminChangeWritesNoEntry()
    {
        var user = await app.NewUser();
        var admin = await app.Admin();
        var before = await app.Snapshot();

        await (await user.Client.Get("/api/audit")).ShouldBeProblem(403, "forbidden");
        await (await admin.PostJson("/api/categories", new { name = "Lead", group = "potentialCustomer" })).ShouldBeProblem(409, "nameNotUnique");
        await (await admin.PatchJson($"/api/users/{user.Id}", new { role = "boss" })).ShouldBeInvalid("role");

        await app.AssertUnchangedSince(before);
    }

    private static async Task<List<JsonNode>> Entries(HttpClient client, string query, string? language = null) =>
        (await client.GetOk($"/api/audit?{query}", language))["items"]!.Items();

    private static (string? From, string? To) Change(JsonNode entry, string field) =>
        (entry["changes"]![field]!["from"]?.ToString(), entry["changes"]![field]!["to"]?.ToString());
}

public sealed class AuditApiTestsOnSqlite(SqliteApp app) : AuditApiTests(app), IClassFixture<SqliteApp>;

public sealed class AuditApiTestsOnPostgres(PostgresApp app) : AuditApiTests(app), IClassFixture<PostgresApp>;
