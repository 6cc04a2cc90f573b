using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>Tables fit a 1366 px laptop with their default columns; wider, they scroll in their own box, never the page.</summary>
public sealed class TableWidthTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private SearchData Search => new(App.Server.Services);

    [Theory]
    [InlineData("nl", "Onze contactpersoon")]
    public async Task ASelectionsMembersAndACompanysContactsFitALaptopWithTheirDefaultColumns(string language, string ourContact)
    {
        var company = await Data.Company(TestData.Unique("Van der Berg Internationale Handelsonderneming BV"));
        var persons = new[]
        {
            await Data.Person(company.Id, TestData.Unique("Alexandra-Charlotte"), "Vanderbergh-Hoogstraten", "alexandra.charlotte.vanderbergh@handelsonderneming-example.com", "+31 20 123 45 67"),
            await Data.Person(company.Id, TestData.Unique("Jan"), "Jansen", "jan@example.com"),
        };
        var user = await Data.User("admin", language);
        var selection = await Search.StaticSelection(user.UserName, TestData.Unique("Fair"), persons.Select(p => p.Id));
        await As(user, async page =>
        {
            await page.Width(Layout.Laptop);

            await page.OpenInteractive($"/selections/{selection.Id}");
            var members = page.Locator("table[aria-labelledby]").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = persons[0].FirstName, Exact = true }) });
            await Expect(members).ToBeVisibleAsync();
            var (table, box) = await Layout.TableAndBox(members);
            Assert.True(table <= box, $"the members table is {table:0} px in a {box:0} px box");
            await Layout.AssertNoHorizontalOverflow(page, "the selection page");
            await Accessibility.AssertNoSeriousViolations(page, $"the selection page at 1366 px ({language})");

            await new CompanyPage(page).Open(company.Id);
            var contacts = page.Locator("table[aria-labelledby='contacts-heading']");
            await Expect(contacts.GetByRole(AriaRole.Link, new() { Name = persons[0].FullName })).ToBeVisibleAsync();
            (table, box) = await Layout.TableAndBox(contacts);
            Assert.True(table <= box, $"the contacts table is {table:0} px in a {box:0} px box");
            var header = contacts.GetByRole(AriaRole.Columnheader, new() { Name = ourContact });
            await Layout.AssertInsideViewport(page, header, $"the \"{ourContact}\" header");
            await Layout.AssertNoHorizontalOverflow(page, "the company card");
            await Accessibility.AssertNoSeriousViolations(page, $"the company card at 1366 px ({language})");

            // A phone gets the same tables in a box of their own that scrolls, not the page.
            await page.Width(Layout.Phone);
            await Layout.AssertNoHorizontalOverflow(page, "the company card at 390 px");
            await page.OpenInteractive($"/selections/{selection.Id}");
            await Layout.AssertNoHorizontalOverflow(page, "the selection page at 390 px");
            await Accessibility.AssertNoSeriousViolations(page, $"the selection page at 390 px ({language})");
        });
    }
}
