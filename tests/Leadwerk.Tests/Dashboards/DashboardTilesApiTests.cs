using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Dashboards;

/// <summary>
/// The seeded dashboard's tiles (F8, B1) against figures worked out by hand from a history with
/// known days, and every figure's drill-down (B6) against its number.
/// </summary>
public abstract class DashboardTilesApiTests(LeadwerkApp app)
{
    /// <summary>A Monday: ISO week 10 of 2026 starts on it.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Mar 2: A, B, C and E become leads (Open). Mar 5: A → Contacting. Mar 12: A → Qualified,
    /// B → Contacting. Mar 14: D becomes a lead. Mar 22: E's category becomes Customer (not active,
    /// Open kept). Now: Mar 31, 09:00.
    /// </summary>
    private async Task<(DashboardHistory History, Dictionary<string, int> Ids)> BuildHistory()
    {
        app.Clock.StopAt(Start);
        var h = new DashboardHistory(app, Unique.Name("Dash"));
        var ids = new Dictionary<string, int>();
        foreach (var name in new[] { "A", "B", "C", "E" })
        {
            ids[name] = await h.NewLead(name);
        }

        h.Advance(TimeSpan.FromDays(3));
        await h.Move(ids["A"], "Contacting");
        h.Advance(TimeSpan.FromDays(7));
        await h.Move(ids["A"], "Qualified");
        await h.Move(ids["B"], "Contacting");
        h.Advance(TimeSpan.FromDays(2));
        ids["D"] = await h.NewLead("D");
        h.Advance(TimeSpan.FromDays(8));
        await h.Categorize(ids["E"], "Customer");
        h.Advance(TimeSpan.FromDays(9));
        return (h, ids);
    }

    [Fact]
    public async Task SnapshotTilesCountActiveLeadsPerStatusNowAndAsOfAPastDayFromTheHistory()
    {
        var (h, _) = await BuildHistory();

        var active = await h.Evaluate(await h.Tile("active-leads"));
        var perStatus = await h.Evaluate(await h.Tile("leads-per-status"));
        var pastStatus = await h.Evaluate(await h.Tile("leads-per-status"), new { asOf = "2026-03-13" });
        var pastActive = await h.Evaluate(await h.Tile("active-leads"), new { asOf = "2026-03-13" });

        Assert.Equal(4, active.Number("total"));
        Assert.Equal(0, active["comparison"]!.Number("total"));
        Assert.Equal([("Open", 2), ("Contacting", 1), ("Qualified", 1), ("Not active (kept value)", 1)],
            perStatus.Series().Select(s => (s.Str("label")!, (int)s.Value())).ToList());
        Assert.Equal([("Open", 2), ("Contacting", 1), ("Qualified", 1)], pastStatus.Series().Select(s => (s.Str("label")!, (int)s.Value())).ToList());
        Assert.Equal(4, pastActive.Number("total"));
        Assert.Equal("2026-03-13", pastStatus.Str("asOf"));
        foreach (var s in perStatus.Series().Concat(pastStatus.Series()).Concat(active.Series()).Concat(pastActive.Series()))
        {
            Assert.Equal((int)s.Value(), await h.DrillCount(s["drill"]));
        }
    }

    [Fact]
    public async Task TheFunnelCountsNewLeadsReachingEachStepInOrderWithTheMedianDaysBetweenSteps()
    {
        var (h, _) = await BuildHistory();

        var funnel = await h.Evaluate(await h.Tile("funnel"));
        var any = (await h.Tile("funnel")).DeepClone();
        any["funnel"]!["mode"] = "any";
        var anyOrder = await h.Evaluate(any);

        Assert.Equal(5, funnel.Number("total"));
        Assert.Equal([("Open", 5), ("Contacting", 2), ("Qualified", 1)], funnel.Series().Select(s => (s.Str("label")!, (int)s.Value())).ToList());
        Assert.Equal([100, 40, 50], funnel.Series().Select(s => s.Extra("stepPercent")).ToList());
        Assert.Equal([100, 40, 20], funnel.Series().Select(s => s.Extra("overallPercent")).ToList());
        Assert.Equal(3, funnel.ByLabel("Contacting").Extra("medianDays"));
        Assert.Equal(7, funnel.ByLabel("Qualified").Extra("medianDays"));
        Assert.Equal([5, 2, 1], anyOrder.Series().Select(s => (int)s.Value()).ToList());
        foreach (var s in funnel.Series().Concat(anyOrder.Series()))
        {
            Assert.Equal((int)s.Value(), await h.DrillCount(s["drill"]));
        }
    }

