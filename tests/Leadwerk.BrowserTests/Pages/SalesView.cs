using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>The sales list of a company tab or person card, and its sale dialog.</summary>
public sealed class SalesView(IPage page)
{
    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Field(string label) => Dialog.GetByLabel(label);

    public ILocator Row(string title) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });

    public ILocator Tab(string name) => page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });

    public async Task Choose(string label, string option)
    {
        await Field(label).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
