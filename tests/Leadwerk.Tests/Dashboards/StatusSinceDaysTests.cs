using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Dashboards;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Dashboards;

/// <summary>
/// SQLite keeps "how many persons have had their status since a day" in a table its triggers
/// maintain (Dashboards/StatusSinceDays.cs); it must equal the persons grouped so after writes of
/// every kind, and the time-in-status tile must read the same from it as from the persons.
/// </summary>
public sealed class StatusSinceDaysTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheTableOfStaysStillGoingEqualsThePersonsGroupedAfterWritesThroughEveryChannel()
    {
        app.Clock.StopAt(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var h = new DashboardHistory(app, Unique.Name("Since"));
        var persons = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            persons.Add(await h.NewLead($"S{i}", i % 3 == 0 ? "Marketing qualified lead" : "Lead"));
            h.Advance(TimeSpan.FromHours(9));
        }

        await h.Move(persons[0], "Contacting");
        await h.Move(persons[1], "Qualified");
        h.Advance(TimeSpan.FromDays(2));
        await h.Move(persons[1], "Contacting");
        await h.Categorize(persons[2], "Customer");
        await h.Categorize(persons[3], "Opportunity");
        var client = await h.Client();
        var bulk = await client.RunBulk(Ids("person", persons.Skip(4).Take(5)), Set("person.leadStatus", await client.StatusId("Qualified")));
        h.Advance(TimeSpan.FromDays(1));
        client = await h.Client();
        await (await client.PostJson($"/api/bulk-updates/{bulk.Int("id")}/undo", null)).ShouldBe(202);
        await client.WaitForState(bulk.Int("id"), "undone");
        await client.RunBulk(Ids("person", persons.Skip(6).Take(3)), Set("person.leadStatus", await client.StatusId("Disqualified")));
        await (await client.Delete($"/api/persons/{persons[11]}")).ShouldBe(204);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        var kept = await db.Set<StatusSinceDay>().Where(d => d.Persons != 0)
            .Select(d => new { d.CategoryId, d.LeadStatusId, d.Day, d.Persons }).ToListAsync();
        var grouped = (await db.Persons.Where(p => p.LeadStatusId != null && p.LeadStatusChangedAt != null)
                .Select(p => new { p.CategoryId, p.LeadStatusId, p.LeadStatusChangedAt }).ToListAsync())
            .GroupBy(p => (CategoryId: p.CategoryId ?? 0, LeadStatusId: p.LeadStatusId!.Value, Day: DateOnly.FromDateTime(p.LeadStatusChangedAt!.Value)))
            .Select(g => new { g.Key.CategoryId, g.Key.LeadStatusId, g.Key.Day, Persons = g.Count() }).ToList();
        Assert.Equal(grouped.OrderBy(g => (g.CategoryId, g.LeadStatusId, g.Day)), kept.OrderBy(g => (g.CategoryId, g.LeadStatusId, g.Day)));
        Assert.True(kept.Count >= 4, $"the writes leave stays on several days and statuses: {kept.Count}");

        // The tile without criteria reads the table; with criteria that find every person, the persons.
        var fromTable = await h.Evaluate(await Library(client, "time-in-status"));
        var everyone = await Library(client, "time-in-status");
        everyone["dataset"] = JsonNode.Parse("""{ "criteria": { "entity": "person", "sets": [ { "lines": [ { "field": "person.createdAt", "operator": "isNotEmpty" } ] } ] } }""");
        var fromPersons = await h.Evaluate(everyone);
        Assert.Equal(Figures(fromPersons), Figures(fromTable));
        Assert.Contains(fromTable.Series(), s => s.Number("count") > 1);
    }

    private static async Task<JsonNode> Library(HttpClient client, string id) =>
        (await client.GetOk("/api/dashboards/library")).Items().Single(t => t.Str("id") == id).DeepClone();

    private static List<string> Figures(JsonNode data) =>
        [.. data.Series().Select(s => $"{s.Str("label")}: {s["values"]!.ToJsonString()} over {s.Number("count")}")];
}
