using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>A file with only a header cannot be imported as "0 rows": the page says so next to the file and offers neither Check nor Import.</summary>
public sealed class ImportNoRowsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl", "niets te importeren", "Controleren", "Importeren")]
    public async Task AFileWithOnlyAHeaderIsRefusedNextToTheFileAndCannotBeCheckedOrImported(string language, string message, string check, string import)
    {
        var user = await Data.User(language: language);
        await As(user, async page =>
        {
            var view = new ImportView(page);
            await view.OpenNew();
            await view.Upload("empty.csv", "last name,email\r\n");

            await Expect(page.Locator(".import-file-error")).ToContainTextAsync(message);
            await Expect(view.Button(check)).ToBeDisabledAsync();
            await Expect(view.Button(import)).ToBeDisabledAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the import form with a header-only file ({language})");
        });
    }
}
