using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Infrastructure;

public static class PageExtensions
{
    /// <summary>
    /// Prerendered markup looks like the live page but ignores clicks; the layout flags the moment
    /// the interactive circuit has taken over.
    /// </summary>
    public static Task WaitForCircuit(this IPage page) =>
        page.Locator("#circuit-state[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task OpenInteractive(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForCircuit();
    }

}
