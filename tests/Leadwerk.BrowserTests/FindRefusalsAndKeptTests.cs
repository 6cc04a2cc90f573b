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

    [Fact]
    public async Task ANumberOfDaysThatIsNotAWholeNumberFromOneUpIsRefusedAtTheDaysInputNotChanged()
    {
        var user = await Data.User();
        var person = await Search.Person("Dana", TestData.Unique("Days").Replace(' ', '-'));
        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open();
            await find.TextLine(1, 1, "Last name", "equals", person.LastName);
            await find.AddLine(1);
            await find.ChooseField(1, 2, "Created");
            await find.ChooseOperator(1, 2, "in the last N days");
            var days = find.Line(1, 2).GetByLabel("Days");
            foreach (var wrong in new[] { "-5", "0", "1e5", "2.5" })
            {
                await FindView.TypeUntilItStays(page, days, wrong);
                await find.Search();
                await Expect(find.Line(1, 2)).ToContainTextAsync("Set 1, line 2, “Created in the last N days”: the value must be a number of days from 1 to 36500.");
                await Expect(days).ToHaveValueAsync(wrong);
                await Expect(days).ToHaveAttributeAsync("aria-invalid", "true");
                await Expect(find.Field(1, 2)).Not.ToHaveAttributeAsync("aria-invalid", "true");
            }

            await days.FillAsync("30");
            await find.Search();
            await Expect(find.ResultLink(person.LastName)).ToBeVisibleAsync();
            await Expect(find.Line(1, 2)).Not.ToContainTextAsync("the value must be");
        });
    }

    [Fact]
    public async Task ADutchUserSeesAKeptStatusMarkedAndLeavesItOutWithOnlyLeadsInUse()
    {
        var user = await Data.User(language: "nl");
        var marker = TestData.Unique("Bewaard").Replace(' ', '-');
        var live = await Search.Person("Lies", marker, "Contacting");
        var kept = await Search.Person("Kees", marker, "Contacting");
        await Data.MoveCompany(kept.CompanyId!.Value, "Customer");
        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open();
            var line = page.GetByRole(AriaRole.Group, new() { Name = "Groep 1, regel 1", Exact = true });
            await line.GetByLabel("Veld", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Achternaam", Exact = true }).ClickAsync();
            await line.GetByLabel("Operator", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "is gelijk aan", Exact = true }).ClickAsync();
            await FindView.TypeUntilItStays(page, line.GetByLabel("Waarde", new() { Exact = true }), marker);
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();

            var results = page.GetByRole(AriaRole.Table, new() { Name = "Resultaten", Exact = true });
            // Other tests' persons may share a first name; the marker is this test's own.
            var ours = results.Locator("tbody tr").Filter(new() { HasText = marker });
            var keptRow = ours.Filter(new() { HasText = "Kees" });
            var liveRow = ours.Filter(new() { HasText = "Lies" });
            await Expect(keptRow).ToContainTextAsync("Contact opnemen (niet in gebruik)");
            await Expect(liveRow).ToContainTextAsync("Contact opnemen");
            await Expect(liveRow).Not.ToContainTextAsync("niet in gebruik");

            await page.GetByRole(AriaRole.Switch, new() { Name = "Alleen leads in gebruik" }).Or(
                page.GetByRole(AriaRole.Checkbox, new() { Name = "Alleen leads in gebruik" })).ClickAsync();
            await Expect(keptRow).ToHaveCountAsync(0);
            await Expect(liveRow).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Groep 1, regel 2", Exact = true })
                .GetByLabel("Veld", new() { Exact = true })).ToHaveValueAsync("Leadstatus in gebruik");
            await Accessibility.AssertNoSeriousViolations(page, "Find with only leads in use, in Dutch");
        });

        Assert.Equal(live.LastName, kept.LastName);
    }
}
