using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

public sealed class PersonPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Category => Details.Value(page, "Category");

    public ILocator CategoryGroup => Details.Value(page, "Category group");

    /// <summary>The focusable element that carries the status and its description tooltip.</summary>
    public ILocator LeadStatus => Details.Value(page, "Lead status").Locator("[tabindex='0']");

    public ILocator LeadStatusReason => page.Locator(".lead-status-reason");

    public ILocator Tooltip => page.Locator(".mud-tooltip").Filter(new() { Visible = true });

    public ILocator EditButton => page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });

    public ILocator CompanyPicker => page.GetByLabel("Company", new() { Exact = true });

    public ILocator LeadStatusPicker => page.GetByLabel("Lead status", new() { Exact = true });

    public ILocator History => page.GetByRole(AriaRole.Table, new() { Name = "Lead status history" });

    public Task Open(int id) => page.OpenInteractive($"/persons/{id}");

    public async Task ChooseLeadStatus(string status)
    {
        await LeadStatusPicker.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = status, Exact = true }).ClickAsync();
    }
}
