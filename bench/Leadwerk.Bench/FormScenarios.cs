using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Leadwerk.Bench;

/// <summary>
/// Web form submissions through the public endpoint of the real app (issue 15): an open-loop load of
/// a fixed rate (200 a second, each a new visitor with a new address and UTM values, as a website
/// sends them), so a slow answer cannot slow the arrivals down; every answer must be 201. The rate
/// limits are raised for the run, as a site expecting such traffic would set them.
/// </summary>
internal static class FormScenarios
{
    public const string Scenario = "Form submissions, sustained rate";
    private const int FullRate = 200;

    public static bool Wanted(string? only) => only is null || Scenario.Contains(only, StringComparison.OrdinalIgnoreCase);

    public static async Task<ResultRow> Run(BenchOptions options, bool quick, TextWriter log)
    {
        await using var app = await AppProcess.Start(options, log, new Dictionary<string, string>
        {
            ["Leadwerk__Forms__RateLimitPerAddress"] = "100000",
            ["Leadwerk__Forms__RateLimitPerForm"] = "100000",
        });
        app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.Token());
        var key = $"bench-{DateTime.UtcNow:yyyyMMddHHmmss}";
        int formId;
        using (var created = await app.Client.PostAsJsonAsync("api/forms", new
        {
            key, name = "Benchmark contact form",
            fields = new object[]
            {
                new { name = "first_name", label = new { en = "First name", nl = "Voornaam" }, type = "text", mapsTo = "person.firstName" },
                new { name = "last_name", label = new { en = "Last name", nl = "Achternaam" }, type = "text", mapsTo = "person.lastName" },
                new { name = "email", label = new { en = "E-mail", nl = "E-mail" }, type = "email", required = true, mapsTo = "person.email" },
                new { name = "company", label = new { en = "Company", nl = "Bedrijf" }, type = "text", mapsTo = "company.name" },
                new { name = "message", label = new { en = "Message", nl = "Bericht" }, type = "textarea" },
            },
        }))
        {
            if (created.StatusCode != HttpStatusCode.Created)
            {
                throw app.Failure($"POST /api/forms answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
            }

            formId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }

        using var visitors = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30),
        };
        var url = $"api/public/forms/{key}/submissions";
        var run = Guid.NewGuid().ToString("N")[..8];

        async Task<(double Ms, HttpStatusCode Status)> Submit(int n)
        {
            var body = JsonContent.Create(new
            {
                first_name = "Bench", last_name = $"Visitor {n}", email = $"visitor{n}.{run}@bench.example", company = $"Bench company {n % 500}",
                message = "Please call me.", utm_source = n % 3 == 0 ? "google" : "newsletter", utm_medium = n % 3 == 0 ? "cpc" : "email",
                utm_campaign = "bench", landingUrl = "https://www.example.com/contact?utm_source=google",
            });
            var watch = Stopwatch.StartNew();
            using var response = await visitors.PostAsync(url, body);
            await response.Content.ReadAsByteArrayAsync();
            return (watch.Elapsed.TotalMilliseconds, response.StatusCode);
        }

        // The quick run (the test suite's smoke test, on a machine shared with other tests) checks the
        // path at a quarter of the rate.
        var rate = quick ? FullRate / 4 : FullRate;
        // Warm-up at a quarter of the rate, unmeasured.
        await Load(Submit, rate / 4, TimeSpan.FromSeconds(quick ? 1 : 5), 0);
        var seconds = quick ? 2 : 30;
        var results = await Load(Submit, rate, TimeSpan.FromSeconds(seconds), 1_000_000);
        var failed = results.Where(r => r.Status != HttpStatusCode.Created).ToList();
        if (failed.Count > 0)
        {
            throw app.Failure($"{failed.Count} of {results.Count} submissions were not answered 201 (first: {(int)failed[0].Status}).");
        }

        // Answers come at once under load; the queued ones are processed right after. Report when the last was.
        var drain = Stopwatch.StartNew();
        while (true)
        {
            var waiting = await app.Client.GetFromJsonAsync<JsonElement>($"api/forms/{formId}/submissions?status=submitted&limit=1");
            if (waiting.GetProperty("items").GetArrayLength() == 0)
            {
                break;
            }

            if (drain.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw app.Failure("Submissions were still waiting 5 minutes after the load ended.");
            }

            await Task.Delay(250);
        }

        log.WriteLine($"  {results.Count} submissions in {seconds} s at {rate}/s; every one processed {drain.Elapsed.TotalSeconds:F1} s after the last");
        return new ResultRow(Scenario, $"{results.Count:N0} submissions over {seconds} s, {rate} a second, each a new person (JSON, UTM values), all 201; " +
            $"all processed {drain.Elapsed.TotalSeconds:F1} s after the last answer",
            100, new Timing([.. results.Select(r => r.Ms)]), null);
    }

    /// <summary>Starts one submission every 1/rate seconds for the duration, whatever the answers do; waits for all.</summary>
    private static async Task<List<(double Ms, HttpStatusCode Status)>> Load(Func<int, Task<(double, HttpStatusCode)>> submit, int rate, TimeSpan duration, int first)
    {
        var pending = new ConcurrentBag<Task<(double, HttpStatusCode)>>();
        var clock = Stopwatch.StartNew();
        var total = (int)(rate * duration.TotalSeconds);
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            pending.Add(submit(first + n));
        }

        return [.. await Task.WhenAll(pending)];
    }
}
