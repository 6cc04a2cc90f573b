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

    /// <summary>The confirmation an action asks first (a message box of its own beside any open dialog).</summary>
    public static ILocator Confirmation(this IPage page, string question) => page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = question });

    /// <summary>Answers the confirmation with its yes button, and waits until it has gone.</summary>
    public static async Task Confirm(this IPage page, string question, string yes)
    {
        await page.Confirmation(question).GetByRole(AriaRole.Button, new() { Name = yes, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Confirmation(question)).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Picks an option of a select and waits until the select shows it. Under load a click on an
    /// option can land while the list is still being placed and be lost; the pick is then tried again.
    /// </summary>
    public static async Task Choose(this IPage page, ILocator select, string option)
    {
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
            try
            {
                await Assertions.Expect(select).ToHaveValueAsync(option, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
    }
}
