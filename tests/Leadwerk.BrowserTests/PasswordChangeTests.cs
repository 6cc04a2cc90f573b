using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class PasswordChangeTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AUserChangesTheirOwnPasswordGivingTheCurrentOneAndLogsInAgainWithTheNewOne()
    {
        var user = await Data.User();
        const string newPassword = "a-new-password-of-mine";
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("account") }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Change password" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the change password dialog");

            await dialog.GetByLabel("Current password").FillAsync("not my password");
            await dialog.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
            await dialog.GetByLabel("New password again").FillAsync(newPassword);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("Give your current password to set a new one.");

            await dialog.GetByLabel("Current password").FillAsync(user.Password);
            await dialog.GetByLabel("New password again").FillAsync(newPassword + "x");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("The two new passwords differ.");

            await dialog.GetByLabel("New password again").FillAsync(newPassword);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/login"));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed.");
            var login = new LoginPage(page);
            await login.LogIn(user.UserName, newPassword);
            await Expect(page).ToHaveURLAsync(new Regex("/my-day"));
        });
    }
}