    [Fact]
    public async Task NewLeadsPerWeekCountBecomingALeadPerIsoWeekAndStaleLeadsListTheLongestUnchangedFirst()
    {
        var (h, ids) = await BuildHistory();

        var weeks = await h.Evaluate(await h.Tile("new-leads-per-week"));
        var stale = await h.Evaluate(await h.Tile("stale-leads"));
        var speed = await h.Evaluate(await h.Tile("speed-to-lead"));

        Assert.Equal([("2026-W10", 4), ("2026-W11", 1), ("2026-W12", 0), ("2026-W13", 0), ("2026-W14", 0)],
            weeks.Series().Select(s => (s.Str("key")!, (int)s.Value())).ToList());
        Assert.Equal(5, weeks.Number("total"));
        Assert.Equal("Previous period (2026-01-31 to 2026-03-01)", weeks["comparison"]!.Str("label"));
        foreach (var s in weeks.Series())
        {
            Assert.Equal((int)s.Value(), await h.DrillCount(s["drill"]));
        }

        Assert.Equal([(ids["C"], 29), (ids["A"], 19), (ids["B"], 19), (ids["D"], 17)],
            stale.Series().Select(s => (int.Parse(s.Str("key")!), (int)s.Value())).ToList());
        Assert.Equal(4, stale.Number("total"));
        Assert.Equal(4, await h.DrillCount(stale["drill"]));
        // A moved after 3 days and B after 10 (median by nearest rank: 3); C, D and E wait (E only left
        // for Customer, which keeps its status). Nobody owns them: one "Unassigned" bar.
        Assert.Equal(3, speed.Number("total"));
        var unassigned = speed.Series().Single();
        Assert.Equal("Unassigned", unassigned.Str("label"));
        Assert.Equal((5, 3, 2), ((int)unassigned.Extra("leads"), (int)unassigned.Extra("waiting"), (int)unassigned.Number("count")));
        Assert.Equal(5, await h.DrillCount(unassigned["drill"]));
    }

    [Fact]
    public async Task TimeInStatusTakesTheMedianAndP90OfEndedAndOngoingStaysPerStatus()
    {
        var (h, _) = await BuildHistory();

        var time = await h.Evaluate(await h.Tile("time-in-status"));

        // Open: ended A 3, B 10, E 20 (its category stopped being active); ongoing C 29.375, D 17.375
        // (counted from the start of the day they began). Nearest rank: median the 3rd of 5, p90 the 5th.
        var open = time.ByLabel("Open");
        Assert.Equal(17.4, open.Extra("median"));
        Assert.Equal(29.4, open.Extra("p90"));
        Assert.Equal(5, open.Number("count"));
        var contacting = time.ByLabel("Contacting");
        Assert.Equal(7, contacting.Extra("median"));
        Assert.Equal(19.4, contacting.Extra("p90"));
        Assert.Equal(19.4, time.ByLabel("Qualified").Extra("median"));
        Assert.Equal("days", time.Str("unit"));
    }

