using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>
/// The Contacts tab (F3). Each test runs as a user of its own, because the tab keeps a user's
/// columns, sort and grouping, and the other tests expect the defaults.
/// </summary>
public sealed class ContactsTabTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int PageSize = 50;

    [Fact]
    public async Task GroupingByLeadStatusShowsCountsOverAllTheCompanysPersonsNotJustTheLoadedPage()
    {
        var company = await Data.Company(category: "Lead");
        await Persons(company.Id, "Open", 30);
        await Persons(company.Id, "Contacting", 20, "Conny");
        await Persons(company.Id, "Qualified", 3);
        var other = await Data.Company(category: "Lead");
        await Persons(other.Id, "Contacting", 2);
        var user = await Data.User();
        await As(user, async page =>
        {
            var card = new CompanyPage(page);
            var grid = new ContactsGrid(page);
            await card.Open(company.Id);
            await Expect(grid.PersonRows).ToHaveCountAsync(PageSize);
            await grid.LoadMoreButton.ClickAsync();
            await Expect(grid.PersonRows).ToHaveCountAsync(53);

            await grid.GroupBy("Lead status");
            await Expect(grid.Group("Lead status", "Open")).ToHaveTextAsync("Lead status: Open (30)");
            await Expect(grid.Group("Lead status", "Contacting")).ToHaveTextAsync("Lead status: Contacting (20)");
            await Expect(grid.Group("Lead status", "Qualified")).ToHaveTextAsync("Lead status: Qualified (3)");
            await Expect(grid.Table.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Lead status: ") })).ToHaveCountAsync(3);
            await Expect(grid.PersonRows).ToHaveCountAsync(0);

            var contacting = grid.Group("Lead status", "Contacting");
            await contacting.ClickAsync();
            await Expect(contacting).ToHaveAttributeAsync("aria-expanded", "true");
            await Expect(grid.PersonRows).ToHaveCountAsync(20);
            await Expect(grid.PersonRows.First).ToContainTextAsync("Conny");
            await Accessibility.AssertNoSeriousViolations(page, "the Contacts tab grouped by lead status");

            // The counts follow the filters: still from the server, over all matching persons.
            await grid.TextFilter("First name").FillAsync("conny");
            await Expect(grid.Group("Lead status", "Contacting")).ToHaveTextAsync("Lead status: Contacting (20)");
            await Expect(grid.Group("Lead status", "Open")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task AChosenColumnIsKeptForTheUserAfterAReloadAndOnOtherCompanyCards()
    {
        var company = await Data.Company(category: "Lead");
        var person = await Person(company.Id, "Open", title: "Chief Tester");
        var other = await Data.Company(category: "Lead");
        var user = await Data.User();
        await As(user, async page =>
        {
            var card = new CompanyPage(page);
            var grid = new ContactsGrid(page);
            await card.Open(company.Id);
            await Expect(grid.Header("Last name")).ToBeVisibleAsync();
            await Expect(grid.Header("Title")).ToHaveCountAsync(0);

            // By keyboard alone: Tab to "Columns", open the chooser, tick "Title".
            await Keyboard.TabTo(page, grid.ColumnsButton);
            await page.Keyboard.PressAsync("Enter");
            await Expect(grid.ColumnsButton).ToHaveAttributeAsync("aria-expanded", "true");
            await Keyboard.TabTo(page, grid.ColumnCheckbox("Title"));
            await page.Keyboard.PressAsync("Space");
            await Expect(grid.Header("Title")).ToBeVisibleAsync();
            var row = grid.PersonRows.Filter(new() { Has = card.PersonLink(person.FullName) });
            await Expect(row).ToContainTextAsync("Chief Tester");
            await Accessibility.AssertNoSeriousViolations(page, "the Contacts tab with its column chooser open");

            await page.ReloadAsync();
            await page.WaitForCircuit();
            await Expect(grid.Header("Title")).ToBeVisibleAsync();
            await Expect(row).ToContainTextAsync("Chief Tester");

            await card.Open(other.Id);
            await Expect(card.Heading).ToHaveTextAsync(other.Name);
            await Expect(grid.Header("Title")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task FilteringAColumnByTextNarrowsTheRowsAndSortingByAHeaderReversesThem()
    {
        var company = await Data.Company(category: "Lead");
        var anna = await Data.Person(company.Id, "Anna", TestData.Unique("Berg"));
        var bert = await Data.Person(company.Id, "Bert", "Visser");
        var cora = await Data.Person(company.Id, "Cora", TestData.Unique("Bergman"));
        var user = await Data.User();
        await As(user, async page =>
        {
            var card = new CompanyPage(page);
            var grid = new ContactsGrid(page);
            await card.Open(company.Id);
            await Expect(grid.PersonRows).ToHaveCountAsync(3);
            await Expect(grid.ClearFiltersButton).ToBeDisabledAsync();

            await grid.TextFilter("Last name").FillAsync("BERG");
            await Expect(grid.PersonRows).ToHaveCountAsync(2);
            await Expect(card.PersonLink(anna.FullName)).ToBeVisibleAsync();
            await Expect(card.PersonLink(cora.FullName)).ToBeVisibleAsync();
            await Expect(card.PersonLink(bert.FullName)).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, "the Contacts tab with a filter");

            await grid.ClearFiltersButton.ClickAsync();
            await Expect(grid.PersonRows).ToHaveCountAsync(3);
            await Expect(grid.TextFilter("Last name")).ToHaveValueAsync("");

            await Expect(grid.Header("Last name")).ToHaveAttributeAsync("aria-sort", "ascending");
            await Expect(grid.PersonRows.First).ToContainTextAsync("Anna");
            await grid.SortButton("Last name").ClickAsync();
            await Expect(grid.Header("Last name")).ToHaveAttributeAsync("aria-sort", "descending");
            await Expect(grid.PersonRows.First).ToContainTextAsync("Bert");
        });
    }

    [Fact]
    public async Task TheContactsTabSpeaksDutchForADutchUser()
    {
        var company = await Data.Company(category: "Lead");
        await Persons(company.Id, "Contacting", 2);
        var user = await Data.User(language: "nl");
        await As(user, async page =>
        {
            await new CompanyPage(page).Open(company.Id);
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Contactpersonen", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contactpersonen", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kolommen", Exact = true })).ToBeVisibleAsync();
            await page.GetByLabel("Groeperen op").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Leadstatus", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Leadstatus: Contact opnemen (2)", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Achternaam bevat", new() { Exact = true })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the Dutch Contacts tab");
        });
    }

    [Theory]
    [InlineData("en", "Group by", "Lead status", "Lead status: Contacting (2 · 2 not in use)")]
    public async Task AGroupOfKeptStatusesSaysHowManyAreNotInUse(string language, string groupBy, string leadStatus, string heading)
    {
        var company = await Data.Company(category: "Lead");
        await Persons(company.Id, "Contacting", 2);
        await Data.MoveCompany(company.Id, "Customer");
        await As(await Data.User(language: language), async page =>
        {
            await new CompanyPage(page).Open(company.Id);
            await page.GetByLabel(groupBy).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = leadStatus, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the Contacts tab with kept statuses ({language})");
        });
    }

    private async Task Persons(int companyId, string status, int count, string firstName = "Ann")
    {
        for (var i = 0; i < count; i++)
        {
            await Person(companyId, status, firstName);
        }
    }

    /// <summary>A person of the company with a chosen lead status, created as the API would.</summary>
    private async Task<PersonDto> Person(int companyId, string status, string firstName = "Ann", string? title = null)
    {
        await using var scope = App.Server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentActor>().Set(Actor.System(Channel.Api));
        var statusId = (await services.GetRequiredService<ListService>().LeadStatuses()).Single(s => s.NameEn == status).Id;
        return await services.GetRequiredService<PersonService>().Create(
            new PersonRequest(companyId, firstName, TestData.Unique("Tester"), null, null, title, null, null, statusId));
    }
}
