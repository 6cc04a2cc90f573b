using System.Text.Json.Nodes;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>Builders and look-ups over the API, so each test states only what matters to it.</summary>
public static class Builders
{
    /// <summary>The id of a category by its English name, deleted ones included.</summary>
    public static async Task<int> CategoryId(this HttpClient client, string englishName) =>
        ByEnglishName(await client.GetOk("/api/categories?includeDeleted=true"), englishName);

    /// <summary>The id of a lead status by its English name, deleted ones included.</summary>
    public static async Task<int> StatusId(this HttpClient client, string englishName) =>
        ByEnglishName(await client.GetOk("/api/lead-statuses?includeDeleted=true"), englishName);

    public static async Task<int> DefaultStatusId(this HttpClient client) =>
        (await client.GetOk("/api/lead-statuses")).Items().Single(s => s.Bool("isDefault")).Int("id");

    public static async Task<JsonNode> CreateCompany(this HttpClient client, string categoryName, string? name = null)
    {
        var categoryId = await client.CategoryId(categoryName);
        // Nobody as its contact, as most tests assume; omitting ownerId would make the creator it.
        var response = await client.PostJson("/api/companies", new { name = name ?? Unique.Name("Company"), categoryId, ownerId = (int?)null });
        return await response.ShouldBe(201);
    }

    public static async Task<JsonNode> CreatePerson(this HttpClient client, int? companyId, string? lastName = null, string firstName = "Test")
    {
        var response = await client.PostJson("/api/persons", new { companyId, firstName, lastName = lastName ?? Unique.Name("Person") });
        return await response.ShouldBe(201);
    }

    /// <summary>A person without company, with a category of its own.</summary>
    public static async Task<JsonNode> CreatePersonInCategory(this HttpClient client, string categoryName)
    {
        var categoryId = await client.CategoryId(categoryName);
        var response = await client.PostJson("/api/persons", new { firstName = "Solo", lastName = Unique.Name("Person"), categoryId });
        return await response.ShouldBe(201);
    }

    /// <summary>A new category; `potentialCustomer` with lead status off unless told.</summary>
    public static async Task<JsonNode> CreateCategory(this HttpClient client, string group = "potentialCustomer", bool leadStatusEnabled = false)
    {
        var name = Unique.Name("Category");
        var response = await client.PostJson("/api/categories", new { names = new { en = name, nl = name + " NL" }, group, leadStatusEnabled });
        return await response.ShouldBe(201);
    }

    public static async Task<JsonNode> CreateStatus(this HttpClient client, bool isDefault = false)
    {
        var name = Unique.Name("Status");
        var response = await client.PostJson("/api/lead-statuses", new
        {
            names = new { en = name, nl = name + " NL" },
            descriptions = new { en = "Test status.", nl = "Teststatus." },
            isDefault,
        });
        return await response.ShouldBe(201);
    }

    public static async Task<JsonNode> GetPerson(this HttpClient client, int id, string? language = null) =>
        await client.GetOk($"/api/persons/{id}", language);

    public static async Task<JsonNode> PatchPerson(this HttpClient client, int id, object changes) =>
        await (await client.PatchJson($"/api/persons/{id}", changes)).ShouldBe(200);

    public static async Task<JsonNode> PatchCompany(this HttpClient client, int id, object changes) =>
        await (await client.PatchJson($"/api/companies/{id}", changes)).ShouldBe(200);

    /// <summary>The history newest first, as the API returns it.</summary>
    public static async Task<List<JsonNode>> History(this HttpClient client, int personId) =>
        (await client.GetOk($"/api/persons/{personId}/lead-status-history")).Items();

    private static int ByEnglishName(JsonNode list, string englishName) =>
        list.Items().Where(i => i["names"]!.Str("en") == englishName).OrderBy(i => i.Bool("deleted")).First().Int("id");
}
