using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>Find refuses a wrong value at the input it belongs to, in the user's words; kept statuses (R6) never look live.</summary>
public sealed class FindRefusalsAndKeptTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private SearchData Search => new(App.Server.Services);

    [Theory]
    [InlineData("en", "Last name", "equals", "Created", "in the last N days", "Days",
        "Set 1, line 2, “Created in the last N days”: the value must be a number of days from 1 to 36500.", "the value must be")]
    [InlineData("nl", "Achternaam", "is gelijk aan", "Aangemaakt", "in de laatste N dagen", "Dagen",
        "Groep 1, regel 2, “Aangemaakt in de laatste N dagen”: de waarde moet een aantal dagen van 1 tot en met 36500 zijn.", "de waarde moet")]
    public async Task ANumberOfDaysThatIsNotAWholeNumberFromOneUpIsRefusedAtTheDaysInputNotChanged(
        string language, string lastName, string equalTo, string created, string lastDays, string daysLabel, string refusal, string refusalStart)
    {
        var user = await Data.User(language: language);
        var person = await Search.Person("Dana", TestData.Unique("Days").Replace(' ', '-'));
        await As(user, async page =>
        {
            var find = new FindView(page, language);
            await find.Open();
            await find.TextLine(1, 1, lastName, equalTo, person.LastName);
            await find.AddLine(1);
            await find.ChooseField(1, 2, created);
            await find.ChooseOperator(1, 2, lastDays);
            var days = find.Line(1, 2).GetByLabel(daysLabel);
            foreach (var wrong in new[] { "-5", "0", "1e5", "2.5" })
            {
                await FindView.TypeUntilItStays(page, days, wrong);
                await find.Search();
                await Expect(find.Line(1, 2)).ToContainTextAsync(refusal);
                await Expect(days).ToHaveValueAsync(wrong);
                await Expect(days).ToHaveAttributeAsync("aria-invalid", "true");
                await Expect(find.Field(1, 2)).Not.ToHaveAttributeAsync("aria-invalid", "true");
            }

            await Accessibility.AssertNoSeriousViolations(page, $"Find with a refused number of days ({language})");

            await days.FillAsync("30");
            await find.Search();
            await Expect(find.ResultLink(person.LastName)).ToBeVisibleAsync();
            await Expect(find.Line(1, 2)).Not.ToContainTextAsync(refusalStart);
        });
    }

    [Theory]
    [InlineData("en", "Last name", "equals", "Contacting", "(not in use)", "Only leads in use", "Lead status in use")]
    public async Task AKeptStatusIsMarkedNotInUseAndLeftOutWithOnlyLeadsInUse(
        string language, string lastName, string equalTo, string contacting, string notInUse, string onlyInUse, string statusInUse)
    {
        var user = await Data.User(language: language);
        var marker = TestData.Unique("Bewaard").Replace(' ', '-');
        var live = await Search.Person("Lies", marker, "Contacting");
        var kept = await Search.Person("Kees", marker, "Contacting");
        await Data.MoveCompany(kept.CompanyId!.Value, "Customer");
        await As(user, async page =>
        {
            var find = new FindView(page, language);
            await find.Open();
            await find.TextLine(1, 1, lastName, equalTo, marker);
            await find.Search();

            // Other tests' persons may share a first name; the marker is this test's own.
            var ours = find.Results.Locator("tbody tr").Filter(new() { HasText = marker });
            var keptRow = ours.Filter(new() { HasText = "Kees" });
            var liveRow = ours.Filter(new() { HasText = "Lies" });
            await Expect(keptRow).ToContainTextAsync($"{contacting} {notInUse}");
            await Expect(liveRow).ToContainTextAsync(contacting);
            await Expect(liveRow).Not.ToContainTextAsync(notInUse);
            await Accessibility.AssertNoSeriousViolations(page, $"Find with a kept status marked ({language})");

            await page.GetByRole(AriaRole.Switch, new() { Name = onlyInUse }).Or(
                page.GetByRole(AriaRole.Checkbox, new() { Name = onlyInUse })).ClickAsync();
            await Expect(keptRow).ToHaveCountAsync(0);
            await Expect(liveRow).ToBeVisibleAsync();
            await Expect(find.Field(1, 2)).ToHaveValueAsync(statusInUse);
            await Accessibility.AssertNoSeriousViolations(page, $"Find with only leads in use ({language})");
        });

        Assert.Equal(live.LastName, kept.LastName);
    }
}
