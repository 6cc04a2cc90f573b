using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Xunit.Abstractions;

namespace Leadwerk.BrowserTests;

/// <summary>The scan every other test relies on must fail when a page has a serious problem.</summary>
public sealed class AccessibilityScanTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task TheScanFailsOnAPageWithAnUnlabelledFieldAndNamesTheRuleAndTheElement()
    {
        await Anonymously(async page =>
        {
            var login = new LoginPage(page);
            await login.Open();
            await Accessibility.AssertNoSeriousViolations(page, "the login page");

            await page.EvaluateAsync("""
                () => {
                  const field = document.createElement('input');
                  field.id = 'unlabelled-field';
                  document.querySelector('main').appendChild(field);
                }
                """);
            var failure = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() =>
                Accessibility.AssertNoSeriousViolations(page, "the login page with a field added"));
            Assert.Contains("[critical] label", failure.Message, StringComparison.Ordinal);
            Assert.Contains("#unlabelled-field", failure.Message, StringComparison.Ordinal);
        });
    }
}
