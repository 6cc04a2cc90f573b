using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class SecurityTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task APersonNamedLikeAScriptIsShownAsText()
    {
        const string script = "<script>alert(1)</script>";
        var company = await Data.Company();
        var person = await Data.Person(company.Id, firstName: script, lastName: "Xss");
        await AsAdmin(async page =>
        {
            var dialogs = new List<string>();
            page.Dialog += async (_, dialog) =>
            {
                dialogs.Add(dialog.Message);
                await dialog.DismissAsync();
            };

            var card = new PersonPage(page);
            await card.Open(person.Id);
            await Expect(card.Heading).ToHaveTextAsync($"{script} Xss");

            await new CompanyPage(page).Open(company.Id);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{script} Xss" })).ToBeVisibleAsync();
            Assert.Empty(dialogs);
        });
    }

    [Fact]
    public async Task ANormalUserSeesNoAdministrationAndGetsNoAdminPage()
    {
        var user = await Data.User(role: "user");
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            var shell = new AppShell(page);
            await Expect(shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Companies" })).ToBeVisibleAsync();
            await Expect(shell.Navigation).Not.ToContainTextAsync("Administration");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Company – Category" })).ToHaveCountAsync(0);

            await page.OpenInteractive("/admin/categories");
            await Expect(page.GetByText("You are not allowed to see this page.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Company – Category" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, "the page refusing a normal user");
        });
    }
}
