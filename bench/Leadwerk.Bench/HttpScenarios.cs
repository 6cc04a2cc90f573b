using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Leadwerk.Web.Search;

namespace Leadwerk.Bench;

/// <summary>One line of the report's HTTP table: wrk's result and, where the issue sets one, the throughput goal.</summary>
public sealed record HttpRow(string Scenario, string Detail, WrkResult Result, double? GoalPerSecond);

/// <summary>
/// Scenario 7: HTTP throughput under concurrent load. The real app runs as its own process over the
/// benchmark database (<see cref="AppProcess"/>), and wrk on the same machine keeps
/// <see cref="Wrk.Connections"/> connections busy from <see cref="Wrk.Threads"/> threads, first for a
/// warm-up (the JIT's tiered compilation needs some seconds of load) and then for the measured run.
/// </summary>
public static class HttpScenarios
{
    public const double PersonGoal = 5_000;
    public const int MeasuredSeconds = 10;

    /// <summary>
    /// At least 3 rounds of 5 s, then until the last two agree within 5 %, at most 8: the JIT's tiered
    /// compilation needs 10–20 s of load before the app reaches its speed (longer on a busy machine),
    /// and the speed may stay flat for a round before its next step up.
    /// </summary>
    public static readonly Warmup Warmup = new(5, 3, 8);

    private const int MaxPersonIds = 10_000;

    public static async Task<List<HttpRow>> Run(BenchOptions options, Floor floor, SearchRequest find, string findDetail, TextWriter log)
    {
        var wrk = Wrk.Executable();
        var (warmup, seconds, connections) = options.Quick ? (new Warmup(1, 1, 1), 3, Wrk.QuickConnections) : (Warmup, MeasuredSeconds, Wrk.Connections);
        var ids = await PersonIds(floor, options.Seed);
        var scripts = Directory.CreateTempSubdirectory("leadwerk-bench-wrk-");
        try
        {
            await using var app = await AppProcess.Start(options, log);
            var token = await app.Token();
            var rows = new List<HttpRow>();

            async Task Load(string scenario, string detail, string path, string script, double? goal, HttpRequestMessage check)
            {
                log.WriteLine($"- {scenario} ({detail})");
                await app.Check(check, token);
                var file = Path.Combine(scripts.FullName, $"{rows.Count}.lua");
                await File.WriteAllTextAsync(file, script);
                var url = new Uri(app.BaseAddress, path);
                WrkResult result;
                try
                {
                    await WarmUp(app, wrk, url, file, warmup, connections, log);
                    await app.WaitUntilIdle();
                    result = await Wrk.Run(wrk, url, file, seconds, connections: connections);
                }
                catch (InvalidOperationException e)
                {
                    throw app.Failure($"{scenario}: {e.Message}");
                }

                log.WriteLine($"  {result.RequestsPerSecond:N0} requests/s ({result.Requests:N0} in {result.Seconds:N1} s), p50 {result.P50:N1} ms, p99 {result.P99:N1} ms");
                rows.Add(new HttpRow(scenario, detail, result, goal));
            }

            await Load("GET /api/persons/{id}", $"{ids.Count:N0} persons in turn, full person with lists and owner", "/api/persons/",
                PersonsScript(ids, token), PersonGoal, new HttpRequestMessage(HttpMethod.Get, $"api/persons/{ids[0]}"));

            var body = JsonSerializer.Serialize(find, JsonSerializerOptions.Web);
            await Load("Find API", $"POST /api/search, {findDetail}", "/api/search", SearchScript(body, token), null,
                new HttpRequestMessage(HttpMethod.Post, "api/search") { Content = JsonContent.Create(find, options: JsonSerializerOptions.Web) });
            return rows;
        }
        finally
        {
            scripts.Delete(recursive: true);
        }
    }

    private static async Task WarmUp(AppProcess app, string wrk, Uri url, string script, Warmup warmup, int connections, TextWriter log)
    {
        var rates = new List<double>();
        while (rates.Count < warmup.MaxRounds
            && (rates.Count < Math.Max(2, warmup.MinRounds) || Math.Abs(rates[^1] - rates[^2]) > 0.05 * Math.Max(rates[^1], rates[^2])))
        {
            await app.WaitUntilIdle();
            rates.Add((await Wrk.Run(wrk, url, script, warmup.Seconds, warmup: true, connections)).RequestsPerSecond);
        }

        log.WriteLine($"  warm-up: {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} requests/s");
    }

    /// <summary>
    /// Existing persons spread over the whole table (so the load is not served from a few hot
    /// pages), in a fixed shuffled order.
    /// </summary>
    private static async Task<List<long>> PersonIds(Floor floor, int seed)
    {
        var persons = await floor.Scalar("""SELECT COUNT(*) FROM "Persons" """);
        var stride = Math.Max(1, persons / MaxPersonIds);
        var ids = await floor.Ids($"""SELECT "Id" FROM "Persons" WHERE "Id" % {stride} = 0 ORDER BY "Id" LIMIT {MaxPersonIds}""");
        if (ids.Count == 0)
        {
            throw new InvalidOperationException("No persons to request; run `generate` first.");
        }

        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids));
        return ids;
    }

    /// <summary>Each wrk thread walks the ids from its own starting point, so the threads do not ask for the same person at once.</summary>
    private static string PersonsScript(List<long> ids, string token)
    {
        var lua = new StringBuilder();
        lua.Append("wrk.headers[\"Authorization\"] = \"Bearer ").Append(token).Append("\"\n");
        lua.Append("local ids = {");
        for (var i = 0; i < ids.Count; i++)
        {
            lua.Append(i == 0 ? "" : ",").Append(ids[i].ToString(CultureInfo.InvariantCulture));
        }

        lua.Append("}\n");
        lua.Append("""
            local threads = 0
            function setup(thread)
              thread:set("offset", threads * 997)
              threads = threads + 1
            end
            local i = 0
            function request()
              i = i + 1
              return wrk.format("GET", "/api/persons/" .. ids[((offset or 0) + i) % #ids + 1])
            end
            """);
        return lua.ToString();
    }

    /// <summary>The same search every time, as a list view that many users open; wrk builds the request once.</summary>
    private static string SearchScript(string body, string token) => $"""
        wrk.method = "POST"
        wrk.headers["Authorization"] = "Bearer {token}"
        wrk.headers["Content-Type"] = "application/json"
        wrk.body = [==[{body}]==]
        """;
}

/// <summary>Warm-up rounds of wrk before the measured run.</summary>
public sealed record Warmup(int Seconds, int MinRounds, int MaxRounds);
