using Leadwerk.Tests.Infrastructure;
using Leadwerk.Tests.Privacy;

namespace Leadwerk.Tests.Distribution;

/// <summary>F12, B4, R23: rules give new leads an owner fairly, say why, and belong to Marketing Premium.</summary>
public abstract class DistributionApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task WithoutMarketingPremiumRulesAndDistributedCreationAreRefusedAndNothingIsWritten()
    {
        var admin = await app.Admin();
        var user = await app.NewUser();
        var lastName = Unique.Name("Refused");

        var rule = await admin.PostJson("/api/distribution-rules", new { name = "Web", members = new[] { new { userId = user.Id, weight = 1 } } });
        var person = await admin.PostJson("/api/persons", new { firstName = "Ria", lastName, categoryId = await admin.CategoryId("Lead"), distribute = true });

        var problem = await rule.ShouldBeProblem(403, "featureNotInEdition");
        Assert.Equal(("marketingPremium", "distribution"), (problem.Str("requiredEdition"), problem.Str("feature")));
        await person.ShouldBeProblem(403, "featureNotInEdition");
        Assert.Empty((await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(lastName)}"))["items"]!.Items());
    }

    [Fact]
    public async Task NewLeadsGoToTheRulesUsersByWeightAndEachAssignmentSaysWhy()
    {
        await Premium(async admin =>
        {
            var (anna, bram) = (await app.NewUser(), await app.NewUser());
            var rule = await (await admin.PostJson("/api/distribution-rules", new
            {
                name = "Website NL", rank = 0, members = new[] { new { userId = anna.Id, weight = 2 }, new { userId = bram.Id, weight = 1 } },
            })).ShouldBe(201);
            var simulated = (await (await admin.PostJson($"/api/distribution-rules/{rule.Int("id")}/simulate", new { count = 6 })).ShouldBe(200)).Items();

            var owners = new List<int>();
            for (var i = 0; i < 6; i++)
            {
                var person = await (await admin.PostJson("/api/persons", new
                {
                    firstName = "Lead", lastName = Unique.Name("Distributed"), categoryId = await admin.CategoryId("Lead"), distribute = true,
                })).ShouldBe(201);
                owners.Add(person.Int("ownerId"));
            }

            Assert.Equal(4, owners.Count(o => o == anna.Id));
            Assert.Equal(2, owners.Count(o => o == bram.Id));
            Assert.Equal(owners, simulated.Select(s => s.Int("userId")).ToList());
            var lastPerson = (await admin.GetOk($"/api/persons?search=Distributed"))["items"]!.Items().First(p => p.IntOrNull("ownerId") == owners[^1]);
            var log = (await admin.GetOk($"/api/assignments?personId={lastPerson.Int("id")}")).Items();
            var entry = Assert.Single(log);
            Assert.Equal(owners[^1], entry.Int("userId"));
            Assert.StartsWith("rule 'Website NL', weight ", entry.Str("reason"));
            Assert.EndsWith(" of 3, fallback not needed", entry.Str("reason"));
            var rules = (await admin.GetOk("/api/distribution-rules")).Items();
            Assert.Equal((4, 2), (rules.Single(r => r.Int("id") == rule.Int("id"))["members"]!.Items().Single(m => m.Int("userId") == anna.Id).Int("assigned"),
                rules.Single(r => r.Int("id") == rule.Int("id"))["members"]!.Items().Single(m => m.Int("userId") == bram.Id).Int("assigned")));
            await admin.Delete($"/api/distribution-rules/{rule.Int("id")}");
        });
    }

    [Fact]
    public async Task AnAwayUserIsSkippedAndNamedAndWithNobodyLeftTheFallbackOwnerTakesTheLead()
    {
        await Premium(async admin =>
        {
            var (anna, bram, fallback) = (await app.NewUser(), await app.NewUser(), await app.NewUser());
            var rule = await (await admin.PostJson("/api/distribution-rules", new
            {
                name = "Away test", rank = 0, fallbackOwnerId = fallback.Id,
                members = new[] { new { userId = anna.Id, weight = 1 }, new { userId = bram.Id, weight = 1 } },
            })).ShouldBe(201);
            await (await admin.PatchJson($"/api/users/{anna.Id}", new { away = true })).ShouldBe(200);

            var toBram = await NewLead(admin);
            await (await admin.PatchJson($"/api/users/{bram.Id}", new { away = true })).ShouldBe(200);
            var toFallback = await NewLead(admin);

            Assert.Equal(bram.Id, toBram.Int("ownerId"));
            Assert.Equal(fallback.Id, toFallback.Int("ownerId"));
            var why = Assert.Single((await admin.GetOk($"/api/assignments?personId={toFallback.Int("id")}")).Items()).Str("reason");
            Assert.Contains($"{anna.UserName} away", why);
            Assert.Contains($"{bram.UserName} away", why);
            Assert.EndsWith("nobody available: the fallback owner", why);
            // The assignment is the person's data: exported with it, erased with it.
            var exported = await (await admin.Export(toFallback.Int("id"))).ShouldBe(200);
            var assignment = Assert.Single(exported["assignments"]!.Items());
            Assert.Equal((fallback.Id, why), (assignment.Int("userId"), assignment.Str("reason")));
            await (await admin.Erase(toFallback.Int("id"))).ShouldBe(200);
            Assert.Empty((await admin.GetOk($"/api/assignments?personId={toFallback.Int("id")}")).Items());
            await (await admin.PatchJson($"/api/users/{anna.Id}", new { away = false })).ShouldBe(200);
            await (await admin.PatchJson($"/api/users/{bram.Id}", new { away = false })).ShouldBe(200);
            await admin.Delete($"/api/distribution-rules/{rule.Int("id")}");
        });
    }

    [Fact]
    public async Task ABadRuleIsRefusedWithEveryWrongFieldNamedAndALeadWithAnOwnerKeepsIt()
    {
        await Premium(async admin =>
        {
            var user = await app.NewUser();
            var owner = await app.NewUser();
            var bad = await (await admin.PostJson("/api/distribution-rules", new
            {
                name = "", members = new[] { new { userId = user.Id, weight = 0 }, new { userId = user.Id, weight = 1 }, new { userId = 999_999, weight = 1 } },
            })).ShouldBeInvalid("name");
            var errors = bad["errors"]!.AsObject().Select(e => e.Key).ToList();
            Assert.Contains("members[0].weight", errors);
            Assert.Contains("members[1].userId", errors);
            Assert.Contains("members[2].userId", errors);
            var rule = await (await admin.PostJson("/api/distribution-rules", new { name = "Owned", rank = 0, members = new[] { new { userId = user.Id, weight = 1 } } })).ShouldBe(201);

            var owned = await (await admin.PostJson("/api/persons", new
            {
                firstName = "Own", lastName = Unique.Name("Owned"), categoryId = await admin.CategoryId("Lead"), ownerId = owner.Id, distribute = true,
            })).ShouldBe(201);

            Assert.Equal(owner.Id, owned.Int("ownerId"));
            Assert.Empty((await admin.GetOk($"/api/assignments?personId={owned.Int("id")}")).Items());
            await admin.Delete($"/api/distribution-rules/{rule.Int("id")}");
        });
    }

    private async Task<System.Text.Json.Nodes.JsonNode> NewLead(HttpClient admin) =>
        await (await admin.PostJson("/api/persons", new
        {
            firstName = "Lead", lastName = Unique.Name("Lead"), categoryId = await admin.CategoryId("Lead"), distribute = true,
        })).ShouldBe(201);

    /// <summary>Runs with the licence at Marketing Premium, and puts it back after.</summary>
    private async Task Premium(Func<HttpClient, Task> steps)
    {
        var admin = await app.Admin();
        await (await admin.PutJson("/api/licence", new { edition = "marketingPremium" })).ShouldBe(200);
        try
        {
            await steps(admin);
        }
        finally
        {
            // No rule of this test may decide for the next one, even when this one failed halfway.
            foreach (var rule in (await admin.GetOk("/api/distribution-rules")).Items())
            {
                await admin.Delete($"/api/distribution-rules/{rule.Int("id")}");
            }

            await (await admin.PutJson("/api/licence", new { edition = "salesEssentials" })).ShouldBe(200);
        }
    }
}

public sealed class DistributionApiTestsOnSqlite(SqliteApp app) : DistributionApiTests(app), IClassFixture<SqliteApp>;

public sealed class DistributionApiTestsOnPostgres(PostgresApp app) : DistributionApiTests(app), IClassFixture<PostgresApp>;
