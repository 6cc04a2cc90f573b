using System.Globalization;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>Follow-ups on the person card (F15): the next one under Lead status, plan, complete with the next step, the timeline.</summary>
public sealed class FollowUpCardTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AnActiveLeadWithoutAFollowUpSaysSoAndOneClickPlansOne()
    {
        var person = await Data.PersonWithCompany("Lead");
        var title = TestData.Unique("Intro call");
        var tomorrow = DateTime.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await AsAdmin(async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            var next = Details.Value(page, "Next follow-up");
            await Expect(next).ToContainTextAsync("No follow-up planned");
            await Accessibility.AssertNoSeriousViolations(page, "a person card without a follow-up");

            await next.GetByRole(AriaRole.Button, new() { Name = "Plan" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByLabel("Type")).ToHaveValueAsync("Call");
            await dialog.GetByLabel("Title").FillAsync(title);
            await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Day" }).FillAsync(tomorrow);
            await dialog.GetByLabel("Time").FillAsync("14:30");
            await Accessibility.AssertNoSeriousViolations(page, "the plan follow-up dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(next).ToContainTextAsync("Call");
            await Expect(next).ToContainTextAsync("14:30");
            await Expect(page.Locator(".followups-table")).ToContainTextAsync(title);
            await Expect(page.Locator(".timeline-followUpPlanned")).ToContainTextAsync(title);
        });

        Assert.Equal(1, (await Data.GetPerson(person.Id)).OpenFollowUps);
    }

    [Fact]
    public async Task AMomentInThePastIsAskedAboutBeforeItIsSaved()
    {
        var person = await Data.PersonWithCompany("Lead");
        var yesterday = DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await AsAdmin(async page =>
        {
            await new PersonPage(page).Open(person.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan follow-up" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Day" }).FillAsync(yesterday);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

            await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("overdue at once");
            await Accessibility.AssertNoSeriousViolations(page, "the past-date warning");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();

            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(Details.Value(page, "Next follow-up")).ToContainTextAsync("Overdue");
        });
    }

    [Fact]
    public async Task CompletingAskForTheOutcomePlansTheNextAndChangesTheStatusInOneStep()
    {
        var person = await Data.PersonWithCompany("Lead");
        var first = await Data.FollowUp(person.Id, DateTimeOffset.Now.AddHours(-2), title: TestData.Unique("First call"));
        var nextTitle = TestData.Unique("Demo");
        await AsAdmin(async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await Expect(Details.Value(page, "Next follow-up")).ToContainTextAsync("Overdue");

            await page.GetByRole(AriaRole.Button, new() { Name = $"Complete {first.Title}" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Outcome").FillAsync("Interested, wants a demo");
            await dialog.GetByLabel("Lead status").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Contacting", Exact = true }).ClickAsync();
            await Expect(dialog.GetByLabel("Plan the next follow-up")).ToBeCheckedAsync();
            await dialog.GetByLabel("Title").FillAsync(nextTitle);
            await Accessibility.AssertNoSeriousViolations(page, "the complete follow-up dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();

            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(card.LeadStatus).ToHaveTextAsync("Contacting");
            await Expect(page.Locator(".followups-table")).ToContainTextAsync(nextTitle);
            await Expect(page.Locator(".followups-table")).Not.ToContainTextAsync(first.Title);
            var done = page.Locator(".timeline-followUpDone");
            await Expect(done).ToContainTextAsync(first.Title);
            await Expect(done).ToContainTextAsync("Interested, wants a demo");

            await page.GetByLabel("Show").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Status changes" }).ClickAsync();
            await Expect(page.Locator(".timeline-followUpDone")).ToHaveCountAsync(0);
            await Expect(page.Locator(".timeline-statusChange").First).ToContainTextAsync("Contacting");
            await Accessibility.AssertNoSeriousViolations(page, "the person card with a timeline");
        });
    }
}
