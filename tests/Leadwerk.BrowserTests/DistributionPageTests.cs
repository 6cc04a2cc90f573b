using System.Globalization;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Users;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class DistributionPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AnAdminAddsARuleSeesWhoGetsTheNextLeadsAndTheCardSaysWhyItsOwnerWasGiven()
    {
        var member = await Data.User();
        var ruleName = TestData.Unique("Website");
        await AsAdmin(async page =>
        {
            // Without Marketing Premium the page stays, and says which edition it needs.
            await page.OpenInteractive("/admin/distribution");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lead distribution", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("Lead distribution needs the Marketing Premium edition.")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the distribution page without the edition");

            await Data.SetEdition("marketingPremium");
            try
            {
                await page.OpenInteractive("/admin/distribution");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
                var dialog = page.GetByRole(AriaRole.Dialog);
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
                await Expect(dialog).ToContainTextAsync("A rule needs a name.");
                await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(ruleName);
                await dialog.GetByLabel("User 1", new() { Exact = true }).ClickAsync();
                await page.GetByRole(AriaRole.Option, new() { Name = member.UserName, Exact = true }).ClickAsync();
                // The pick above re-renders the dialog; on a busy machine that render can land after the typing.
                var weight = dialog.GetByLabel("Weight of user 1", new() { Exact = true });
                for (var attempt = 1; attempt <= 5; attempt++)
                {
                    await weight.FillAsync("3");
                    await weight.PressAsync("Tab");
                    await page.WaitForTimeoutAsync(250);
                    if (await weight.InputValueAsync() == "3")
                    {
                        break;
                    }
                }

                await Expect(weight).ToHaveValueAsync("3");
                // Which leads: those whose last name starts with the test's lead's, checked against today's persons.
                var lastName = TestData.Unique("Dist");
                await dialog.GetByLabel("Only leads that match criteria").CheckAsync();
                await new FindView(page).TextLine(1, 1, "Last name", "starts with", lastName);
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
                await Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync("0 persons match these criteria today.");
                await Accessibility.AssertNoSeriousViolations(page, "the distribution rule dialog");
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
                await Expect(dialog).ToHaveCountAsync(0);

                var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = ruleName });
                await Expect(row).ToContainTextAsync($"{member.UserName} (3, 0)");
                await page.GetByRole(AriaRole.Button, new() { Name = $"Next 20 leads of {ruleName}" }).ClickAsync();
                await Expect(page.Locator(".distribution-simulation li")).ToHaveCountAsync(20);
                await Expect(page.Locator(".distribution-simulation li").First).ToContainTextAsync($"{member.UserName} – rule '{ruleName}', weight 3 of 3");
                await Accessibility.AssertNoSeriousViolations(page, "the distribution page with a rule and a simulation");

                var lead = await Data.DistributedLead(lastName + " Lead");
                await page.OpenInteractive($"/persons/{lead.Id}");
                await Expect(page.Locator("#assignment")).ToContainTextAsync($"{member.UserName} (");
                await Expect(page.Locator("#assignment")).ToContainTextAsync($"rule '{ruleName}', weight 3 of 3, fallback not needed");

                await page.OpenInteractive("/admin/distribution");
                await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {ruleName}" }).ClickAsync();
                await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = ruleName })).ToHaveCountAsync(0);
            }
            finally
            {
                await Data.SetEdition("salesEssentials");
            }
        });
    }

    [Fact]
    public async Task AUserMarksThemselfAwayUntilADayAndAnAdminRebalancesALeaversLeadsAndUndoesIt()
    {
        var (member, leaver) = (await Data.User(), await Data.User());
        var back = DateTime.UtcNow.Date.AddDays(40);
        await As(member, async page =>
        {
            await page.OpenInteractive("/");
            await new AppShell(page).UserMenu.ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Away" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("I'm away").CheckAsync();
            await dialog.GetByLabel("Back on (optional)").FillAsync(back.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await dialog.GetByLabel("Back on (optional)").PressAsync("Tab");
            await Accessibility.AssertNoSeriousViolations(page, "the away dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(page.GetByText($"You are away until {back.ToString("d MMMM", CultureInfo.GetCultureInfo("en"))}.")).ToBeVisibleAsync();
        });
        var user = await Data.GetUser(member.UserName);
        Assert.True(user.Away);
        Assert.NotNull(user.AwayUntil);

        await Data.ChangeUser(member.UserName, new UserChanges { Away = false });
        await Data.SetEdition("marketingPremium");
        var ruleName = TestData.Unique("Leaver");
        var rule = await Data.DistributionRule(ruleName, (await Data.UserId(member.UserName), 1));
        try
        {
            var leaverId = await Data.UserId(leaver.UserName);
            var leads = new[] { await Data.Lead(leaverId), await Data.Lead(leaverId) };
            await AsAdmin(async page =>
            {
                await page.OpenInteractive("/admin/distribution");
                await page.GetByRole(AriaRole.Button, new() { Name = $"Rebalance {ruleName}" }).ClickAsync();
                var dialog = page.GetByRole(AriaRole.Dialog);
                await dialog.GetByLabel("Only leads of these users (optional)").ClickAsync();
                await page.GetByRole(AriaRole.Option, new() { Name = leaver.UserName, Exact = true }).ClickAsync();
                await dialog.GetByRole(AriaRole.Heading, new() { Level = 2 }).ClickAsync();
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
                await Expect(dialog.Locator("#rebalance-summary")).ToHaveTextAsync("2 leads match; 2 would move.");
                await Expect(dialog.Locator(".rebalance-preview")).ToContainTextAsync(member.UserName);
                await Accessibility.AssertNoSeriousViolations(page, "the rebalance preview");
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Rebalance", Exact = true }).ClickAsync();
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
                await page.Confirm("Undo changes 2 persons?", "Undo");
                await Expect(dialog).ToContainTextAsync("Undone: 2 put back as they were.");
                await Expect(dialog.GetByRole(AriaRole.Link, new() { Name = "Open the run" })).ToBeVisibleAsync();
            });
            foreach (var lead in leads)
            {
                Assert.Equal(leaverId, (await Data.GetPerson(lead.Id)).OwnerId);
            }
        }
        finally
        {
            // No rule of this test may decide for another one.
            await Data.DeleteDistributionRule(rule.Id);
            await Data.SetEdition("salesEssentials");
        }
    }
}
