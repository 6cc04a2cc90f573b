using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>The board of a selection: one region per column, named by its heading.</summary>
public sealed class SelectionBoard(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Tooltip => page.Locator(".mud-tooltip").Filter(new() { Visible = true });

    public ILocator Snackbar => page.Locator(".mud-snackbar");

    public Task Open(int selectionId) => page.OpenInteractive($"/selections/{selectionId}/board");

    public ILocator Column(string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    public ILocator Count(string column) => Column(column).Locator(".board-count");

    /// <summary>The drop zone of a column, where cards are dropped.</summary>
    public ILocator Zone(string column) => Column(column).Locator(".mud-drop-zone");

    public ILocator Card(string personName) => page.Locator(".board-card").Filter(new() { HasText = personName });

    public ILocator CardIn(string column, string personName) => Column(column).Locator(".board-card").Filter(new() { HasText = personName });

    public ILocator MoveTo(string personName) => Card(personName).GetByRole(AriaRole.Button, new() { Name = "Move to" });
}
