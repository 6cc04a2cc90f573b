using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class WebhookPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AnAdminAddsAWebhookByKeyboardSeesItsSecretSendsATestAndFindsItInTheDeliveryLog()
    {
        var name = TestData.Unique("CRM sync");
        await AsAdmin(async page =>
        {
            // Without Marketing Premium the page stays, and says which edition it needs.
            await page.OpenInteractive("/admin/webhooks");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("Form webhooks need the Marketing Premium edition.")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the webhooks page without the edition");

            await Data.SetEdition("marketingPremium");
            try
            {
                await page.OpenInteractive("/admin/webhooks");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
                var dialog = page.GetByRole(AriaRole.Dialog);
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
                await Expect(dialog).ToContainTextAsync("The name is required.");
                await Expect(dialog).ToContainTextAsync("Choose at least one event.");

                // By keyboard: the name has the focus, Tab goes on to the URL, Space ticks an event.
                await dialog.GetByLabel("Name", new() { Exact = true }).FocusAsync();
                await page.Keyboard.TypeAsync(name);
                await page.Keyboard.PressAsync("Tab");
                await page.Keyboard.TypeAsync("http://127.0.0.1:9/hook");
                await Expect(dialog.GetByLabel("URL", new() { Exact = true })).ToHaveValueAsync("http://127.0.0.1:9/hook");
                var created = dialog.GetByLabel("Person created (person.created)");
                await created.FocusAsync();
                await page.Keyboard.PressAsync("Space");
                await Expect(created).ToBeCheckedAsync();
                await dialog.GetByLabel("Web form submitted (form.submitted)").CheckAsync();
                await Accessibility.AssertNoSeriousViolations(page, "the webhook dialog");
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
                await Expect(dialog).ToHaveCountAsync(0);

                var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
                await Expect(row).ToContainTextAsync("Person created, Web form submitted");

                // The generated secret is hidden until asked for.
                await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
                var secret = dialog.GetByLabel("Secret", new() { Exact = true });
                await Expect(secret).ToHaveAttributeAsync("type", "password");
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Show secret" }).ClickAsync();
                await Expect(secret).ToHaveAttributeAsync("type", "text");
                await Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_[0-9a-f]{64}$"));
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

                await page.GetByRole(AriaRole.Button, new() { Name = $"Send test to {name}" }).ClickAsync();
                var log = page.Locator(".webhook-deliveries");
                await Expect(log.GetByRole(AriaRole.Heading, new() { Name = $"Deliveries of “{name}”" })).ToBeVisibleAsync();
                await Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "Test" })).ToHaveCountAsync(1);
                await Accessibility.AssertNoSeriousViolations(page, "the webhooks page with a delivery log");

                await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
                await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(0);
            }
            finally
            {
                await Data.SetEdition("salesEssentials");
            }
        });
    }
}
