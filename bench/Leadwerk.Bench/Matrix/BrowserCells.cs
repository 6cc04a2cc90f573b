using System.Diagnostics;
using Leadwerk.Web.Dashboards;
using Leadwerk.Web.Search;
using Microsoft.Playwright;

namespace Leadwerk.Bench.Matrix;

/// <summary>A page timed in Chromium: from navigation to its first result row on screen.</summary>
public sealed record BrowserResult(string Name, Timing Time)
{
    /// <summary>Each page shows its first row in under a second (p95).</summary>
    public const double GoalMs = 1_000;

    public bool Met => Time.P95 < GoalMs;
}

/// <summary>
/// What a user waits for in the browser (issue 17): Find with criteria, the board of about 100k
/// persons and the largest company's Contacts tab, in Debian's Chromium driven by Playwright, logged
/// in once, a new tab per visit (the app's scripts cached, as for a user who works in it all day).
/// </summary>
public static class BrowserCells
{
    public static async Task<List<BrowserResult>> Run(Uri app, Landmarks landmarks, HttpClient client, bool quick, TextWriter log)
    {
        var chromium = Environment.GetEnvironmentVariable("LEADWERK_CHROMIUM") is { Length: > 0 } set ? set : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium} (apt-get install chromium, or set LEADWERK_CHROMIUM).");
        }

        var selectionId = await Landmarks.Selection(client, Landmarks.TwoOwners(landmarks.Owners));
        var find = DrillLinks.Find(Criteria.For(Entities.Person,
            CriteriaLine.Of("person.owner", Operators.OneOf, landmarks.Owners[0]), CriteriaLine.Of("person.lastName", Operators.StartsWith, "de")));
        (string Name, string Path)[] pages =
        [
            ("Find: one owner's persons whose last name starts with “de”, first row", find),
            ("Board: two owners' persons by lead status, first card", $"/selections/{selectionId}/board"),
            ($"Contacts tab: largest company ({landmarks.CompanyPersons:N0} persons), first row", $"/companies/{landmarks.CompanyId}"),
        ];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        await using var context = await browser.NewContextAsync(new() { BaseURL = app.ToString(), ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "en-GB" });
        await LogIn(context);

        var results = new List<BrowserResult>();
        var (warmup, iterations) = quick ? (0, 1) : (3, 20);
        foreach (var (name, path) in pages)
        {
            var times = new List<double>(iterations);
            for (var i = 0; i < warmup + iterations; i++)
            {
                var ms = await FirstRow(context, path);
                if (i >= warmup)
                {
                    times.Add(ms);
                }
            }

            results.Add(new BrowserResult(name, new Timing(times)));
            log.WriteLine($"- Browser: {name}: p50 {results[^1].Time.P50:N0} ms, p95 {results[^1].Time.P95:N0} ms");
        }

        return results;
    }

    internal static async Task LogIn(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(AppProcess.UserName);
        await page.GetByLabel("Password").FillAsync(Generator.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    /// <summary>A new tab, the page's address, and the time until a link to a person shows in the page's main region.</summary>
    private static async Task<double> FirstRow(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        try
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator("main a[href^='/persons/']").First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
            return watch.Elapsed.TotalMilliseconds;
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
