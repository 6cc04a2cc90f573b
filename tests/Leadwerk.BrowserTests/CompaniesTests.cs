using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Companies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class CompaniesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task TheCompaniesListFindsACompanyWhoseCardListsItsPersons()
    {
        var company = await Data.Company(TestData.Unique("Searchable BV"));
        var other = await Data.Company(TestData.Unique("Other BV"));
        var person = await Data.Person(company.Id);
        await AsAdmin(async page =>
        {
            await page.OpenInteractive("/companies");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Companies", Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the companies list");

            // Other tests fill the same database, so the other company is looked up first rather than
            // expected on the first page.
            var otherLink = page.GetByRole(AriaRole.Link, new() { Name = other.Name, Exact = true });
            await page.GetByLabel("Search").FillAsync(other.Name);
            await Expect(otherLink).ToBeVisibleAsync();
            await page.GetByLabel("Search").FillAsync(company.Name);
            await Expect(otherLink).ToHaveCountAsync(0);
            var link = page.GetByRole(AriaRole.Link, new() { Name = company.Name, Exact = true });
            await Expect(link).ToBeVisibleAsync();
            await link.ClickAsync();

            var card = new CompanyPage(page);
            await Expect(page).ToHaveURLAsync(new Regex($"/companies/{company.Id}$"));
            await Expect(card.Heading).ToHaveTextAsync(company.Name);
            await Expect(card.Category).ToContainTextAsync("Lead");
            await Expect(card.Contacts).ToBeVisibleAsync();
            await Expect(card.PersonLink(person.FullName)).ToHaveAttributeAsync("href", new Regex($"/persons/{person.Id}$"));
            await Accessibility.AssertNoSeriousViolations(page, "the company card");
        });
    }

    [Fact]
    public async Task ANewPersonAddedOnTheCompanyCardAppearsInItsContactsWithTheDefaultStatus()
    {
        var company = await Data.Company(category: "Lead");
        var lastName = TestData.Unique("Newman");
        await AsAdmin(async page =>
        {
            var card = new CompanyPage(page);
            await card.Open(company.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = "New person" }).ClickAsync();
            await card.Dialog.GetByLabel("First name").FillAsync("Nora");
            await card.Dialog.GetByLabel("Last name").FillAsync(lastName);
            await Accessibility.AssertNoSeriousViolations(page, "the new person dialog");
            await card.Dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(card.Dialog).ToHaveCountAsync(0);

            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = card.PersonLink($"Nora {lastName}") });
            await Expect(row).ToContainTextAsync("Open");
        });
    }

    [Fact]
    public async Task ANewCompanyNeedsACategoryAndIsCreatedWithIt()
    {
        var name = TestData.Unique("Created BV");
        await AsAdmin(async page =>
        {
            await page.OpenInteractive("/companies");
            await page.GetByRole(AriaRole.Button, new() { Name = "New company" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await Accessibility.AssertNoSeriousViolations(page, "the new company dialog");

            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("Category is required.");

            await dialog.GetByLabel("Category").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Opportunity", Exact = true }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
        });

        await using var scope = App.Server.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<CompanyList>().Page(new CompanyListQuery(Search: name), 10, null, false);
        var created = Assert.Single(found.Items);
        Assert.Equal("Opportunity", created.Category);
    }

    [Theory]
    [InlineData("en", "Edit", "Website", "Save", "Give a web address that starts with http:// or https://, or a domain such as example.com.")]
    public async Task AJavascriptWebsiteIsRefusedNextToTheWebsiteFieldAndAnHttpsAddressIsKept(
        string language, string edit, string websiteLabel, string save, string refusal)
    {
        var company = await Data.Company(TestData.Unique("Site BV"));
        var site = $"https://www.example.com/{Guid.NewGuid().ToString("N")[..6]}";
        await As(await Data.User("admin", language), async page =>
        {
            var card = new CompanyPage(page);
            await card.Open(company.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = edit, Exact = true }).ClickAsync();
            var website = card.Dialog.GetByLabel(websiteLabel, new() { Exact = true });
            await website.FillAsync("javascript:alert(1)");
            await card.Dialog.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
            await Expect(LeadCategorizationView.Field(card.Dialog, websiteLabel)).ToContainTextAsync(refusal);
            await Expect(card.Dialog.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, $"the company dialog refusing a javascript: website ({language})");
            Assert.Null((await Data.GetCompany(company.Id)).Website);

            await website.FillAsync(site);
            await card.Dialog.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
            await Expect(card.Dialog).ToHaveCountAsync(0);
            await Expect(Details.Value(page, websiteLabel).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", site);
        });

        Assert.Equal(site, (await Data.GetCompany(company.Id)).Website);
    }
}
