using System.Globalization;
using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>
/// The Leads dashboard and own dashboards. Every test narrows the dashboard to a user of its own
/// (the owner filter), so the figures it asserts are the records it made, whatever other tests add.
/// </summary>
public sealed class DashboardTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly string[] SeededTiles =
    [
        "Active leads", "Leads per status", "Speed to lead", "Qualification funnel", "New leads per week", "Leads per owner",
        "Time in status", "Stale leads",
    ];

    [Fact]
    public async Task TheNavigationOpensTheSeededDashboardWhoseTilesAllComputeAndWhichPassesTheAxeScan()
    {
        var user = await Data.User();
        var owner = await Data.UserId(user.UserName);
        await Data.Lead(owner, "Contacting");
        await As(user, async page =>
        {
            var dashboard = new DashboardView(page);
            await page.OpenInteractive("/companies");
            await new AppShell(page).Navigation.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/dashboards/\d+$"));
            await Expect(dashboard.Heading).ToHaveTextAsync("Leads");
            foreach (var title in SeededTiles)
            {
                await Expect(dashboard.Computed(title)).ToContainTextAsync("Computed");
            }

            await Expect(page.Locator(".tile-body .mud-alert")).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, "the Leads dashboard");
        });
    }

    [Fact]
    public async Task ClickingAStatusFigureInTheTileTableOpensFindWithTheSameCount()
    {
        var user = await Data.User();
        var owner = await Data.UserId(user.UserName);
        for (var i = 0; i < 3; i++)
        {
            await Data.Lead(owner, "Contacting");
        }

        await Data.Lead(owner, "Open");
        await As(user, async page =>
        {
            var dashboard = new DashboardView(page);
            await dashboard.Open($"/dashboard?owner={owner}");
            await Expect(page).ToHaveURLAsync(new Regex($@"/dashboards/\d+\?owner={owner}$"));
            await Expect(dashboard.Computed("Leads per status")).ToBeVisibleAsync();
            await dashboard.ShowAsTable("Leads per status").ClickAsync();
            await Expect(dashboard.ShowAsTable("Leads per status")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(dashboard.Figure("Leads per status", "Open: 1")).ToBeVisibleAsync();

            // The tile's CSV has the same figures, for the same filters.
            await page.GetByRole(AriaRole.Button, new() { Name = "More for “Leads per status”", Exact = true }).ClickAsync();
            var csv = await page.GetByRole(AriaRole.Menuitem, new() { Name = "Download CSV", Exact = true }).GetAttributeAsync("href");
            Assert.Matches($@"^/api/dashboards/\d+/tiles/leads-per-status/data\.csv\?owner={owner}$", csv);
            var response = await page.Context.APIRequest.GetAsync(csv!);
            Assert.Equal(200, response.Status);
            Assert.Contains("Contacting", await response.TextAsync(), StringComparison.Ordinal);
            await dashboard.Heading.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Download CSV", Exact = true })).ToHaveCountAsync(0);

            await dashboard.Figure("Leads per status", "Contacting: 3").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/find\?criteria="));
            await page.WaitForCircuit();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1–3 of 3");
            await Expect(new FindView(page).Results.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
            await Accessibility.AssertNoSeriousViolations(page, "Find opened from a dashboard figure");
        });
    }

    [Fact]
    public async Task ABarAFunnelStepAndTheBigNumberEachOpenTheirRecordsInFind()
    {
        var user = await Data.User();
        var owner = await Data.UserId(user.UserName);
        await Data.Lead(owner, "Open");
        await Data.Lead(owner, "Open");
        await Data.Lead(owner, "Contacting");
        await As(user, async page =>
        {
            var dashboard = new DashboardView(page);
            var address = $"/dashboard?owner={owner}";

            await dashboard.Open(address);
            await dashboard.Figure("Active leads", "Active leads: 3, show the records").ClickAsync();
            await ExpectFindCount(page, "1–3 of 3");

            await dashboard.Open(address);
            // The one made as Contacting never was Open: the funnel counts the steps reached, in order.
            await dashboard.Figure("Qualification funnel", "Open: 2 persons, show them").ClickAsync();
            await ExpectFindCount(page, "1–2 of 2");

            // The bar above the "Contacting" label of the chart itself.
            await dashboard.Open(address);
            await Expect(dashboard.Computed("Leads per status")).ToBeVisibleAsync();
            var labels = await dashboard.Tile("Leads per status").Locator(".mud-charts-xaxis text").AllTextContentsAsync();
            var bars = dashboard.Tile("Leads per status").Locator("path.mud-chart-bar");
            await Expect(bars).ToHaveCountAsync(labels.Count);
            await bars.Nth(labels.ToList().IndexOf("Contacting")).ClickAsync(new() { Force = true });
            await ExpectFindCount(page, "1 of 1");
        });
    }

    private static async Task ExpectFindCount(IPage page, string count)
    {
        await Expect(page).ToHaveURLAsync(new Regex(@"/find\?criteria="));
        await page.WaitForCircuit();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(count);
    }

    [Fact]
    public async Task AnAsOfDateShowsItsBannerAndTheFiguresOfThatDayUntilItIsCleared()
    {
        var user = await Data.User();
        var owner = await Data.UserId(user.UserName);
        await Data.Lead(owner, "Open");
        await Data.Lead(owner, "Contacting");
        await As(user, async page =>
        {
            var dashboard = new DashboardView(page);
            await dashboard.Open($"/dashboard?owner={owner}");
            await Expect(dashboard.BigNumber("Active leads")).ToHaveTextAsync("2");

            // Yesterday these leads did not exist yet.
            var yesterday = DateOnly.FromDateTime(DateTime.Today.AddDays(-1));
            await dashboard.SetAsOf(yesterday);
            var day = yesterday.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-US"));
            await Expect(dashboard.AsOfBanner).ToContainTextAsync($"Figures as of {day}");
            await Expect(page).ToHaveURLAsync(new Regex($"asOf={yesterday:yyyy-MM-dd}"));
            await Expect(dashboard.BigNumber("Active leads")).ToHaveTextAsync("0");
            await Expect(dashboard.Computed("Active leads")).ToContainTextAsync($"as of {day}");
            await Accessibility.AssertNoSeriousViolations(page, "the dashboard as of yesterday");

            // A reload keeps the day: it is in the address.
            await page.ReloadAsync();
            await page.WaitForCircuit();
            await Expect(dashboard.AsOfBanner).ToContainTextAsync($"Figures as of {day}");

            await dashboard.AsOfBanner.GetByRole(AriaRole.Button, new() { Name = "Back to today", Exact = true }).ClickAsync();
            await Expect(dashboard.AsOfBanner).ToHaveCountAsync(0);
            await Expect(dashboard.BigNumber("Active leads")).ToHaveTextAsync("2");
        });
    }

    [Fact]
    public async Task AnAsOfFigureOpensFindWithItsDayOnTheLineWhichCanBeRemoved()
    {
        var user = await Data.User();
        var owner = await Data.UserId(user.UserName);
        await Data.Lead(owner, "Open");
        var yesterday = DateOnly.FromDateTime(DateTime.Today.AddDays(-1));
        await As(user, async page =>
        {
            var dashboard = new DashboardView(page);
            await dashboard.Open($"/dashboard?owner={owner}&asOf={yesterday:yyyy-MM-dd}");
            await dashboard.Figure("Active leads", "Active leads: 0, show the records").ClickAsync();
            await ExpectFindCount(page, "0 results");

            var day = yesterday.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-US"));
            var find = new FindView(page);
            await Expect(page.Locator(".criteria-line-asof").First).ToContainTextAsync($"on {day}");
            await Accessibility.AssertNoSeriousViolations(page, "Find with an as-of line");

            // Without the day, the same criteria ask about today.
            var remove = page.GetByRole(AriaRole.Button, new() { Name = $"Remove “on {day}”", Exact = true });
            // One at a time, each gone before the next: a button about to leave must not be clicked.
            for (var left = await remove.CountAsync(); left > 0; left--)
            {
                await remove.First.ClickAsync();
                await Expect(remove).ToHaveCountAsync(left - 1);
            }

            await find.Search();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 of 1");
        });
    }

    [Fact]
    public async Task AUserMakesADashboardOfTheirOwnAddsLibraryTilesWithAPreviewAndReordersThem()
    {
        var user = await Data.User();
        var owner = await Data.UserId(user.UserName);
        await Data.Lead(owner, "Open");
        var name = TestData.Unique("My leads");
        await As(user, async page =>
        {
            var dashboard = new DashboardView(page);
            await dashboard.Open("/dashboards");
            await dashboard.Button("New dashboard").ClickAsync();
            await dashboard.Dialog.GetByLabel("Name (English)", new() { Exact = true }).FillAsync(name);
            await dashboard.Dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/dashboards/\d+$"));
            await Expect(dashboard.Heading).ToHaveTextAsync(name);
            await Expect(page.GetByText("This dashboard has no tiles yet.")).ToBeVisibleAsync();

            await dashboard.Button("Add tile").First.ClickAsync();
            await dashboard.Choose(dashboard.Dialog, "Start from", "Active leads");
            await Expect(dashboard.Dialog.GetByLabel("Title (English)", new() { Exact = true })).ToHaveValueAsync("Active leads");
            await Expect(dashboard.Dialog.Locator(".tile-preview .tile-big-number")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the tile editor");
            await dashboard.Dialog.GetByRole(AriaRole.Button, new() { Name = "Save tile", Exact = true }).ClickAsync();
            await Expect(dashboard.Dialog).ToHaveCountAsync(0);
            await Expect(dashboard.Computed("Active leads")).ToBeVisibleAsync();

            await dashboard.Button("Add tile").ClickAsync();
            await dashboard.Choose(dashboard.Dialog, "Start from", "Leads per status");
            await Expect(dashboard.Dialog.Locator(".tile-preview .tile-chart")).ToBeVisibleAsync();
            await dashboard.Dialog.GetByLabel("Title (English)", new() { Exact = true }).FillAsync("My statuses");
            await dashboard.Dialog.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
            await Expect(dashboard.Dialog.Locator(".tile-preview .tile-chart")).ToBeVisibleAsync();
            await dashboard.Dialog.GetByRole(AriaRole.Button, new() { Name = "Save tile", Exact = true }).ClickAsync();
            await Expect(dashboard.Computed("My statuses")).ToBeVisibleAsync();
            await Expect(dashboard.TileHeadings).ToHaveTextAsync(["Active leads", "My statuses"]);

            await dashboard.TileMenu("My statuses", "Move up");
            await Expect(dashboard.TileHeadings).ToHaveTextAsync(["My statuses", "Active leads"]);

            // Saved: a reload shows the new order.
            await page.ReloadAsync();
            await page.WaitForCircuit();
            await Expect(dashboard.TileHeadings).ToHaveTextAsync(["My statuses", "Active leads"]);
            await Accessibility.AssertNoSeriousViolations(page, "an own dashboard");
        });
    }

    [Fact]
    public async Task ShowAsTableAndTheFiguresInItWorkWithTheKeyboardAlone()
    {
        var user = await Data.User();
        var owner = await Data.UserId(user.UserName);
        await Data.Lead(owner, "Qualified");
        await Data.Lead(owner, "Qualified");
        await As(user, async page =>
        {
            var dashboard = new DashboardView(page);
            await dashboard.Open($"/dashboard?owner={owner}");
            await Expect(dashboard.Computed("Leads per status")).ToBeVisibleAsync();

            var toggle = dashboard.ShowAsTable("Leads per status");
            await Keyboard.TabTo(page, toggle, maxTabs: 80);
            await page.Keyboard.PressAsync("Enter");
            await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
            var figure = dashboard.Figure("Leads per status", "Qualified: 2");
            await Expect(figure).ToBeVisibleAsync();

            await Keyboard.TabTo(page, figure);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex(@"/find\?criteria="));
            await page.WaitForCircuit();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1–2 of 2");
        });
    }

    [Fact]
    public async Task TheDashboardSpeaksDutchToADutchUser()
    {
        var user = await Data.User(language: "nl");
        var owner = await Data.UserId(user.UserName);
        await Data.Lead(owner, "Open");
        await As(user, async page =>
        {
            var dashboard = new DashboardView(page);
            await dashboard.Open($"/dashboard?owner={owner}");
            await Expect(dashboard.Heading).ToHaveTextAsync("Leads");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
            foreach (var title in new[] { "Actieve leads", "Leads per status", "Kwalificatietrechter", "Nieuwe leads per week", "Stilstaande leads" })
            {
                await Expect(dashboard.Computed(title)).ToContainTextAsync("Berekend");
            }

            await Expect(page.GetByLabel("Eigenaar", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Per datum", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(dashboard.BigNumber("Actieve leads")).ToHaveTextAsync("1");
            await Accessibility.AssertNoSeriousViolations(page, "the Leads dashboard in Dutch");
        });
    }
}
