using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Distribution;

/// <summary>What distribution tests share: running at Marketing Premium, and rules and leads made the short way.</summary>
public static class DistributionTestSupport
{
    /// <summary>Runs with the licence at Marketing Premium, and puts it back after, with no rule left to decide for the next test.</summary>
    public static async Task Premium(this LeadwerkApp app, Func<HttpClient, Task> steps)
    {
        var admin = await app.Admin();
        await (await admin.PutJson("/api/licence", new { edition = "marketingPremium" })).ShouldBe(200);
        try
        {
            await steps(admin);
        }
        finally
        {
            foreach (var rule in (await admin.GetOk("/api/distribution-rules")).Items())
            {
                await admin.Delete($"/api/distribution-rules/{rule.Int("id")}");
            }

            await (await admin.PutJson("/api/licence", new { edition = "salesEssentials" })).ShouldBe(200);
        }
    }

    /// <summary>A rule of these (user, weight) members; the first in rank, so it takes every lead that asks.</summary>
    public static async Task<JsonNode> Rule(this HttpClient admin, string name, int? fallbackOwnerId, params (int UserId, int Weight)[] members) =>
        await (await admin.PostJson("/api/distribution-rules", new
        {
            name, rank = 0, fallbackOwnerId, members = members.Select(m => new { userId = m.UserId, weight = m.Weight }).ToArray(),
        })).ShouldBe(201);

    /// <summary>A new lead that asks for distribution, through the API.</summary>
    public static async Task<JsonNode> DistributedLead(this HttpClient admin) =>
        await (await admin.PostJson("/api/persons", new
        {
            firstName = "Lead", lastName = Unique.Name("Lead"), categoryId = await admin.CategoryId("Lead"), distribute = true,
        })).ShouldBe(201);

    public static async Task<string> Reason(this HttpClient admin, int personId, string? language = null) =>
        Assert.Single((await admin.GetOk($"/api/assignments?personId={personId}", language)).Items()).Str("reason")!;
}
