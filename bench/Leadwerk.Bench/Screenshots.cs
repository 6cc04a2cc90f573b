using Leadwerk.Web.Search;
using Microsoft.Playwright;

namespace Leadwerk.Bench;

/// <summary>
/// `screenshots`: the README's pictures made anew from the current build, on a new database with the
/// demo data, in Chromium at laptop width — so they show what a newcomer sees, never test data.
/// </summary>
public static class Screenshots
{
    public static async Task Run(BenchOptions options, TextWriter log)
    {
        var chromium = Environment.GetEnvironmentVariable("LEADWERK_CHROMIUM") is { Length: > 0 } set ? set : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium} (apt-get install chromium, or set LEADWERK_CHROMIUM).");
        }

        Directory.CreateDirectory(options.Output);
        await using var app = await AppProcess.Start(options, log, new Dictionary<string, string> { ["Leadwerk__DemoData"] = "true" });
        Matrix.Http.Authorize(app.Client, await app.Token());
        var statuses = await Matrix.Http.Json(app.Client, HttpMethod.Get, "api/lead-statuses");
        var statusId = statuses.EnumerateArray().First(s => s.GetProperty("names").GetProperty("en").GetString() == "Contacting").GetProperty("id").GetInt32();
        var found = await Matrix.Http.Json(app.Client, HttpMethod.Post, "api/search", new SearchRequest(
            Criteria.For(Entities.Person, CriteriaLine.Of("person.leadStatus", Operators.OneOf, statusId)), null, "person.lastName", 1, null));
        var personId = found.GetProperty("items")[0].GetProperty("id").GetInt32();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString(), ViewportSize = new() { Width = 1366, Height = 800 }, Locale = "en-GB", TimezoneId = "Europe/Amsterdam",
        });
        await Matrix.BrowserCells.LogIn(context);
        var page = await context.NewPageAsync();

        // The person card with the lead status's explanation open, as the mouse shows it.
        await Open(page, $"/persons/{personId}");
        await page.Locator("main").GetByText("Contacting", new() { Exact = true }).First.HoverAsync();
        await page.Locator(".mud-tooltip").Filter(new() { Visible = true }).First.WaitForAsync();
        await Save(page, options.Output, "screenshot.png", fullPage: false, log);

        // The seeded dashboard, every tile computed.
        await Open(page, "/dashboard");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.tile-body').length > 0 && !document.querySelector(\".tile-body[aria-busy='true']\")");
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).HoverAsync();
        await Save(page, options.Output, "dashboard.png", fullPage: true, log);
    }

    /// <summary>A page once its interactive circuit has taken over the prerendered markup (the layout flags it).</summary>
    private static async Task Open(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("#circuit-state[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task Save(IPage page, string directory, string name, bool fullPage, TextWriter log)
    {
        // Blazor's first render and the charts' animations settle before the picture is taken.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(1000);
        var path = Path.Combine(directory, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        log.WriteLine($"{path} written");
    }
}
