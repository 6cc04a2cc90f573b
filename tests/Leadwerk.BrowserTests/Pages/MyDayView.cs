using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>The My day page: three sections whose headings carry their counts, and one row per follow-up.</summary>
public sealed class MyDayView(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Section(string name) => page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex($"^{Regex.Escape(name)} \\(\\d+\\)$") });

    public ILocator SectionHeading(string name, int count) =>
        page.GetByRole(AriaRole.Heading, new() { Name = $"{name} ({count})", Exact = true, Level = 2 });

    /// <summary>A row is named by its summary, which holds the follow-up's title.</summary>
    public ILocator Row(string title) => page.Locator("li.myday-row").Filter(new() { HasText = title });

    public ILocator Button(string action, string title) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"{action}: {title}", Exact = true });

    public ILocator Snackbar(string text) => page.Locator(".mud-snackbar").Filter(new() { HasText = text }).First;
}
