using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>The Find page: the criteria builder (sets of lines) and the results grid, named in the user's language ("en" or "nl").</summary>
public sealed class FindView(IPage page, string language = "en")
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Results => page.GetByRole(AriaRole.Table, new() { Name = W("Results", "Resultaten"), Exact = true });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public Task Open(string path = "/find") => page.OpenInteractive(path);

    public ILocator Set(int set) => page.GetByRole(AriaRole.Group, new() { Name = W($"Set {set}", $"Groep {set}"), Exact = true });

    public ILocator Line(int set, int line) => page.GetByRole(AriaRole.Group, new() { Name = W($"Set {set}, line {line}", $"Groep {set}, regel {line}"), Exact = true });

    public ILocator Field(int set, int line) => Line(set, line).GetByLabel(W("Field", "Veld"), new() { Exact = true });

    public ILocator Operator(int set, int line) => Line(set, line).GetByLabel("Operator", new() { Exact = true });

    public ILocator TextValue(int set, int line) => Line(set, line).GetByLabel(W("Value", "Waarde"), new() { Exact = true });

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator ResultLink(string name) => Results.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task ChooseField(int set, int line, string field)
    {
        await Field(set, line).ClickAsync();
        await Option(field).ClickAsync();
    }

    public async Task ChooseOperator(int set, int line, string op)
    {
        await Operator(set, line).ClickAsync();
        await Option(op).ClickAsync();
    }

    /// <summary>Picks values in a list line's multi-select, then closes it as a keyboard user would.</summary>
    public async Task PickValues(int set, int line, params string[] values)
    {
        await Line(set, line).GetByLabel("Values", new() { Exact = true }).ClickAsync();
        foreach (var value in values)
        {
            await Option(value).ClickAsync();
        }

        await page.Keyboard.PressAsync("Escape");
    }

    /// <summary>A text line: field, operator and the typed value.</summary>
    public async Task TextLine(int set, int line, string field, string op, string value)
    {
        await ChooseField(set, line, field);
        await ChooseOperator(set, line, op);

        await TypeUntilItStays(page, TextValue(set, line), value);
    }

    /// <summary>
    /// Choosing the operator re-renders the line; on a busy machine that render can land after the
    /// typing and put the old (empty) value back, so type until the value stays.
    /// </summary>
    public static async Task TypeUntilItStays(IPage page, ILocator input, string value)
    {
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(value);
            await page.WaitForTimeoutAsync(250);
            if (await input.InputValueAsync() == value || attempt == 5)
            {
                break;
            }
        }

        await Assertions.Expect(input).ToHaveValueAsync(value);
    }

    public Task AddLine(int set) => Set(set).GetByRole(AriaRole.Button, new() { Name = W("Add line", "Regel toevoegen"), Exact = true }).ClickAsync();

    public Task Or() => Button("Or").ClickAsync();

    public Task Search() => Button(W("Search", "Zoeken")).ClickAsync();

    public async Task SaveAsDynamicSelection(string name)
    {
        await Button("Save as selection").ClickAsync();
        await Dialog.GetByRole(AriaRole.Radio, new() { Name = "Dynamic", Exact = true }).CheckAsync();
        await Dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
    }

    public async Task ChooseInDialog(string label, string option)
    {
        await Dialog.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await Option(option).ClickAsync();
    }

    private ILocator Option(string name) => page.GetByRole(AriaRole.Option, new() { Name = name, Exact = true });

    private string W(string english, string dutch) => language == "nl" ? dutch : english;
}
