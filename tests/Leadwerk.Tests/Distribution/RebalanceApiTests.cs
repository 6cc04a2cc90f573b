using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Distribution;

/// <summary>Issue 15: a rebalance shares a rule's leads out again by weight, previewed first, as a bulk update that can be undone.</summary>
public abstract class RebalanceApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ThePreviewWritesNothingTheRunMovesOwnersByWeightWithAReasonAndUndoPutsEverythingBack()
    {
        await app.Premium(async admin =>
        {
            var (anna, bram, leaver) = (await app.NewUser(), await app.NewUser(), await app.NewUser());
            var rule = await admin.Rule("Rebalance", null, (anna.Id, 2), (bram.Id, 1));
            var leads = new List<int>();
            for (var i = 0; i < 9; i++)
            {
                leads.Add((await (await admin.PostJson("/api/persons", new
                {
                    firstName = "Left", lastName = Unique.Name("Behind"), categoryId = await admin.CategoryId("Lead"), ownerId = leaver.Id,
                })).ShouldBe(201)).Int("id"));
            }

            var url = $"/api/distribution-rules/{rule.Int("id")}/rebalance";
            var before = await app.Snapshot();
            var preview = await (await admin.PostJson(url, new { fromUserIds = new[] { leaver.Id }, dryRun = true })).ShouldBe(200);
            await app.AssertUnchangedSince(before);

            Assert.Equal((9, 9), (preview.Int("matched"), preview.Int("toMove")));
            var shares = preview["members"]!.Items().ToDictionary(m => m.Int("userId"), m => (m.Int("keep"), m.Int("get"), m.Int("total")));
            Assert.Equal(((0, 6, 6), (0, 3, 3)), (shares[anna.Id], shares[bram.Id]));
            var first = preview["firstMoved"]!.Items()[0];
            Assert.Equal((leads[0], leaver.Id, leaver.UserName), (first.Int("personId"), first.Int("fromUserId"), first.Str("fromUserName")));

            var response = await admin.PostJson(url, new { fromUserIds = new[] { leaver.Id } });
            var started = await response.ShouldBe(202);
            Assert.Equal($"/api/bulk-updates/{started.Int("id")}", response.Headers.Location?.OriginalString);
            var done = await admin.WaitForState(started.Int("id"), "done");

            Assert.Equal(9, done.Int("changed"));
            var owners = new List<int>();
            foreach (var id in leads)
            {
                owners.Add((await admin.GetPerson(id)).Int("ownerId"));
            }

            Assert.Equal((6, 3), (owners.Count(o => o == anna.Id), owners.Count(o => o == bram.Id)));
            Assert.Matches($@"^rebalance of rule 'Rebalance' from {leaver.UserName}, weight [12] of 3$", await admin.Reason(leads[0]));
            Assert.Equal((6, 3), await Assigned(admin, anna.Id, bram.Id));

            await (await admin.PostJson($"/api/bulk-updates/{started.Int("id")}/undo", null)).ShouldBe(202);
            await admin.WaitForState(started.Int("id"), "undone");

            foreach (var id in leads)
            {
                Assert.Equal(leaver.Id, (await admin.GetPerson(id)).Int("ownerId"));
            }

            Assert.Equal((0, 0), await Assigned(admin, anna.Id, bram.Id));
            var line = Assert.Single((await admin.GetOk($"/api/assignments?personId={leads[0]}")).Items());
            Assert.NotNull(line.Str("undoneAt"));
            Assert.EndsWith(" (undone)", line.Str("reason"));
        });
    }

    [Fact]
    public async Task LeadsStayWithOwnersWithinTheirShareAndOnlyTheRestMove()
    {
        await app.Premium(async admin =>
        {
            var (anna, bram, carl) = (await app.NewUser(), await app.NewUser(), await app.NewUser());
            var rule = await admin.Rule("Even", null, (anna.Id, 1), (bram.Id, 1), (carl.Id, 1));
            var prefix = Unique.Name("Even");
            foreach (var owner in new[] { anna.Id, anna.Id, anna.Id, anna.Id, anna.Id, bram.Id, bram.Id })
            {
                await (await admin.PostJson("/api/persons", new
                {
                    firstName = "Even", lastName = $"{prefix} {owner}", categoryId = await admin.CategoryId("Lead"), ownerId = owner,
                })).ShouldBe(201);
            }

            var criteria = BulkClient.CriteriaDocument("person", "person.lastName", "startsWith", prefix);
            var preview = await (await admin.PostJson($"/api/distribution-rules/{rule.Int("id")}/rebalance", new { criteria, dryRun = true })).ShouldBe(200);

            // 7 leads over three equal weights: 3, 2 and 2 (or 2, 3, 2...), each within one lead of 7/3.
            var shares = preview["members"]!.Items().ToDictionary(m => m.Int("userId"), m => (Keep: m.Int("keep"), Total: m.Int("total")));
            Assert.Equal(7, shares.Values.Sum(s => s.Total));
            Assert.All(shares.Values, s => Assert.InRange(s.Total, 2, 3));
            Assert.Equal(shares[anna.Id].Total, shares[anna.Id].Keep);
            Assert.Equal(2, shares[bram.Id].Keep);
            Assert.Equal(0, shares[carl.Id].Keep);
            Assert.Equal(7 - shares[anna.Id].Total - 2, preview.Int("toMove"));
            await (await admin.PostJson($"/api/distribution-rules/{rule.Int("id")}/rebalance", new { fromUserIds = new[] { anna.Id, bram.Id, carl.Id } }))
                .ShouldBeProblem(409, "nobodyToTakeLeads");
        });
    }

    private static async Task<(int, int)> Assigned(HttpClient admin, int first, int second)
    {
        var members = (await admin.GetOk("/api/distribution-rules")).Items().Single()["members"]!.Items();
        return (members.Single(m => m.Int("userId") == first).Int("assigned"), members.Single(m => m.Int("userId") == second).Int("assigned"));
    }
}

public sealed class RebalanceApiTestsOnSqlite(SqliteApp app) : RebalanceApiTests(app), IClassFixture<SqliteApp>;

public sealed class RebalanceApiTestsOnPostgres(PostgresApp app) : RebalanceApiTests(app), IClassFixture<PostgresApp>;
