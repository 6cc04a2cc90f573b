using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.Web.Companies;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class CompanyListTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl", "Categoriegroep", "Klant", "Land", "van", "Bedrijf aangemaakt")]
    public async Task TheCompaniesListFiltersSortsAndCountsAndAReloadKeepsAllOfIt(string language, string groupLabel, string customer,
        string countryLabel, string of, string created)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var lead = await Data.Company($"{tag} Lead Nederland");
        await Data.Run<CompanyService>(s => s.Update(lead.Id, new CompanyChanges { Country = "Nederland" }, null));
        var customerNl = await Data.Company($"{tag} Klant Nederland", category: "Customer");
        await Data.Run<CompanyService>(s => s.Update(customerNl.Id, new CompanyChanges { Country = "Nederland" }, null));
        var customerBe = await Data.Company($"{tag} Klant België", category: "Customer");
        await Data.Run<CompanyService>(s => s.Update(customerBe.Id, new CompanyChanges { Country = "België" }, null));
        var user = await Data.User(language: language);
        await As(user, async page =>
        {
            await page.OpenInteractive($"/companies?q={tag}");
            var count = page.GetByRole(AriaRole.Status);
            await Expect(count).ToHaveTextAsync($"1–3 {of} 3");

            await page.GetByLabel(groupLabel).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = customer, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("categoryGroup=customer"));
            await Expect(count).ToHaveTextAsync($"1–2 {of} 2");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = lead.Name })).ToHaveCountAsync(0);

            await page.GetByLabel(countryLabel).FillAsync("Nederland");
            await Expect(page).ToHaveURLAsync(new Regex("country=Nederland"));
            await Expect(count).ToHaveTextAsync($"1 {of} 1");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = customerNl.Name })).ToBeVisibleAsync();

            await page.GetByLabel(countryLabel).FillAsync("");
            await Expect(count).ToHaveTextAsync($"1–2 {of} 2");
            // The Country column sorts: België before Nederland, then the other way round after a second click.
            var sortCountry = page.GetByRole(AriaRole.Button, new() { Name = countryLabel, Exact = true });
            await sortCountry.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("sort=country"));
            await Expect(Names(page)).ToHaveTextAsync([customerBe.Name, customerNl.Name]);
            await sortCountry.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("sort=-country"));
            await Expect(Names(page)).ToHaveTextAsync([customerNl.Name, customerBe.Name]);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = created, Exact = true })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the filtered companies list ({language})");

            await page.ReloadAsync();
            await page.WaitForCircuit();
            await Expect(page.GetByLabel(groupLabel)).ToHaveValueAsync(customer);
            await Expect(count).ToHaveTextAsync($"1–2 {of} 2");
            await Expect(Names(page)).ToHaveTextAsync([customerNl.Name, customerBe.Name]);
        });
    }

    [Theory]
    [InlineData("en", "Category", "Customer", "Our contact", "of")]
    public async Task TheCategoryAndOwnerFiltersNarrowTheCompaniesListAndItsCount(string language, string categoryLabel, string customer, string ownerLabel, string of)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var owner = await Data.User(displayName: TestData.Unique("Owner"));
        var ownerId = await Data.UserId(owner.UserName);
        var ownerName = (await Data.GetUser(owner.UserName)).DisplayName;
        var lead = await Data.Company($"{tag} Lead owned", ownerId: ownerId);
        var ownedCustomer = await Data.Company($"{tag} Customer owned", category: "Customer", ownerId: ownerId);
        var otherCustomer = await Data.Company($"{tag} Customer unowned", category: "Customer");
        await As(await Data.User(language: language), async page =>
        {
            await page.OpenInteractive($"/companies?q={tag}");
            var count = page.GetByRole(AriaRole.Status);
            await Expect(count).ToHaveTextAsync($"1–3 {of} 3");

            await page.GetByLabel(categoryLabel, new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = customer, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]category=\d+"));
            await Expect(count).ToHaveTextAsync($"1–2 {of} 2");
            await Expect(Names(page)).ToHaveCountAsync(2);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = lead.Name })).ToHaveCountAsync(0);

            await page.GetByLabel(ownerLabel, new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = ownerName, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"[?&]owner={ownerId}"));
            await Expect(count).ToHaveTextAsync($"1 {of} 1");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = ownedCustomer.Name })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = otherCustomer.Name })).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, $"the companies list by category and owner ({language})");
        });
    }


    [Theory]
    [InlineData("nl", "1 van 1", "Categoriegroep")]
    public async Task TheCompaniesListAtPhoneWidthStillShowsTheCountAndTheFilters(string language, string oneOfOne, string groupLabel)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var company = await Data.Company($"{tag} Smal");
        await As(await Data.User("admin", language), async page =>
        {
            await page.Width(Layout.Phone);
            await page.OpenInteractive($"/companies?q={tag}");
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(oneOfOne);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = company.Name })).ToBeVisibleAsync();
            await Expect(page.GetByLabel(groupLabel)).ToBeVisibleAsync();
            await Layout.AssertNoHorizontalOverflow(page, $"the companies list at 390 px ({language})");
            await Accessibility.AssertNoSeriousViolations(page, $"the companies list at 390 px ({language})");
        });
    }

    private static ILocator Names(IPage page) => page.Locator("table a[href^='/companies/']");
}
