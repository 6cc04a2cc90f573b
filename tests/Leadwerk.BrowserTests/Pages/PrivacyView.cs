using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>The person card's Personal data section and its erase dialog.</summary>
public sealed class PrivacyView(IPage page)
{
    public ILocator Section => page.GetByRole(AriaRole.Region, new() { Name = "Personal data" });

    public ILocator ExportLink => page.GetByRole(AriaRole.Link, new() { Name = "Export personal data" });

    public ILocator JsonLink => page.GetByRole(AriaRole.Link, new() { Name = "Download as JSON" });

    public ILocator EraseButton => page.GetByRole(AriaRole.Button, new() { Name = "Erase person" });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator ConfirmErase => Dialog.GetByRole(AriaRole.Button, new() { Name = "Erase", Exact = true });

    public ILocator Snackbar => page.Locator(".mud-snackbar");
}
