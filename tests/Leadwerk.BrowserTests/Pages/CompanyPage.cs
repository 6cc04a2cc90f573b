using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

public sealed class CompanyPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Category => Details.Value(page, "Category");

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator Contacts => page.GetByRole(AriaRole.Heading, new() { Name = "Contacts", Level = 2 });

    public Task Open(int id) => page.OpenInteractive($"/companies/{id}");

    public async Task ChangeCategory(string category)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Dialog.GetByLabel("Category").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = category, Exact = true }).ClickAsync();
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
    }

    public ILocator PersonLink(string fullName) => page.GetByRole(AriaRole.Link, new() { Name = fullName, Exact = true });
}
