using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class WebFormTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AVisitorWithoutJavaScriptFixesAMarkedFieldAndSendsTheHostedFormAndTheInboxShowsWhatBecameOfIt()
    {
        var key = $"contact-{Guid.NewGuid().ToString("N")[..8]}";
        var form = await Data.Form(key);
        var lastName = TestData.Unique("Webform");
        var email = $"w{Guid.NewGuid().ToString("N")[..10]}@example.com";

        await using (var context = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl, JavaScriptEnabled = false, Locale = "en-US" }))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/f/{key}?utm_source=Newsletter&utm_medium=email&utm_campaign=spring-2027");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = form.Name, Level = 1 })).ToBeVisibleAsync();

            await page.GetByLabel("Last name *").FillAsync(lastName);
            await page.GetByLabel("E-mail *").FillAsync("not an address");
            // A person takes longer than the bots the minimum fill time stops.
            await page.WaitForTimeoutAsync(2_100);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(page.Locator("#field-email-error")).ToContainTextAsync("E-mail is not a valid e-mail address.");
            await Expect(page.GetByLabel("E-mail *")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByLabel("Last name *")).ToHaveValueAsync(lastName);

            await page.GetByLabel("E-mail *").FillAsync(email);
            await page.GetByLabel("Message").FillAsync("Please call me back.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(page.Locator("#thank-you")).ToHaveTextAsync("Thanks, we will call you.");
        }

        // axe runs as a script, so the scans of the hosted form are in a browser with JavaScript on.
        await Anonymously(async page =>
        {
            await page.GotoAsync($"/f/{key}");
            await Accessibility.AssertNoSeriousViolations(page, "the hosted form");
            await page.GetByLabel("E-mail *").FillAsync("still not an address");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(page.Locator("#field-email-error")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the hosted form with errors");
        });

        await AsAdmin(async page =>
        {
            await page.OpenInteractive("/admin/forms");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Web forms", Level = 1 })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Embed {form.Name}" }).ClickAsync();
            await Expect(page.Locator("#embed-snippet")).ToContainTextAsync($"/api/public/forms/{key}/submissions");
            await Accessibility.AssertNoSeriousViolations(page, "the forms page with the embed code");

            await page.GetByRole(AriaRole.Link, new() { Name = $"Inbox of {form.Name}" }).ClickAsync();
            var submission = page.Locator(".submission").First;
            await Expect(submission).ToContainTextAsync("Processed");
            await Expect(submission).ToContainTextAsync("Please call me back.");
            await Expect(submission).ToContainTextAsync("Created person #");
            await Expect(submission.GetByRole(AriaRole.Link)).ToContainTextAsync(lastName);
            await Accessibility.AssertNoSeriousViolations(page, "the submissions inbox");

            // The person's card: the source says which edition shows the touches, then shows them.
            await submission.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.Locator("#record-source")).ToHaveTextAsync($"Web form: {key}");
            await Expect(page.Locator(".person-source")).ToContainTextAsync("needs the Marketing Premium edition");
            await Data.SetEdition("marketingPremium");
            try
            {
                await page.ReloadAsync();
                var touches = page.Locator(".person-source");
                await Expect(touches.Locator(".touch-leadCreation")).ToContainTextAsync("Email");
                await Expect(touches.Locator(".touch-leadCreation")).ToContainTextAsync("Newsletter / email");
                await Expect(touches.Locator(".touch-firstTouch")).ToContainTextAsync("spring-2027");
                await Accessibility.AssertNoSeriousViolations(page, "the person card with its source");
            }
            finally
            {
                await Data.SetEdition("salesEssentials");
            }
        });
    }

    [Fact]
    public async Task AnAdminAddsAFormAndASubmissionWaitingForHandsBecomesAPersonFromTheInbox()
    {
        var key = $"manual-{Guid.NewGuid().ToString("N")[..8]}";
        var name = TestData.Unique("Manual form");
        await AsAdmin(async page =>
        {
            await page.OpenInteractive("/admin/forms");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add form" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("The name is required.");
            await dialog.GetByLabel("Name", new() { Exact = true }).First.FillAsync(name);
            await dialog.GetByLabel("Key (in the address)").FillAsync(key);
            await dialog.GetByLabel("Processing").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "By hand", Exact = true }).ClickAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the form dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("By hand");
        });

        var lastName = TestData.Unique("Waiting");
        await Anonymously(async page =>
        {
            await page.GotoAsync($"/f/{key}");
            await page.GetByLabel("Last name").FillAsync(lastName);
            await page.GetByLabel("E-mail *").FillAsync($"m{Guid.NewGuid().ToString("N")[..10]}@example.com");
            await page.WaitForTimeoutAsync(2_100);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(page.Locator("#thank-you")).ToBeVisibleAsync();
        });

        await AsAdmin(async page =>
        {
            await page.OpenInteractive("/admin/forms");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Inbox of {name}" }).ClickAsync();
            var submission = page.Locator(".submission").First;
            await Expect(submission).ToContainTextAsync("Waits for processing by hand");
            await submission.GetByRole(AriaRole.Button, new() { Name = "Create a person" }).ClickAsync();
            await Expect(page.Locator(".submission").First).ToContainTextAsync("Processed");
            await Expect(page.Locator(".submission").First.GetByRole(AriaRole.Link)).ToContainTextAsync(lastName);
        });
    }
}
