using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class PersonCardTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task APersonShowsCategoryGroupAndLeadStatusWithItsDescriptionOnHoverAndOnKeyboardFocus()
    {
        var company = await Data.Company(category: "Lead");
        var person = await Data.Person(company.Id);
        await AsAdmin(async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await Expect(card.Heading).ToHaveTextAsync(person.FullName);
            await Expect(card.Category).ToContainTextAsync("Lead");
            await Expect(card.CategoryGroup).ToContainTextAsync("Potential customer");
            var inherited = page.GetByText($"inherited from {company.Name}");
            await Expect(inherited).ToBeVisibleAsync();
            await Expect(inherited.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new Regex($"/companies/{company.Id}$"));
            await Expect(card.LeadStatus).ToHaveTextAsync("Open");
            await Expect(card.LeadStatusReason).ToHaveCountAsync(0);
            // Made through the services as the API makes it (R20).
            await Expect(page.Locator("#record-source")).ToHaveTextAsync("API");
            await Accessibility.AssertNoSeriousViolations(page, "the person card");

            await card.LeadStatus.HoverAsync();
            await Expect(card.Tooltip).ToHaveTextAsync("No outreach yet.");

            await page.Mouse.MoveAsync(0, 0);
            await Expect(card.Tooltip).ToHaveCountAsync(0);

            await card.Heading.FocusAsync();
            await Keyboard.TabTo(page, card.LeadStatus);
            await Expect(card.Tooltip).ToHaveTextAsync("No outreach yet.");
        });
    }

    [Fact]
    public async Task ChangingTheLeadStatusAndSavingShowsItKeepsItAfterAReloadAndAddsAHistoryRow()
    {
        var person = await Data.PersonWithCompany("Lead");
        await AsAdmin(async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await card.EditButton.ClickAsync();
            await Expect(card.LeadStatusPicker).ToHaveValueAsync("Open");
            await Accessibility.AssertNoSeriousViolations(page, "the person card in edit mode");

            await card.ChooseLeadStatus("Contacting");
            await card.SaveButton.ClickAsync();
            await Expect(card.LeadStatus).ToHaveTextAsync("Contacting");

            await page.ReloadAsync();
            await page.WaitForCircuit();
            await Expect(card.LeadStatus).ToHaveTextAsync("Contacting");
            var row = card.History.GetByRole(AriaRole.Row).Filter(new() { HasText = "Contacting" });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("Open");
        });

        var saved = await Data.GetPerson(person.Id);
        Assert.Equal("Contacting", saved.LeadStatus);
    }

    [Fact]
    public async Task AfterTheCompanyBecomesACustomerThePersonShowsTheReasonInsteadOfAnEditableLeadStatus()
    {
        var company = await Data.Company(category: "Lead");
        var person = await Data.Person(company.Id);
        await AsAdmin(async page =>
        {
            var companyCard = new CompanyPage(page);
            await companyCard.Open(company.Id);
            await Expect(companyCard.Heading).ToHaveTextAsync(company.Name);
            await Accessibility.AssertNoSeriousViolations(page, "the company card");

            await companyCard.ChangeCategory("Customer");
            await Expect(companyCard.Dialog).ToHaveCountAsync(0);
            await Expect(companyCard.Category).ToContainTextAsync("Customer");

            await companyCard.PersonLink(person.FullName).ClickAsync();
            var card = new PersonPage(page);
            await Expect(card.Heading).ToHaveTextAsync(person.FullName);
            await Expect(card.Category).ToContainTextAsync("Customer");
            await Expect(card.LeadStatusReason).ToBeVisibleAsync();
            await Expect(card.LeadStatusReason).ToContainTextAsync("Customer");
            await Expect(card.LeadStatusReason).ToContainTextAsync("Kept value: Open");
            await Expect(card.LeadStatus).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, "the person card with an inactive lead status");

            await card.EditButton.ClickAsync();
            await Expect(card.SaveButton).ToBeVisibleAsync();
            await Expect(card.LeadStatusPicker).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task MovingAPersonToACustomerCompanyMakesItInheritThatCategoryAndKeepTheStatusLocked()
    {
        var person = await Data.PersonWithCompany("Lead");
        var customer = await Data.Company(TestData.Unique("Customer BV"), "Customer");
        await AsAdmin(async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await card.EditButton.ClickAsync();
            await card.CompanyPicker.FillAsync(customer.Name);
            var option = page.GetByRole(AriaRole.Option, new() { Name = customer.Name, Exact = true });
            await option.ClickAsync();
            // Save only once the choice is made and its list closed: under load a click on Save could land on the closing list.
            await Expect(option).ToBeHiddenAsync();
            await Expect(card.CompanyPicker).ToHaveValueAsync(customer.Name);
            await card.SaveButton.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit person" })).ToBeHiddenAsync();

            await Expect(page.GetByText($"inherited from {customer.Name}")).ToBeVisibleAsync();
            await Expect(card.Category).ToContainTextAsync("Customer");
            await Expect(card.LeadStatusReason).ToContainTextAsync("Kept value: Open");
        });

        var moved = await Data.GetPerson(person.Id);
        Assert.Equal(customer.Id, moved.CompanyId);
    }

    [Fact]
    public async Task TheLeadStatusCanBeChangedWithTheKeyboardOnly()
    {
        var person = await Data.PersonWithCompany("Lead");
        await AsAdmin(async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await card.Heading.FocusAsync();

            await Keyboard.TabTo(page, card.EditButton);
            await page.Keyboard.PressAsync("Enter");
            await Keyboard.TabTo(page, card.LeadStatusPicker);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Qualified", Exact = true })).ToBeVisibleAsync();
            // The list opens on the current value, Open; Qualified is two below it.
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            await Expect(card.LeadStatusPicker).ToHaveValueAsync("Qualified");

            await Keyboard.TabTo(page, card.SaveButton);
            await page.Keyboard.PressAsync("Enter");
            await Expect(card.LeadStatus).ToHaveTextAsync("Qualified");
        });

        Assert.Equal("Qualified", (await Data.GetPerson(person.Id)).LeadStatus);
    }
}