    [Fact]
    public async Task EveryDrillDownFindsAsManyPersonsAsItsFigureOverARandomHistory()
    {
        app.Clock.StopAt(Start.AddDays(100));
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var h = new DashboardHistory(app, Unique.Name("Prop"));
        var statuses = new[] { "Open", "Contacting", "Qualified", "Disqualified", "Re-nurture" };
        var categories = new[] { "Lead", "Marketing qualified lead", "Opportunity", "Customer" };
        // One lead that surely changes status, so the history always has a first change to check below.
        var persons = new List<int> { await h.NewLead("Sure", "Lead") };
        h.Advance(TimeSpan.FromDays(1));
        var sure = await h.Client();
        Assert.Equal(200, (int)(await sure.PatchJson($"/api/persons/{persons[0]}", new { leadStatusId = await sure.StatusId("Contacting") })).StatusCode);
        for (var day = 0; day < 12; day++)
        {
            for (var i = random.Next(3); i > 0; i--)
            {
                persons.Add(await h.NewLead($"P{day}{i}", categories[random.Next(3)]));
            }

            foreach (var person in persons.Where(_ => random.Next(4) == 0))
            {
                if (random.Next(3) == 0)
                {
                    await h.Categorize(person, categories[random.Next(categories.Length)]);
                }
                else
                {
                    var client = await h.Client();
                    var response = await client.PatchJson($"/api/persons/{person}", new { leadStatusId = await client.StatusId(statuses[random.Next(statuses.Length)]) });
                    Assert.True((int)response.StatusCode is 200 or 409, $"seed {seed}: {(int)response.StatusCode}");
                }
            }

            h.Advance(TimeSpan.FromDays(random.Next(1, 4)));
        }

        var asOf = DateOnly.FromDateTime(Start.AddDays(100 + random.Next(1, 20)).UtcDateTime).ToString("yyyy-MM-dd");
        foreach (var (tile, filters) in new (string, object?)[]
                 {
                     ("active-leads", null), ("active-leads", new { asOf }), ("leads-per-status", null), ("leads-per-status", new { asOf }),
                     ("leads-per-status", new { asOf, owner = "unassigned" }), ("leads-per-owner", null), ("leads-per-owner", new { asOf }), ("funnel", null),
                     ("funnel", new { period = "last90d", owner = "unassigned" }), ("new-leads-per-week", new { period = "last90d" }), ("stale-leads", null),
                 })
        {
            var data = await h.Evaluate(await h.Tile(tile), filters);
            foreach (var s in data.Series().Where(s => s["drill"] is not null))
            {
                Assert.True((int)s.Value() == await h.DrillCount(s["drill"]), $"seed {seed}, tile {tile} {filters}, {s.Str("label")}: {s.Value()}");
            }

            if (tile != "new-leads-per-week")
            {
                Assert.True(data.Number("total") == await h.DrillCount(data["drill"]), $"seed {seed}, tile {tile} total");
            }
        }

        // A date grouped by day (the day in SQL): each day's figure is what its drill-down finds.
        var byDay = await h.Evaluate(h.Scoped(JsonNode.Parse("""
            { "chart": "column", "groupBy": [{ "field": "person.leadStatusChangedAt", "bucket": "day" }],
              "period": { "field": "person.leadStatusChangedAt", "preset": "last90d" } }
            """)!));
        Assert.Contains(byDay.Series(), s => s.Value() > 0);
        foreach (var s in byDay.Series().Where(s => s.Value() > 0))
        {
            Assert.True((int)s.Value() == await h.DrillCount(s["drill"]), $"seed {seed}, by day {s.Str("label")}: {s.Value()}");
        }

        // The first change kept on each "became a lead" row (by a trigger) is the one the rows after it tell.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        var rows = await db.LeadStatusChanges.Where(r => persons.Contains(r.PersonId)).OrderBy(r => r.At).ThenBy(r => r.Id).ToListAsync();
        Assert.Contains(rows, r => r.BecameLead && r.FirstChangeAt is not null);
        foreach (var row in rows.Where(r => r.BecameLead))
        {
            var next = rows.FirstOrDefault(r => r.PersonId == row.PersonId && (r.At > row.At || (r.At == row.At && r.Id > row.Id)) && r.ToId != row.ToId);
            Assert.True(next?.At == row.FirstChangeAt, $"seed {seed}, row {row.Id}: {row.FirstChangeAt} instead of {next?.At}");
        }
    }
}

public sealed class DashboardTilesApiTestsOnSqlite(SqliteApp app) : DashboardTilesApiTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardTilesApiTestsOnPostgres(PostgresApp app) : DashboardTilesApiTests(app), IClassFixture<PostgresApp>;
