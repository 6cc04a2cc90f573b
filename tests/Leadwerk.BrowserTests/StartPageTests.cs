using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class StartPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl", "Mijn dag")]
    public async Task TheStartPageIsMyDayItselfAndNeverABareRedirect(string language, string heading)
    {
        var user = await Data.User(language: language);
        await As(user, async page =>
        {
            var response = await page.GotoAsync("/");
            // The server's first answer already holds the page: nothing to flash before a redirect.
            Assert.Equal(200, response!.Status);
            Assert.Contains(heading, await response.TextAsync());
            await page.WaitForCircuit();
            await Expect(page).ToHaveURLAsync(new Regex("^[^?#]*://[^/]+/$"));
            await Expect(new MyDayView(page).Heading).ToHaveTextAsync(heading);
            await Expect(page).ToHaveTitleAsync(new Regex($"^{heading}"));
            await Accessibility.AssertNoSeriousViolations(page, $"the start page ({language})");
        });
    }
}
