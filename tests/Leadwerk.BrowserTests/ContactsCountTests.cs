using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class ContactsCountTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl", "1–3 van 3", "Meer laden")]
    public async Task TheContactsTabSaysHowManyOfItsPersonsItShows(string language, string count, string loadMore)
    {
        var company = await Data.Company();
        for (var i = 0; i < 3; i++)
        {
            await Data.Person(company.Id, lastName: TestData.Unique("Counted"));
        }

        var user = await Data.User(language: language);
        await As(user, async page =>
        {
            await new CompanyPage(page).Open(company.Id);
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(count);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = loadMore })).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, $"the contacts tab with its count ({language})");
        });
    }
}
