using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Search;

/// <summary>Criteria documents as the API takes them (plain JSON, so tests can also send wrong ones).</summary>
public static class Crit
{
    public static object Line(string field, string op, params object[] values) => new { field, @operator = op, values };

    /// <summary>One set of lines, ANDed.</summary>
    public static object Persons(params object[] lines) => AnyOf(lines);

    /// <summary>Sets ORed.</summary>
    public static object AnyOf(params object[][] sets) => new { entity = "person", sets = sets.Select(lines => new { lines }).ToArray() };

    /// <summary>Keeps a test to its own persons: their last names start with the marker.</summary>
    public static object Marked(string marker) => Line("person.lastName", "startsWith", marker);
}

public static class SearchCalls
{
    public static Task<HttpResponseMessage> PostSearch(this HttpClient client, object criteria, IEnumerable<string>? columns = null, string? sort = null,
        int? limit = null, string? cursor = null, bool count = false, string? language = null) =>
        client.PostJson("/api/search", new { criteria, columns, sort, limit, cursor, count }, language);

    public static async Task<JsonNode> Search(this HttpClient client, object criteria, IEnumerable<string>? columns = null, string? sort = null,
        int? limit = null, string? cursor = null, bool count = false) =>
        await (await client.PostSearch(criteria, columns, sort, limit, cursor, count)).ShouldBe(200);

    /// <summary>The ids of every match, in the API's order, from one big page.</summary>
    public static async Task<List<int>> Ids(this HttpClient client, object criteria, string? sort = null) =>
        ItemIds(await client.Search(criteria, ["person.lastName"], sort, limit: 200));

    /// <summary>Follows nextCursor to the end and returns every item seen.</summary>
    public static async Task<List<JsonNode>> Walk(Func<string?, Task<JsonNode>> page)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var body = await page(cursor);
            items.AddRange(body["items"]!.Items());
            cursor = body.Str("nextCursor");
            Assert.True(items.Count < 1000, "the walk does not end");
        }
        while (cursor is not null);

        return items;
    }

    public static List<int> ItemIds(JsonNode page) => page["items"]!.Items().Select(i => i.Int("id")).ToList();

    public static async Task<JsonNode> Person(this HttpClient client, object body) =>
        await (await client.PostJson("/api/persons", body)).ShouldBe(201);

    /// <summary>Asserts 422 `invalidCriteria` whose `errors` names the key (e.g. `sets[1].lines[0].operator`).</summary>
    public static async Task<JsonNode> ShouldBeInvalidCriteria(this HttpResponseMessage response, string key)
    {
        var problem = await response.ShouldBeProblem(422, "invalidCriteria");
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(key), $"errors should name {key}: {problem.ToJsonString()}");
        return problem;
    }

    /// <summary>Sets stamps that the API never takes, straight in the database (stamps come from the clock on save).</summary>
    public static async Task SetPersonDates(this LeadwerkApp app, int personId, DateTime? createdAt = null, DateTime? leadStatusChangedAt = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == personId);
        await db.Persons.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.CreatedAt, createdAt ?? person.CreatedAt)
            .SetProperty(p => p.LeadStatusChangedAt, leadStatusChangedAt ?? person.LeadStatusChangedAt));
    }

    /// <summary>A person without lead status in a company whose category has one on: only old data looks like this.</summary>
    public static async Task ClearLeadStatus(this LeadwerkApp app, int personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        await db.Persons.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LeadStatusId, (int?)null));
    }
}
