using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class SalesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ASaleCreatedOnThePersonCardAndClosedAsLostShowsOnTheCompanysSalesTab()
    {
        var company = await Data.Company(category: "Lead");
        var person = await Data.Person(company.Id);
        var title = TestData.Unique("Licences");
        await AsAdmin(async page =>
        {
            var sales = new SalesView(page);
            await new PersonPage(page).Open(person.Id);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sales", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByText("No sales yet.")).ToBeVisibleAsync();

            await sales.Button("Create sale").ClickAsync();
            await Expect(sales.Dialog).ToBeVisibleAsync();
            await Expect(sales.Field("Contact")).ToHaveValueAsync(person.FullName);
            await sales.Field("Title").FillAsync(title);
            await sales.Field("Amount").FillAsync("1500");
            await Expect(sales.Field("Lost reason")).ToHaveCountAsync(0);
            await sales.Choose("Status", "Lost");
            await sales.Choose("Lost reason", "Competitor chosen");
            await Accessibility.AssertNoSeriousViolations(page, "the sale dialog");
            await sales.Dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

            await Expect(sales.Dialog).ToHaveCountAsync(0);
            var row = sales.Row(title);
            await Expect(row).ToContainTextAsync("Lost");
            await Expect(row).ToContainTextAsync("Competitor chosen");
            await Expect(row).ToContainTextAsync("EUR 1,500.00");
            await Expect(row.GetByTitle(title)).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the person card with a sale");

            await new CompanyPage(page).Open(company.Id);
            await sales.Tab("Sales").ClickAsync();
            await Expect(sales.Row(title)).ToContainTextAsync(person.FullName);
            await Expect(sales.Row(title)).ToContainTextAsync("Lost");
            await Accessibility.AssertNoSeriousViolations(page, "the company's Sales tab");

            await sales.Row(title).GetByRole(AriaRole.Button, new() { Name = $"Delete {title}" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
            await Expect(sales.Row(title)).ToHaveCountAsync(0);
            await Expect(page.GetByText("No sales yet.")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task TheSalesTabAndSaleDialogSpeakDutch()
    {
        var user = await Data.User(language: "nl");
        var company = await Data.Company(category: "Lead");
        await As(user, async page =>
        {
            var sales = new SalesView(page);
            await new CompanyPage(page).Open(company.Id);
            await sales.Tab("Verkoop").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verkoop", Level = 2 })).ToBeVisibleAsync();

            await sales.Button("Nieuwe verkoop").ClickAsync();
            await Expect(sales.Field("Titel")).ToBeVisibleAsync();
            await Expect(sales.Field("Bedrag")).ToBeVisibleAsync();
            await Expect(sales.Field("Verwachte afsluiting")).ToBeVisibleAsync();
            await sales.Choose("Status", "Verloren");
            await Expect(sales.Field("Reden van verlies")).ToBeVisibleAsync();
            await sales.Field("Reden van verlies").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Concurrent gekozen", Exact = true })).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Escape");
            await Accessibility.AssertNoSeriousViolations(page, "the sale dialog in Dutch");
        });
    }
}
