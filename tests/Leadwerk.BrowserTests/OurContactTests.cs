using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Persons;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class OurContactTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("en", "Companies", "New company", "Our contact", "Cancel", "New person", "Last name", "Save")]
    public async Task ANewCompanyOffersMeAsOurContactAndANewPersonOffersTheCompanysContact(
        string language, string companies, string newCompany, string ourContact, string cancel, string newPerson, string lastName, string save)
    {
        var user = await Data.User(language: language);
        var colleague = await Data.User();
        var company = await Data.Company(ownerId: await Data.UserId(colleague.UserName));
        var name = TestData.Unique("Owned");
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = companies, Level = 1 })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = newCompany }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByLabel(ourContact)).ToHaveValueAsync(user.UserName);
            await dialog.GetByRole(AriaRole.Button, new() { Name = cancel, Exact = true }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await new CompanyPage(page).Open(company.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = newPerson }).ClickAsync();
            await Expect(dialog.GetByLabel(ourContact)).ToHaveValueAsync(colleague.UserName);
            await Accessibility.AssertNoSeriousViolations(page, $"the new person dialog ({language})");
            await dialog.GetByLabel(lastName).FillAsync(name);
            await dialog.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
        });

        await using var scope = App.Server.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<PersonService>().List(name, company.Id, 10, null);
        Assert.Equal(company.OwnerId, Assert.Single(found.Items).OwnerId);
    }
}
