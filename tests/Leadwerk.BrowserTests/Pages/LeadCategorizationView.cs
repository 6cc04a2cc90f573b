using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>Admin › Automation › Lead categorization: a region per rule, named by its heading, and the Test with… box.</summary>
public sealed class LeadCategorizationView(IPage page)
{
    public const string Path = "/admin/automation/lead-categorization";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The summary of a refused save.</summary>
    public ILocator Problems => page.Locator(".rules-problems");

    public ILocator TestBox => page.GetByRole(AriaRole.Region, new() { Name = "Test with…", Exact = true });

    public ILocator TestSummary => TestBox.Locator(".rule-test-summary");

    public Task Open() => page.OpenInteractive(Path);

    /// <summary>A new rule on the status trigger the editor starts with; returns its region.</summary>
    public async Task<ILocator> OpenAndAddRule(params string[] statuses)
    {
        await Open();
        await Button("Add rule").ClickAsync();
        var rule = Rule("New rule");
        await ChooseMany(rule, "Lead statuses", statuses);
        return rule;
    }

    /// <summary>A saved rule by its derived name, a new one as "New rule".</summary>
    public ILocator Rule(string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The field's whole control, so its error text (shown below it) can be asserted.</summary>
    public static ILocator Field(ILocator scope, string label) =>
        scope.Locator(".mud-input-control").Filter(new() { Has = scope.Page.GetByLabel(label, new() { Exact = true }) });

    public async Task Choose(ILocator scope, string label, string option)
    {
        await scope.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>A multi-select stays open after each pick; Escape closes it as a keyboard user would.</summary>
    public async Task ChooseMany(ILocator scope, string label, params string[] options)
    {
        await scope.GetByLabel(label, new() { Exact = true }).ClickAsync();
        foreach (var option in options)
        {
            await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        }

        await page.Keyboard.PressAsync("Escape");
    }

    public async Task PickPerson(string search, string option)
    {
        await TestBox.GetByLabel("Person", new() { Exact = true }).FillAsync(search);
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
