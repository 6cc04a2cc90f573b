using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Dashboards;

/// <summary>Builds lead histories on known days (the app's clock moves forward) and asks the dashboard about them.</summary>
public sealed class DashboardHistory(LeadwerkApp app, string marker)
{
    /// <summary>An administrator logged in at the clock's current moment (tokens follow the clock).</summary>
    public Task<HttpClient> Client() => app.LogIn(LeadwerkApp.AdminUserName, LeadwerkApp.AdminPassword);

    public void Advance(TimeSpan by) => app.Clock.Advance(by);

    public async Task<int> NewLead(string firstName, string category = "Lead")
    {
        var client = await Client();
        var categoryId = await client.CategoryId(category);
        var response = await client.PostJson("/api/persons", new { firstName, lastName = marker, categoryId });
        return (await response.ShouldBe(201)).Int("id");
    }

    public async Task Move(int personId, string status)
    {
        var client = await Client();
        await client.PatchPerson(personId, new { leadStatusId = await client.StatusId(status) });
    }

    public async Task Categorize(int personId, string category)
    {
        var client = await Client();
        await client.PatchPerson(personId, new { categoryId = await client.CategoryId(category) });
    }

    /// <summary>A seeded tile from the library, narrowed to this history's persons.</summary>
    public async Task<JsonNode> Tile(string id) =>
        Scoped((await (await Client()).GetOk("/api/dashboards/library")).Items().Single(t => t.Str("id") == id).DeepClone());

    /// <summary>The tile narrowed to this history's persons (by their last name).</summary>
    public JsonNode Scoped(JsonNode tile)
    {
        var line = new JsonObject { ["field"] = "person.lastName", ["operator"] = "equals", ["values"] = new JsonArray(marker) };
        var criteria = tile["dataset"]?["criteria"];
        if (criteria is null)
        {
            tile["dataset"] = new JsonObject
            {
                ["criteria"] = new JsonObject { ["entity"] = "person", ["sets"] = new JsonArray(new JsonObject { ["lines"] = new JsonArray(line) }) },
            };
        }
        else
        {
            foreach (var set in criteria["sets"]!.AsArray())
            {
                set!["lines"]!.AsArray().Add(line.DeepClone());
            }
        }

        return tile;
    }

    public async Task<JsonNode> Evaluate(JsonNode tile, object? filters = null) =>
        await (await (await Client()).PostJson("/api/dashboards/evaluate", new { tile, filters })).ShouldBe(200);

    /// <summary>How many persons a drill-down finds through POST /api/search.</summary>
    public async Task<int> DrillCount(JsonNode? drill)
    {
        var criteria = drill!["criteria"]!.DeepClone();
        var found = await (await (await Client()).PostJson("/api/search", new { criteria, count = true, limit = 1 })).ShouldBe(200);
        return found.Int("count");
    }
}

public static class TileData
{
    public static List<JsonNode> Series(this JsonNode data) => data["series"]!.AsArray().Select(s => s!).ToList();

    public static JsonNode ByLabel(this JsonNode data, string label) => data.Series().Single(s => s.Str("label") == label);

    public static double Value(this JsonNode node) => node["value"]!.GetValue<double>();

    public static double Number(this JsonNode node, string name) => node[name]!.GetValue<double>();

    public static double Extra(this JsonNode series, string name) => series["values"]![name]!.GetValue<double>();
}
