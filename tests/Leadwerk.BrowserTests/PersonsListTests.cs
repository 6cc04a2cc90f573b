using System.Globalization;
using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class PersonsListTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl", "Hoofdmenu", "Personen", "Nieuwe persoon", "Voornaam", "Achternaam", "Opslaan", "van")]
    public async Task ThePersonsListShowsEveryPersonCountedAndCreatesAPersonWithoutACompany(string language, string menu, string title,
        string newPerson, string firstName, string lastName, string save, string of)
    {
        // At least 50 persons, so the first page is full and the count says how many more there are.
        for (var i = 0; i < 51; i++)
        {
            await Data.Person(null, lastName: TestData.Unique("Listed"));
        }

        var user = await Data.User(language: language);
        var culture = CultureInfo.GetCultureInfo(language);
        var name = TestData.Unique("Solo");
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            await page.GetByRole(AriaRole.Navigation, new() { Name = menu }).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/persons$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            var total = (await Data.Totals()).Persons;
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"1–50 {of} {total.ToString("N0", culture)}");
            await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row)).ToHaveCountAsync(51);
            await Accessibility.AssertNoSeriousViolations(page, $"the persons list ({language})");

            await page.GetByRole(AriaRole.Button, new() { Name = newPerson }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel(firstName).FillAsync("Sam");
            await dialog.GetByLabel(lastName).FillAsync(name);
            await Accessibility.AssertNoSeriousViolations(page, $"the new person dialog without a company ({language})");
            await dialog.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/persons/\d+$"));
            var id = int.Parse(new Regex(@"/persons/(\d+)$").Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
            var created = await Data.GetPerson(id);
            Assert.Equal(name, created.LastName);
            Assert.Null(created.CompanyId);
        });
    }
}
