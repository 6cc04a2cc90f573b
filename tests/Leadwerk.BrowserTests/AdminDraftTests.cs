using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>Drafts of the administration's forms: each comes back in its own dialog only, and a password never.</summary>
public sealed class AdminDraftTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ALostReasonDraftIsOfferedBackInTheLostReasonDialogAndNotInTheFollowUpTypeDialog()
    {
        var name = TestData.Unique("Too late");
        await AsAdmin(async page =>
        {
            var dialog = page.GetByRole(AriaRole.Dialog);
            var add = page.GetByRole(AriaRole.Button, new() { Name = "Add lost reason" });
            await page.OpenInteractive("/admin/lost-reasons");
            await add.ClickAsync();
            await dialog.GetByLabel("Name (English)").FillAsync(name);
            await Drafts.WaitFor(page, name);

            await page.OpenInteractive("/admin/follow-up-types");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add follow-up type" }).ClickAsync();
            await Expect(dialog.GetByLabel("Name (English)")).ToHaveValueAsync("");
            await Expect(dialog.Locator(".draft-offer")).ToHaveCountAsync(0);

            await page.OpenInteractive("/admin/lost-reasons");
            await add.ClickAsync();
            await dialog.Locator(".draft-offer").GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
            await Expect(dialog.GetByLabel("Name (English)")).ToHaveValueAsync(name);
            await Accessibility.AssertNoSeriousViolations(page, "the lost reason dialog with a restored draft");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page.GetByText(name).First).ToBeVisibleAsync();
            Assert.False(await Drafts.Any(page));
        });
    }

    [Theory]
    [InlineData("nl", "Nieuwe gebruiker", "Gebruikersnaam", "Weergavenaam", "Wachtwoord", "Terugzetten")]
    public async Task ANewUsersDraftComesBackAfterAReloadButNeverItsPassword(
        string language, string newUser, string userName, string displayName, string password, string restore)
    {
        var user = await Data.User("admin", language);
        var name = TestData.Unique("Draftuser").Replace(' ', '-').ToLowerInvariant();
        const string secret = "Sup3r-secret-draft-pw";
        await As(user, async page =>
        {
            var dialog = page.GetByRole(AriaRole.Dialog);
            await page.OpenInteractive("/admin/users");
            await page.GetByRole(AriaRole.Button, new() { Name = newUser }).ClickAsync();
            await dialog.GetByLabel(userName).FillAsync(name);
            await dialog.GetByLabel(password, new() { Exact = true }).FillAsync(secret);
            await dialog.GetByLabel(displayName).FillAsync("Draft Person");
            await Drafts.WaitFor(page, "Draft Person");
            Assert.False(await page.EvaluateAsync<bool>(
                "s => Object.keys(localStorage).some(k => localStorage.getItem(k).includes(s))", secret), "the password must never be stored in a draft");

            await page.OpenInteractive("/admin/users");
            await page.GetByRole(AriaRole.Button, new() { Name = newUser }).ClickAsync();
            await dialog.Locator(".draft-offer").GetByRole(AriaRole.Button, new() { Name = restore }).ClickAsync();
            await Expect(dialog.GetByLabel(userName)).ToHaveValueAsync(name);
            await Expect(dialog.GetByLabel(displayName)).ToHaveValueAsync("Draft Person");
            await Expect(dialog.GetByLabel(password, new() { Exact = true })).ToHaveValueAsync("");
            await Accessibility.AssertNoSeriousViolations(page, $"the new user dialog with a restored draft ({language})");
        });
    }

    [Fact]
    public async Task ADistributionRulesDraftKeepsItsNameAndWeightsThroughAReload()
    {
        var name = TestData.Unique("Draft rule");
        await Data.SetEdition("marketingPremium");
        try
        {
            await DistributionRuleDraft(name);
        }
        finally
        {
            await Data.SetEdition("salesEssentials");
        }
    }

    private async Task DistributionRuleDraft(string name)
    {
        await AsAdmin(async page =>
        {
            var dialog = page.GetByRole(AriaRole.Dialog);
            await page.OpenInteractive("/admin/distribution");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
            // The weight reaches the server on its change event (Tab). On a busy machine the dialog's first
            // renders can land after the typing and put 1 back: type until the 7 stays.
            var weight = dialog.GetByLabel("Weight of user 1");
            for (var attempt = 1; ; attempt++)
            {
                await weight.FillAsync("7");
                await weight.PressAsync("Tab");
                await page.WaitForTimeoutAsync(300);
                if (await weight.InputValueAsync() == "7" || attempt == 5)
                {
                    break;
                }
            }

            await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await Drafts.WaitFor(page, name, ",7]");

            await page.OpenInteractive("/admin/distribution");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
            await dialog.Locator(".draft-offer").GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
            await Expect(dialog.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);
            await Expect(dialog.GetByLabel("Weight of user 1")).ToHaveValueAsync("7");
            await Accessibility.AssertNoSeriousViolations(page, "the distribution rule dialog with a restored draft");
        });
    }
}
