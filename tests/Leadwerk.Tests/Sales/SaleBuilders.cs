using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Sales;

/// <summary>Sales and lost reasons over the API, so each test states only what matters to it.</summary>
public static class SaleBuilders
{
    public static async Task<JsonNode> CreateSale(this HttpClient client, int companyId, int? personId = null, string status = "open",
        decimal amount = 100m, int? lostReasonId = null, int? ownerId = null, string? title = null)
    {
        var response = await client.PostJson("/api/sales", new
        {
            companyId, personId, title = title ?? Unique.Name("Sale"), amount, status, lostReasonId, ownerId,
        });
        return await response.ShouldBe(201);
    }

    /// <summary>A company (category Lead) whose owner is <paramref name="ownerId"/>.</summary>
    public static async Task<JsonNode> CreateOwnedCompany(this HttpClient client, int? ownerId, string? name = null)
    {
        var categoryId = await client.CategoryId("Lead");
        var response = await client.PostJson("/api/companies", new { name = name ?? Unique.Name("Company"), categoryId, ownerId });
        return await response.ShouldBe(201);
    }

    public static async Task<JsonNode> CreateLostReason(this HttpClient client)
    {
        var name = Unique.Name("Reason");
        return await (await client.PostJson("/api/lost-reasons", new { names = new { en = name, nl = name + " NL" } })).ShouldBe(201);
    }

    /// <summary>The id of a lost reason by its English name, deleted ones included.</summary>
    public static async Task<int> LostReasonId(this HttpClient client, string englishName) =>
        (await client.GetOk("/api/lost-reasons?includeDeleted=true")).Items().First(r => r["names"]!.Str("en") == englishName).Int("id");

    public static async Task<List<int>> SaleIds(this HttpClient client, string query) =>
        (await client.GetOk($"/api/sales?{query}"))["items"]!.Items().Select(i => i.Int("id")).ToList();
}
