using Leadwerk.BrowserTests.Infrastructure;
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
                await dialog.GetByLabel("Weight of user 1", new() { Exact = true }).FillAsync("3");
                await Accessibility.AssertNoSeriousViolations(page, "the distribution rule dialog");
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
                await Expect(dialog).ToHaveCountAsync(0);

                var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = ruleName });
                await Expect(row).ToContainTextAsync($"{member.UserName} (3, 0)");
                await page.GetByRole(AriaRole.Button, new() { Name = $"Next 20 leads of {ruleName}" }).ClickAsync();
                await Expect(page.Locator(".distribution-simulation li")).ToHaveCountAsync(20);
                await Expect(page.Locator(".distribution-simulation li").First).ToContainTextAsync($"{member.UserName} – rule '{ruleName}', weight 3 of 3");
                await Accessibility.AssertNoSeriousViolations(page, "the distribution page with a rule and a simulation");

                var lead = await Data.DistributedLead(TestData.Unique("Dist"));
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
}
