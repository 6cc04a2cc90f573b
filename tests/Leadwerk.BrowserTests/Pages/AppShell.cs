using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>The layout around every page: app bar with the user menu, and the navigation.</summary>
public sealed class AppShell(IPage page)
{
    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    /// <summary>The button shows the user's name; its accessible name adds "account" (the same word in Dutch).</summary>
    public ILocator UserMenu => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("account$") });

    public async Task SwitchLanguage(string language)
    {
        await UserMenu.ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = language }).ClickAsync();
    }
}
