using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>The bulk update dialog (choose changes, preview, run) and a run's page /bulk-updates/{id}.</summary>
public sealed class BulkUpdateView(IPage page)
{
    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The run's progress and result in words (a polite live region).</summary>
    public ILocator Progress => page.Locator(".bulk-progress");

    public ILocator ProgressBar => page.GetByRole(AriaRole.Progressbar);

    public ILocator SkipGroups => Dialog.Locator(".bulk-skip-group");

    public Task Open(int id) => page.OpenInteractive($"/bulk-updates/{id}");

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Link(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task Choose(string label, string option)
    {
        await Dialog.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
