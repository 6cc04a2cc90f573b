using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Infrastructure;

public static class Keyboard
{
    /// <summary>Presses Tab until the focus is on (or inside) the target, as a keyboard user would.</summary>
    public static async Task TabTo(IPage page, ILocator target, int maxTabs = 60)
    {
        await target.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        for (var i = 0; i < maxTabs; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement || el.contains(document.activeElement)"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'");
        throw new Xunit.Sdk.XunitException($"{maxTabs} presses of Tab did not reach {target}; the focus is on {focused}.");
    }
}
