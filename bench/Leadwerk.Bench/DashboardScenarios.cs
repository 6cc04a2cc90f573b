using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Leadwerk.Bench;

/// <summary>
/// The dashboard (issue 14): each tile of the seeded Leads dashboard as the page asks for it, over
/// HTTP from the real app (<see cref="AppProcess"/>), one request at a time; one tile as of 30 days
/// ago; and the whole dashboard, its 8 tile requests fired at once as the page does, timed until the
/// last answers. Beside each, the same figures by hand in SQL over ADO.NET (SQLite memory-mapped as the app reads it), the fastest form found
/// per provider, finished in C# where the app does too (medians, funnel steps). Before timing, the
/// floor's figure is checked against the app's answer, so both compute the same thing.
/// </summary>
public static class DashboardScenarios
{
    public const double TileGoal = 300;
    public const double PageGoal = 1_000;

    /// <summary>The seeded dashboard's tiles, in the page's order.</summary>
    private static readonly string[] Tiles =
        ["active-leads", "leads-per-status", "speed-to-lead", "funnel", "new-leads-per-week", "leads-per-owner", "time-in-status", "stale-leads"];

    private const string AsOfScenario = "Dashboard tile leads-per-status as of 30 days ago";
    private const string PageScenario = "Dashboard, whole page";

    /// <summary>Whether --only picks any of these scenarios.</summary>
    public static bool Wanted(string? only) => only is null
        || Tiles.Select(t => $"Dashboard tile {t}").Append(AsOfScenario).Append(PageScenario).Any(s => s.Contains(only, StringComparison.OrdinalIgnoreCase));

