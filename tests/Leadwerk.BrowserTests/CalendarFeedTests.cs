using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>F15: the calendar feed dialog in the account menu, and handing over follow-ups when an admin disables a user.</summary>
public sealed class CalendarFeedTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly Regex FeedAddress = new("^https?://[^/]+/calendar/[A-Za-z0-9_-]{43}\\.ics$");

    [Fact]
    public async Task AUserTurnsOnTheirCalendarFeedCopiesTheAddressResetsItAndTurnsItOff()
    {
        var user = await Data.User();
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("account") }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Calendar feed" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Calendar feed" });
            await Expect(dialog).ToContainTextAsync("Turn the feed on");
            await Accessibility.AssertNoSeriousViolations(page, "the calendar feed dialog, feed off");

            await dialog.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
            var address = dialog.GetByLabel("Address of your calendar feed");
            await Expect(address).ToHaveValueAsync(FeedAddress);
            await Expect(address).ToHaveAttributeAsync("readonly", new Regex(".*"));
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
            await Expect(dialog).ToContainTextAsync("Google Calendar");
            await Accessibility.AssertNoSeriousViolations(page, "the calendar feed dialog, feed on");
            var first = await address.InputValueAsync();

            await dialog.GetByRole(AriaRole.Button, new() { Name = "Reset address" }).ClickAsync();
            var confirm = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Reset the address?" });
            await Expect(confirm).ToContainTextAsync("stops working");
            await confirm.GetByRole(AriaRole.Button, new() { Name = "Reset address" }).ClickAsync();
            await Expect(address).Not.ToHaveValueAsync(first);
            await Expect(address).ToHaveValueAsync(FeedAddress);
            var old = await page.APIRequest.GetAsync(new Uri(first).AbsolutePath);
            Assert.Equal(404, old.Status);
            var current = await page.APIRequest.GetAsync(new Uri(await address.InputValueAsync()).AbsolutePath);
            Assert.Equal(200, current.Status);

            await dialog.GetByRole(AriaRole.Button, new() { Name = "Turn off" }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Turn on" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task DisablingAUserAsksWhoTakesOverTheirOpenFollowUpsAndHandsThemOver()
    {
        var leaving = await Data.User();
        var followUp = await Data.FollowUp(leaving.UserName);
        var admin = await Data.UserId(LeadwerkServer.AdminUserName);
        await AsAdmin(async page =>
        {
            await page.OpenInteractive("/admin/users");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = leaving.UserName });
            await Expect(row.GetByRole(AriaRole.Cell).Nth(6)).ToHaveTextAsync("1");
            await row.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Disabled").CheckAsync();
            var takeOver = dialog.GetByLabel("Their 1 open follow-ups go to");
            await Expect(takeOver).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the user dialog asking who takes over the follow-ups");

            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
        });

        Assert.Equal(admin, await Data.FollowUpOwner(followUp));
    }
}
