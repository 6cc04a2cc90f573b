using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class LoginTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AWrongPasswordShowsAnErrorAndTheRightOneLandsOnMyDay()
    {
        var user = await Data.User();
        await Anonymously(async page =>
        {
            var login = new LoginPage(page);
            await login.Open();
            await Accessibility.AssertNoSeriousViolations(page, "the login page");

            await login.LogIn(user.UserName, "not-the-password");
            await Expect(login.Error).ToBeVisibleAsync();
            await Expect(login.Error).Not.ToBeEmptyAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/login"));
            await Accessibility.AssertNoSeriousViolations(page, "the login page with an error");

            await login.LogIn(user.UserName, user.Password);
            await Expect(page).ToHaveURLAsync(new Regex("/my-day$"));
            await page.WaitForCircuit();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My day", Level = 1 })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task ADeepLinkWithoutLoginLeadsToTheLoginAndBackToThePersonAfterwards()
    {
        var person = await Data.PersonWithCompany();
        await Anonymously(async page =>
        {
            await page.GotoAsync($"/persons/{person.Id}");
            await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl="));

            await new LoginPage(page).LogIn(LeadwerkServer.AdminUserName, LeadwerkServer.AdminPassword);
            await Expect(page).ToHaveURLAsync(new Regex($"/persons/{person.Id}$"));
            await page.WaitForCircuit();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(person.FullName);
        });
    }
}
