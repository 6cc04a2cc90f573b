using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>Measures layout the way a user sees it: does the page scroll sideways, does a table fit its box.</summary>
public static class Layout
{
    public const int Laptop = 1366;
    public const int Phone = 390;

    public static Task Width(this IPage page, int width) =>
        page.SetViewportSizeAsync(width, width == Phone ? 844 : 900);

    /// <summary>The page itself never scrolls sideways; a wide table scrolls inside its own box.</summary>
    public static async Task AssertNoHorizontalOverflow(IPage page, string what)
    {
        var (scroll, inner) = await Sizes(page);
        Assert.True(scroll <= inner, $"{what} at {inner} px is {scroll} px wide: the page scrolls sideways ({page.Url}).");
    }

    /// <summary>The element's right edge is inside the viewport (a card value not pushed off-screen).</summary>
    public static async Task AssertInsideViewport(IPage page, ILocator element, string what)
    {
        var box = await element.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{what} is not shown.");
        var (_, inner) = await Sizes(page);
        Assert.True(box.X >= 0 && box.X + box.Width <= inner + 0.5, $"{what} spans {box.X:0}–{box.X + box.Width:0} px in a {inner} px viewport.");
    }

    /// <summary>The table's own width and the width of the box it sits in.</summary>
    public static async Task<(double Table, double Box)> TableAndBox(ILocator table)
    {
        var sizes = await table.EvaluateAsync<double[]>("""
            t => {
              let box = t.parentElement;
              while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
              return [t.getBoundingClientRect().width, (box ?? document.documentElement).clientWidth];
            }
            """);
        return (sizes[0], sizes[1]);
    }

    private static async Task<(double Scroll, double Inner)> Sizes(IPage page)
    {
        var sizes = await page.EvaluateAsync<double[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        return (sizes[0], sizes[1]);
    }
}