    public static async Task<List<ResultRow>> Run(BenchOptions options, int warmup, int iterations, TextWriter log)
    {
        await using var floor = await Floor.Open(options);
        await floor.MapLikeTheApp();
        await using var app = await AppProcess.Start(options, log);
        var token = await app.Token();
        app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var dashboard = await DashboardId(app);
        var now = DateTime.UtcNow;
        var floors = new DashboardFloors(floor, options.Provider == "postgres", now);
        var asOf = now.Date.AddDays(-30);
        var rows = new List<ResultRow>();

        async Task<JsonElement> Get(string tile, string? query = null)
        {
            using var response = await app.Client.GetAsync($"api/dashboards/{dashboard}/tiles/{tile}/data{query}");
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw app.Failure($"GET tile {tile} answered {(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
            }

            return JsonDocument.Parse(body).RootElement.Clone();
        }

        async Task Add(string scenario, string detail, double goal, Func<Task> leadwerk, Func<Task> floorCall)
        {
            if (options.Only is { } only && !scenario.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            // A slow tile gets fewer calls, so a run stays within the hour: over 1 s at its first call 2 warm-up and 20 measured,
            // over 3 s 1 and 10, over 10 s (far from the goal either way) no warm-up and 3 measured.
            var first = Stopwatch.StartNew();
            await leadwerk();
            var ms = first.Elapsed.TotalMilliseconds;
            var (w, n) = ms > 10_000 ? (0, Math.Min(iterations, 3)) : ms > 3_000 ? (1, Math.Min(iterations, 10)) : ms > 1_000 ? (2, Math.Min(iterations, 20)) : (warmup, iterations);
            var hot = ms > 10_000 ? TimeSpan.Zero : Runner.WarmFor;
            log.WriteLine($"- {scenario} ({detail}); first call {ms:N0} ms, {w} warm-up and {n} measured");
            var appTiming = await Measure.Time(w, n, _ => leadwerk(), hot);
            var floorTiming = await Measure.Time(w, n, _ => floorCall(), hot);
            log.WriteLine($"  Leadwerk p50 {appTiming.P50:N1} ms, p95 {appTiming.P95:N1} ms; floor p50 {floorTiming.P50:N1} ms, p95 {floorTiming.P95:N1} ms");
            rows.Add(new ResultRow(scenario, detail, goal, appTiming, floorTiming));
        }

        // The figures first: the floor must compute what the tile shows.
        var figures = new Dictionary<string, string>();
        foreach (var tile in Tiles)
        {
            var data = await Get(tile);
            var mine = await floors.Figure(tile);
            var theirs = Total(data) + (data.TryGetProperty("comparison", out var c) && c.ValueKind == JsonValueKind.Object ? $" / {Total(c)}" : "");
            figures[tile] = theirs;
            log.WriteLine($"  {tile}: app {theirs}, floor {mine}{(mine == theirs ? "" : "  ** DIFFERENT **")}");
        }

        var asOfQuery = $"?asOf={asOf:yyyy-MM-dd}";
        var asOfData = await Get("leads-per-status", asOfQuery);
        var asOfFloor = await floors.StatusesAsOf(asOf.AddDays(1));
        log.WriteLine($"  leads-per-status as of {asOf:yyyy-MM-dd}: app {Total(asOfData)}, floor {asOfFloor.Total}{(asOfFloor.Total == Total(asOfData) ? "" : "  ** DIFFERENT **")}");

        foreach (var tile in Tiles)
        {
            await Add($"Dashboard tile {tile}", $"GET …/tiles/{tile}/data: {Describe(tile, figures[tile])}", TileGoal, () => Get(tile), () => floors.Figure(tile));
        }

        await Add(AsOfScenario, $"?asOf={asOf:yyyy-MM-dd}: {asOfFloor.Total} persons with a status then", TileGoal,
            () => Get("leads-per-status", asOfQuery), () => floors.StatusesAsOf(asOf.AddDays(1)));

        // The page: all tiles at once; the floor likewise, each on a connection of its own.
        var connections = new List<Floor>();
        try
        {
            foreach (var _ in Tiles)
            {
                var connection = await Floor.Open(options);
                await connection.MapLikeTheApp();
                await connection.SerialLikeTheApp();
                connections.Add(connection);
            }

            var parallel = connections.Select(f => new DashboardFloors(f, options.Provider == "postgres", now)).ToList();
            await Add(PageScenario, $"the {Tiles.Length} tile requests at once, until the last answers", PageGoal,
                () => Task.WhenAll(Tiles.Select(t => Get(t))),
                () => Task.WhenAll(Tiles.Select((t, i) => parallel[i].Figure(t))));
        }
        finally
        {
            foreach (var f in connections)
            {
                await f.DisposeAsync();
            }
        }

        return rows;
    }

    private static async Task<int> DashboardId(AppProcess app)
    {
        using var response = await app.Client.GetAsync("api/dashboards");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw app.Failure($"GET /api/dashboards answered {(int)response.StatusCode}: {body}");
        }

        var root = JsonDocument.Parse(body).RootElement;
        var list = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("items");
        return list.EnumerateArray().First(d => d.TryGetProperty("key", out var k) && k.GetString() == "leads").GetProperty("id").GetInt32();
    }

    private static string Total(JsonElement data) =>
        data.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Number ? Math.Round(t.GetDouble(), 1).ToString(CultureInfo.InvariantCulture) : "—";

    private static string Describe(string tile, string figure) => tile switch
    {
        "active-leads" => $"{figure} active leads (now / 30 days earlier, from history)",
        "leads-per-status" => $"{figure} persons with a status, by status and active",
        "speed-to-lead" => $"median {figure} days to the first change, per owner, leads of the last 30 days",
        "funnel" => $"{figure} leads of the last 30 days, 3 steps in order, median days between",
        "new-leads-per-week" => $"{figure} (this / previous 30 days), per week",
        "leads-per-owner" => $"{figure} active leads, by owner and status, top 10",
        "time-in-status" => $"median {figure} days, per status: stays ended in the last 30 days and open ones",
        "stale-leads" => $"{figure} active leads unchanged for 14 days, first 50",
        _ => figure,
    };
}
