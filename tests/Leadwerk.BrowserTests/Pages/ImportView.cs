using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

/// <summary>The import form /imports/new (file, column mapping, options, check) and an import's page /imports/{id}.</summary>
public sealed class ImportView(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator File => page.Locator("#import-file");

    /// <summary>The counts of the last check (a description list).</summary>
    public ILocator CheckCounts => page.Locator("#import-check-counts");

    /// <summary>The rows of the error table (or of the rollback's left-alone table) whose caption starts with the given text.</summary>
    public ILocator Rows(string caption) =>
        page.Locator("table.import-rows, .import-rows table").Filter(new() { Has = page.Locator("caption", new() { HasText = caption }) }).Locator("tbody tr");

    /// <summary>The run's progress and result in words (a polite live region).</summary>
    public ILocator Progress => page.Locator(".import-progress");

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public Task OpenNew() => page.OpenInteractive("/imports/new");

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Column(string header) => page.Locator(".import-columns").GetByLabel(header, new() { Exact = true });

    /// <summary>Chooses a file and waits for what the page shows after reading it: its columns, or (for a file it refuses) what <paramref name="shows"/> names.</summary>
    public async Task Upload(string name, string text, string shows = ".import-columns")
    {
        var folder = Directory.CreateTempSubdirectory("leadwerk-import-").FullName;
        var path = Path.Combine(folder, name);
        try
        {
            // With a BOM, as Excel's “CSV UTF-8” writes it.
            await System.IO.File.WriteAllTextAsync(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            // Blazor attaches the input's change handler after its first render (and marks the element then);
            // a file chosen before that is lost, as on a busy machine the circuit may be ready before it.
            await File.EvaluateAsync("el => new Promise(ready => { const poll = () => el._blazorInputFileNextFileId !== undefined ? ready() : setTimeout(poll, 20); poll(); })");
            await File.SetInputFilesAsync(path);
            // The app reads the file after the change event: it must still be there until the columns show.
            await page.Locator(shows).WaitForAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public async Task Choose(string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>A full-page picture for a person to look at, next to the failure screenshots.</summary>
    public async Task Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"Import.{name}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }
}
