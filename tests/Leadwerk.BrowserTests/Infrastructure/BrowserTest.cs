using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>
/// Runs a test's steps in a fresh browser context and, when they fail, saves a screenshot and the
/// page's console errors (xunit 2 has no failure hook, so the steps are wrapped).
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output)
{
    protected BrowserFixture App => fixture;

    protected TestData Data => fixture.Data;

    protected ITestOutputHelper Output => output;

    protected Task AsAdmin(Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        InBrowser(() => fixture.NewAdminContext(), steps, test);

    protected Task As((string UserName, string Password) user, Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        InBrowser(() => fixture.NewContext(user.UserName, user.Password), steps, test);

    /// <summary>As the user, in a browser that reports the given IANA time zone.</summary>
    protected Task AsIn(string timeZoneId, (string UserName, string Password) user, Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        InBrowser(() => fixture.NewContext(user.UserName, user.Password, timeZoneId), steps, test);

    protected Task Anonymously(Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        InBrowser(() => fixture.NewContext(), steps, test);

    private async Task InBrowser(Func<Task<IBrowserContext>> newContext, Func<IPage, Task> steps, string test)
    {
        await using var context = await newContext();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        try
        {
            await steps(page);
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{GetType().Name}.{test}.png");
            try
            {
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                output.WriteLine($"Screenshot: {file}");
                await File.WriteAllTextAsync(Path.ChangeExtension(file, ".html"), await page.ContentAsync());
            }
            catch (PlaywrightException e)
            {
                output.WriteLine($"No screenshot: {e.Message}");
            }

            output.WriteLine($"URL at failure: {page.Url}");
            foreach (var problem in problems)
            {
                output.WriteLine(problem);
            }

            throw;
        }
    }
}
