using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>The Contacts tab of a company card: column chooser, group by, column filters, sortable headers.</summary>
public sealed class ContactsGrid(IPage page)
{
    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "Contacts", Exact = true });

    public ILocator ColumnsButton => page.GetByRole(AriaRole.Button, new() { Name = "Columns", Exact = true });

    public ILocator GroupByPicker => page.GetByLabel("Group by");

    public ILocator ClearFiltersButton => page.GetByRole(AriaRole.Button, new() { Name = "Clear filters", Exact = true });

    public ILocator LoadMoreButton => Table.GetByRole(AriaRole.Button, new() { Name = "Load more", Exact = true });

    /// <summary>The rows of persons (each has a link to its person card).</summary>
    public ILocator PersonRows => Table.Locator("tbody tr").Filter(new() { Has = page.Locator("a[href^='/persons/']") });

    public ILocator Header(string column) => Table.GetByRole(AriaRole.Columnheader, new() { Name = column, Exact = true });

    public ILocator SortButton(string column) => Header(column).GetByRole(AriaRole.Button);

    public ILocator TextFilter(string column) => page.GetByLabel($"{column} contains", new() { Exact = true });

    public ILocator ColumnCheckbox(string column) => page.GetByRole(AriaRole.Checkbox, new() { Name = column, Exact = true });

    /// <summary>A group header such as "Lead status: Contacting (12)", found by its start so the count can be asserted.</summary>
    public ILocator Group(string field, string value) =>
        Table.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^{Regex.Escape($"{field}: {value}")} \\(\\d+\\)$") });

    public async Task GroupBy(string field)
    {
        await GroupByPicker.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = field, Exact = true }).ClickAsync();
    }
}
