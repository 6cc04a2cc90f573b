using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>A dashboard: its filters, the as-of banner and its tiles, each a region named by its title.</summary>
public sealed class DashboardView(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator AsOfBanner => page.Locator(".dashboard-asof");

    public ILocator TileHeadings => page.Locator(".dashboard-tile h2");

    public Task Open(string path = "/dashboard") => page.OpenInteractive(path);

    public ILocator Tile(string title) => page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });

    /// <summary>A tile has its figures once it shows when they were computed.</summary>
    public ILocator Computed(string title) => Tile(title).Locator(".tile-footer");

    public ILocator BigNumber(string title) => Tile(title).Locator(".tile-big-number");

    public ILocator ShowAsTable(string title) => page.GetByRole(AriaRole.Button, new() { Name = $"Show “{title}” as table", Exact = true });

    public ILocator Figure(string title, string name) => Tile(title).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public async Task TileMenu(string title, string item)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"More for “{title}”", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = item, Exact = true }).ClickAsync();
    }

    public async Task Choose(ILocator scope, string label, string option)
    {
        await scope.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>Types a day into the as-of picker and leaves it, as a keyboard user would.</summary>
    public async Task SetAsOf(DateOnly day)
    {
        var input = page.GetByLabel("As of", new() { Exact = true });
        await input.FillAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }
}
