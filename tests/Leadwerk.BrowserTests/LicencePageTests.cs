using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class LicencePageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AnAdminSeesWhatEachEditionHoldsAndChangesTheEditionByKeyboardInDutch()
    {
        var admin = await Data.User("admin", language: "nl");
        try
        {
            await As(admin, async page =>
            {
                await page.OpenInteractive("/admin/licence");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Licentie", Level = 1 })).ToBeVisibleAsync();
                var features = page.Locator(".licence-features table");
                await Expect(features.GetByRole(AriaRole.Row, new() { Name = "UTM-attributie" })).ToContainTextAsync("Niet inbegrepen");
                await Expect(features.GetByRole(AriaRole.Row, new() { Name = "Dashboards" })).Not.ToContainTextAsync("Niet inbegrepen");
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" })).ToBeDisabledAsync();
                await Accessibility.AssertNoSeriousViolations(page, "the licence page in Dutch");

                // Keyboard only: into the radio group, down to the other edition, Tab to Save, Enter.
                await page.GetByRole(AriaRole.Radio, new() { Name = "Sales Essentials (huidig)" }).FocusAsync();
                await page.Keyboard.PressAsync("ArrowDown");
                await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Marketing Premium" })).ToBeCheckedAsync();
                var save = page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" });
                await Expect(save).ToBeEnabledAsync();
                await save.FocusAsync();
                await page.Keyboard.PressAsync("Enter");

                await Expect(page.GetByText("De organisatie heeft nu een licentie voor Marketing Premium.")).ToBeVisibleAsync();
                await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Marketing Premium (huidig)" })).ToBeCheckedAsync();
                await Expect(features.GetByRole(AriaRole.Row, new() { Name = "UTM-attributie" }).Locator("td").Last).ToHaveTextAsync("Inbegrepen");
                Assert.Equal("marketingPremium", await Data.Edition());
                await Accessibility.AssertNoSeriousViolations(page, "the licence page after the change");
            });
        }
        finally
        {
            await Data.SetEdition("salesEssentials");
        }
    }
}
