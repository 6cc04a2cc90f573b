using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class AttributionRulesPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AnAdminPreviewsANewAliasAndAnEmptyValueIsMarkedAtItsFieldBeforeAnythingIsSaved()
    {
        await AsAdmin(async page =>
        {
            await page.OpenInteractive("/admin/attribution");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attribution rules", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("Attribution rules need the Marketing Premium edition.")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the attribution rules page without the edition");

            await Data.SetEdition("marketingPremium");
            try
            {
                await page.OpenInteractive("/admin/attribution");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Channel rules" })).ToBeVisibleAsync();
                // The seeded rules: paid social first, direct last.
                await Expect(page.GetByLabel("Channel of rule 1", new() { Exact = true })).ToHaveTextAsync("Paid social");
                await Accessibility.AssertNoSeriousViolations(page, "the attribution rules page");

                var row = await page.GetByLabel(new Regex(@"^Value \d+$")).CountAsync() + 1;
                await page.GetByRole(AriaRole.Button, new() { Name = "Add alias" }).ClickAsync();
                // The new row's own fields (waited for), not the last row before it rendered.
                var value = page.GetByLabel($"Value {row}", new() { Exact = true });
                var countsAs = page.GetByLabel($"Counts as {row}", new() { Exact = true });
                await value.FocusAsync();
                await page.Keyboard.TypeAsync("nieuwsbrief");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save and apply" }).ClickAsync();
                await Expect(page.GetByText("Give the value to report.")).ToBeVisibleAsync();
                await Expect(countsAs).ToHaveAttributeAsync("aria-invalid", "true");

                await countsAs.FillAsync("newsletter");
                await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
                await Expect(page.Locator(".attribution-preview")).ToContainTextAsync("stored touches would change");
                await Accessibility.AssertNoSeriousViolations(page, "the attribution rules page with a preview");
            }
            finally
            {
                await Data.SetEdition("salesEssentials");
            }
        });
    }
}
