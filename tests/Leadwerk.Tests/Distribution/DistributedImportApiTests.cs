using Leadwerk.Tests.Import;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Distribution;

/// <summary>Issue 15: an import that asks for distribution gives its new persons owners by the rules; its rollback gives the turns back.</summary>
public abstract class DistributedImportApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task AnImportSpreadsItsNewPersonsByWeightWithAReasonEachAndItsRollbackGivesTheTurnsBack()
    {
        await app.Premium(async admin =>
        {
            var (anna, bram) = (await app.NewUser(), await app.NewUser());
            var rule = await admin.Rule("Import NL", null, (anna.Id, 2), (bram.Id, 1));
            var next = await Simulated(admin, rule.Int("id"));
            var emails = Enumerable.Range(1, 6).Select(i => Email($"dist{i}")).ToArray();
            var csv = "first name,last name,email\n" + string.Join("\n", emails.Select((e, i) => $"Lead,Number {i},{e}")) + "\n";

            var run = await admin.RunImport(new { entity = "person", distribute = true, defaults = new { categoryId = await admin.CategoryId("Lead") } }, csv);

            Assert.Equal((6, 0, 0, 0), run.Counts());
            var persons = await app.PersonsByEmail(emails);
            Assert.Equal(4, persons.Count(p => p.OwnerId == anna.Id));
            Assert.Equal(2, persons.Count(p => p.OwnerId == bram.Id));
            Assert.Equal(next, persons.OrderBy(p => p.Id).Select(p => p.OwnerId!.Value).ToList());
            foreach (var person in persons)
            {
                Assert.Matches(@"^rule 'Import NL', weight [12] of 3, fallback not needed$", await admin.Reason(person.Id));
            }

            Assert.Equal((4, 2), await Assigned(admin, anna.Id, bram.Id));

            await admin.Rollback(run.Int("id"));

            Assert.Empty(await app.PersonsByEmail(emails));
            Assert.Equal((0, 0), await Assigned(admin, anna.Id, bram.Id));
            Assert.Equal(next, await Simulated(admin, rule.Int("id")));
        });
    }

    [Fact]
    public async Task WithoutMarketingPremiumAnImportThatAsksForDistributionIsRefusedBeforeAnythingIsWritten()
    {
        var admin = await app.Admin();
        var before = await app.Snapshot();

        var refused = await admin.PostImport(new { entity = "person", distribute = true, defaults = new { categoryId = await admin.CategoryId("Lead") } },
            $"last name,email\nRefused,{Email("refused")}\n");
        var companies = await admin.PostImport(new { entity = "company", distribute = true }, "name\nRefused company\n");

        await refused.ShouldBeProblem(403, "featureNotInEdition");
        await companies.ShouldBeInvalid("distribute");
        await app.AssertUnchangedSince(before);
    }

    private static async Task<List<int>> Simulated(HttpClient admin, int ruleId) =>
        [.. (await (await admin.PostJson($"/api/distribution-rules/{ruleId}/simulate", new { count = 6 })).ShouldBe(200)).Items().Select(s => s.Int("userId"))];

    private static async Task<(int, int)> Assigned(HttpClient admin, int first, int second)
    {
        var members = (await admin.GetOk("/api/distribution-rules")).Items().Single()["members"]!.Items();
        return (members.Single(m => m.Int("userId") == first).Int("assigned"), members.Single(m => m.Int("userId") == second).Int("assigned"));
    }
}

public sealed class DistributedImportApiTestsOnSqlite(SqliteApp app) : DistributedImportApiTests(app), IClassFixture<SqliteApp>;

public sealed class DistributedImportApiTestsOnPostgres(PostgresApp app) : DistributedImportApiTests(app), IClassFixture<PostgresApp>;
