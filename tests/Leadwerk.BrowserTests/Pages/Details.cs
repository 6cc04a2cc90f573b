using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>The label/value pairs of a card (a description list), found by the visible label.</summary>
public static class Details
{
    public static ILocator Label(IPage page, string label) =>
        page.Locator("dl dt").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(label)}\\s*$") });

    public static ILocator Value(IPage page, string label) => Label(page, label).Locator("xpath=following-sibling::dd[1]");
}
