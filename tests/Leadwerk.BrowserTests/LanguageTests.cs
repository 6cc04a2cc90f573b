using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class LanguageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task SwitchingToDutchShowsDutchLabelsOnThePersonCard()
    {
        // A user of its own: the language is stored per user and must not leak into other tests.
        var user = await Data.User(language: "en");
        var person = await Data.PersonWithCompany("Lead");
        await As(user, async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await Expect(Details.Label(page, "Lead status")).ToBeVisibleAsync();

            await new AppShell(page).SwitchLanguage("Nederlands");
            await Expect(Details.Label(page, "Leadstatus")).ToBeVisibleAsync();
            await page.WaitForCircuit();
            await Expect(Details.Label(page, "Categorie")).ToBeVisibleAsync();
            await Expect(Details.Label(page, "Categoriegroep")).ToBeVisibleAsync();
            await Expect(Details.Value(page, "Categoriegroep")).ToContainTextAsync("Potentiële klant");
            await Expect(Details.Value(page, "Leadstatus")).ToContainTextAsync("Open");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
            await Accessibility.AssertNoSeriousViolations(page, "the person card in Dutch");
        });
    }
}
