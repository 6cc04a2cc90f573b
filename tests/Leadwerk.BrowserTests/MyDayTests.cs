using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Users;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class MyDayTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Amsterdam = "Europe/Amsterdam";

    [Fact]
    public async Task MyDayShowsOverdueTodayAndTheNextSevenDaysWithTheirCountsAndIsWorkedWithTheKeyboardAlone()
    {
        var user = await Data.User();
        await Data.ChangeUser(user.UserName, new UserChanges { TimeZone = Amsterdam });
        var (person, overdue, today, next) = await ThreeFollowUps(user.UserName);
        await As(user, async page =>
        {
            var day = new MyDayView(page);
            await page.OpenInteractive("/my-day");
            await Expect(day.Heading).ToHaveTextAsync("My day");
            await Expect(day.SectionHeading("Overdue", 1)).ToBeVisibleAsync();
            await Expect(day.SectionHeading("Today", 1)).ToBeVisibleAsync();
            await Expect(day.SectionHeading("Next 7 days", 1)).ToBeVisibleAsync();
            await Expect(day.Section("Overdue")).ToContainTextAsync(overdue.Title);
            await Expect(day.Section("Today")).ToContainTextAsync("All day");
            await Expect(day.Section("Next 7 days")).ToContainTextAsync(next.Title);
            await Expect(new AppShell(page).Navigation.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^My day") })).ToContainTextAsync("2");
            await Accessibility.AssertNoSeriousViolations(page, "My day");

            // Only the selected row is a Tab stop; j and k move the selection and the focus.
            await Keyboard.TabTo(page, day.Row(overdue.Title));
            await Expect(day.Row(overdue.Title)).ToBeFocusedAsync();
            await Expect(day.Row(overdue.Title)).ToHaveAttributeAsync("aria-label", new Regex(Regex.Escape(overdue.Title)));
            await page.Keyboard.PressAsync("j");
            await Expect(day.Row(today.Title)).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("j");
            await Expect(day.Row(next.Title)).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("k");
            await Expect(day.Row(today.Title)).ToBeFocusedAsync();

            // s snoozes today's one to tomorrow: it moves to the next 7 days.
            await page.Keyboard.PressAsync("s");
            await Expect(day.SectionHeading("Today", 0)).ToBeVisibleAsync();
            await Expect(day.SectionHeading("Next 7 days", 2)).ToBeVisibleAsync();
            await Expect(day.Section("Next 7 days")).ToContainTextAsync(today.Title);
            await Expect(day.Snackbar($"“{today.Title}” moved to")).ToBeVisibleAsync();

            // Enter on the row opens the person inline.
            await page.Keyboard.PressAsync("k");
            await Expect(day.Row(overdue.Title)).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            var facts = day.Row(overdue.Title).Locator(".myday-facts");
            await Expect(facts.GetByRole(AriaRole.Link, new() { Name = "+31 20 555 0101" })).ToHaveAttributeAsync("href", "tel:+31205550101");
            await Expect(facts.GetByRole(AriaRole.Link, new() { Name = person.Email! })).ToHaveAttributeAsync("href", $"mailto:{person.Email}");
            await Expect(facts).ToContainTextAsync("Open");
            await Expect(day.Button("Person", $"{person.FullName} ({overdue.Title})")).ToHaveAttributeAsync("aria-expanded", "true");

            // x completes through the dialog: the outcome typed (its x and s do nothing to the list), Tab to the button, Enter.
            await day.Row(overdue.Title).FocusAsync();
            await page.Keyboard.PressAsync("x");
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "My day with the complete dialog open");
            await Keyboard.TabTo(page, dialog.GetByLabel("Outcome"));
            await page.Keyboard.TypeAsync("Spoke to her; next steps by mail");
            await Keyboard.TabTo(page, dialog.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(day.SectionHeading("Overdue", 0)).ToBeVisibleAsync();
            await Expect(day.Snackbar($"“{overdue.Title}” is done.")).ToBeVisibleAsync();
            await Expect(day.Row(today.Title)).ToBeFocusedAsync();

            // Every action is a button with the title in its name, reachable by Tab.
            await Keyboard.TabTo(page, day.Button("Next week", next.Title));
            await page.Keyboard.PressAsync("Enter");
            await Expect(day.Snackbar($"“{next.Title}” moved to")).ToBeVisibleAsync();
        });

        var done = await Data.GetFollowUp(overdue.Id);
        Assert.Equal("done", done.Status);
        Assert.Equal("Spoke to her; next steps by mail", done.Outcome);
        Assert.Equal(InAmsterdam(today.DueAt).AddDays(1), InAmsterdam((await Data.GetFollowUp(today.Id)).DueAt));
        Assert.Equal(InAmsterdam(next.DueAt).AddDays(7), InAmsterdam((await Data.GetFollowUp(next.Id)).DueAt));
    }

    [Fact]
    public async Task WithNothingDueMyDaySaysWhatToDoAndInDutchItIsMijnDag()
    {
        var user = await Data.User(language: "nl");
        await Data.ChangeUser(user.UserName, new UserChanges { TimeZone = Amsterdam });
        await As(user, async page =>
        {
            var day = new MyDayView(page);
            await page.OpenInteractive("/my-day");
            await Expect(day.Heading).ToHaveTextAsync("Mijn dag");
            await Expect(day.SectionHeading("Te laat", 0)).ToBeVisibleAsync();
            await Expect(day.SectionHeading("Vandaag", 0)).ToBeVisibleAsync();
            await Expect(day.SectionHeading("Komende 7 dagen", 0)).ToBeVisibleAsync();
            await Expect(page.Locator(".myday-empty")).ToContainTextAsync("plan vervolgacties vanaf een persoonskaart");
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Mijn dag" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sneltoetsen") }).ClickAsync();
            await Expect(page.Locator("#myday-shortcuts")).ToContainTextAsync("afronden");
            await Accessibility.AssertNoSeriousViolations(page, "My day in Dutch, empty");
        });
    }

    [Fact]
    public async Task AUserWithoutATimeZoneGetsTheBrowsersAndChangesItInTheTimeZoneDialog()
    {
        var user = await Data.User();
        await AsIn("America/Sao_Paulo", user, async page =>
        {
            await page.OpenInteractive("/my-day");
            await Expect(page.Locator(".myday-subtitle")).ToContainTextAsync("America/Sao_Paulo");
            Assert.Equal("America/Sao_Paulo", (await Data.GetUser(user.UserName)).TimeZone);

            await new AppShell(page).UserMenu.ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Time zone" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToBeVisibleAsync();
            await dialog.GetByLabel("Time zone", new() { Exact = true }).FillAsync("amsterdam");
            await page.GetByRole(AriaRole.Option, new() { Name = "Europe/Amsterdam (UTC+01:00)" }).ClickAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the time zone dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(new MyDayView(page).Snackbar("Time zone set to Europe/Amsterdam.")).ToBeVisibleAsync();
            await Expect(page.Locator(".myday-subtitle")).ToContainTextAsync(Amsterdam);
        });

        Assert.Equal(Amsterdam, (await Data.GetUser(user.UserName)).TimeZone);
    }

    [Fact]
    public async Task AnAdministratorLooksAtAColleaguesDayAndPicksAnotherDayForAFollowUp()
    {
        var colleague = await Data.User();
        await Data.ChangeUser(colleague.UserName, new UserChanges { TimeZone = Amsterdam });
        var ownerId = (await Data.GetUser(colleague.UserName)).Id;
        var person = await Data.PersonWithCompany();
        var visit = await Data.FollowUp(person.Id, ownerId, DateTimeOffset.UtcNow.AddDays(2), TestData.Unique("Visit"), "meeting");
        var later = InAmsterdam(DateTime.UtcNow).Date.AddDays(10);
        await AsAdmin(async page =>
        {
            var day = new MyDayView(page);
            await page.OpenInteractive("/my-day");
            await page.GetByLabel("Owner", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = colleague.UserName, Exact = true }).ClickAsync();
            await Expect(page.Locator(".myday-subtitle")).ToContainTextAsync(colleague.UserName);
            await Expect(day.Row(visit.Title).Locator(".myday-owner")).ToHaveTextAsync(colleague.UserName);
            await Expect(day.SectionHeading("Next 7 days", 1)).ToBeVisibleAsync();

            await day.Button("Pick…", visit.Title).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Day", new() { Exact = true }).FillAsync(later.ToString("yyyy-MM-dd"));
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(day.Snackbar($"“{visit.Title}” moved to")).ToBeVisibleAsync();
            await Expect(day.SectionHeading("Next 7 days", 0)).ToBeVisibleAsync();
            await Expect(day.Row(visit.Title)).ToHaveCountAsync(0);
        });

        Assert.Equal(later, InAmsterdam((await Data.GetFollowUp(visit.Id)).DueAt).Date);
    }

    [Fact]
    public async Task ABucketWithMoreThanTwoHundredSaysHowManyThereAreAndShowsTheRestOnRequest()
    {
        var user = await Data.User();
        await Data.ChangeUser(user.UserName, new UserChanges { TimeZone = Amsterdam });
        var ownerId = (await Data.GetUser(user.UserName)).Id;
        var now = DateTimeOffset.UtcNow;
        // Five persons' follow-ups written side by side (one after the other per person): the bucket is the user's, not a person's.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async k =>
        {
            var person = await Data.PersonWithCompany();
            for (var i = 205 - k; i >= 1; i -= 5)
            {
                await Data.FollowUp(person.Id, ownerId, now.AddDays(-1).AddMinutes(-i), $"Old call {i:000}");
            }
        }));

        await As(user, async page =>
        {
            var day = new MyDayView(page);
            await page.OpenInteractive("/my-day");
            await Expect(day.SectionHeading("Overdue", 205)).ToBeVisibleAsync();
            await Expect(day.Section("Overdue").Locator("li.myday-row")).ToHaveCountAsync(200);
            await Expect(day.Section("Overdue")).ToContainTextAsync("Showing 200 of 205.");
            await Accessibility.AssertNoSeriousViolations(page, "My day with a full bucket");

            await page.GetByRole(AriaRole.Button, new() { Name = "Show more: Overdue" }).ClickAsync();

            await Expect(day.Section("Overdue").Locator("li.myday-row")).ToHaveCountAsync(205);
            await Expect(day.Row("Old call 001")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show more: Overdue" })).ToHaveCountAsync(0);
        });
    }

    /// <summary>The same clock time a number of days later, in a zone that may change to or from summer time in between.</summary>
    private static DateTime InAmsterdam(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(Amsterdam));

    /// <summary>Overdue two days ago, all day today and in three days, on a person with phone and e-mail, owned by the user.</summary>
    private async Task<(Leadwerk.Web.Persons.PersonDto Person, Leadwerk.Web.FollowUps.FollowUpDto Overdue,
        Leadwerk.Web.FollowUps.FollowUpDto Today, Leadwerk.Web.FollowUps.FollowUpDto Next)> ThreeFollowUps(string userName)
    {
        var ownerId = (await Data.GetUser(userName)).Id;
        var company = await Data.Company(category: "Lead");
        var person = await Data.Person(company.Id, email: $"{Guid.NewGuid():N}@example.com", phone: "+31 20 555 0101");
        var now = DateTimeOffset.UtcNow;
        var todayThere = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(Amsterdam)).Date;
        var overdue = await Data.FollowUp(person.Id, ownerId, now.AddDays(-2), TestData.Unique("Call back"));
        var today = await Data.FollowUp(person.Id, ownerId, new DateTimeOffset(todayThere, TimeSpan.Zero), TestData.Unique("Send offer"), "task", allDay: true);
        var next = await Data.FollowUp(person.Id, ownerId, now.AddDays(3), TestData.Unique("Demo"), "meeting");
        return (person, overdue, today, next);
    }
}
