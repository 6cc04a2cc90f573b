using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>A selection's page: its details, criteria in words and its members.</summary>
public sealed class SelectionView(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Members => page.GetByRole(AriaRole.Table, new() { Name = "Members", Exact = true });

    public ILocator Criteria => Details.Value(page, "Criteria");

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public Task Open(int id) => page.OpenInteractive($"/selections/{id}");

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator MemberLink(string name) => Members.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator PickBox(string rowName) => Members.GetByRole(AriaRole.Checkbox, new() { Name = $"Pick {rowName}", Exact = true });
}
