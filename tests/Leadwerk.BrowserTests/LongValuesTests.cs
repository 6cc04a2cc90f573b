using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>One long value (a 200-character name) must not break a list, card or board for everyone.</summary>
public sealed class LongValuesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private SearchData Search => new(App.Server.Services);

    /// <summary>One word of exactly <paramref name="length"/> characters starting with a unique prefix: nothing to wrap at.</summary>
    private static string Long(string prefix, int length) =>
        string.Concat(Enumerable.Repeat(TestData.Unique(prefix).Replace(' ', '-') + "-Zeerlangewaarde", 20))[..length];

    [Theory]
    [InlineData("nl")]
    public async Task ACompanyAndAPersonWithTwoHundredCharacterNamesFitEveryListAndCardAtLaptopAndPhoneWidth(string language)
    {
        var companyName = Long("Company", 200);
        var company = await Data.Company(companyName);
        var person = await Data.Person(company.Id, firstName: Long("Ann", 100), lastName: Long("Langenaam", 100));
        var user = await Data.User("admin", language);
        var selection = await Search.StaticSelection(user.UserName, Long("Selection", 200), [person.Id]);
        await Data.FollowUp(person.Id, await Data.UserId(user.UserName), DateTimeOffset.UtcNow.AddHours(1), Long("Call", 200));
        await As(user, async page =>
        {
            foreach (var width in new[] { Layout.Laptop, Layout.Phone })
            {
                await page.Width(width);
                var at = $"at {width} px in {language}";

                await page.OpenInteractive("/companies");
                await page.GetByLabel(language == "nl" ? "Zoeken" : "Search").FillAsync(companyName[..16]);
                var link = page.GetByRole(AriaRole.Link, new() { Name = companyName, Exact = true });
                // The search's own page and its count are in: no later load replaces the row (and its focus).
                await Expect(page.Locator(".results-count")).ToHaveTextAsync(language == "nl" ? "1 van 1" : "1 of 1");
                await Expect(link).ToBeVisibleAsync();
                await Layout.AssertNoHorizontalOverflow(page, $"the companies list {at}");
                await Layout.AssertInsideViewport(page, link, $"the long company name {at}");
                await Expect(link).ToHaveAttributeAsync("title", companyName);
                if (width == Layout.Laptop)
                {
                    // The value is cut at 16rem; the table may give its column some of the spare width, never half of it.
                    var nameCell = (await link.Locator("xpath=ancestor::td").BoundingBoxAsync())!;
                    var table = (await link.Locator("xpath=ancestor::table").BoundingBoxAsync())!;
                    Assert.True((await link.BoundingBoxAsync())!.Width <= 16 * 16, $"the name is {(await link.BoundingBoxAsync())!.Width:0} px wide {at}");
                    Assert.True(nameCell.Width < table.Width / 2, $"the name column is {nameCell.Width:0} px of {table.Width:0} px {at}");
                    foreach (var header in await page.Locator("thead th").AllAsync())
                    {
                        Assert.True((await header.BoundingBoxAsync())!.Width >= 60, $"a column is squeezed to {(await header.BoundingBoxAsync())!.Width:0} px {at}");
                    }
                }

                // Keyboard users get the whole value where the mouse gets the title.
                Assert.Equal("2", await link.EvaluateAsync<string>("e => getComputedStyle(e).webkitLineClamp"));
                await link.FocusAsync();
                Assert.Equal("none", await link.EvaluateAsync<string>("e => getComputedStyle(e).webkitLineClamp"));
                await Accessibility.AssertNoSeriousViolations(page, $"the companies list with a long name {at}");

                await page.OpenInteractive($"/companies/{company.Id}");
                var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = companyName });
                await Expect(heading).ToHaveAttributeAsync("title", companyName);
                await Expect(page.GetByRole(AriaRole.Link, new() { Name = person.FullName, Exact = true })).ToBeVisibleAsync();
                await Layout.AssertNoHorizontalOverflow(page, $"the company card {at}");
                await Layout.AssertInsideViewport(page, heading, $"the company card's title {at}");
                // A long title is a tab stop: reached by the keyboard it shows whole, as the mouse gets it from the title.
                await heading.EvaluateAsync("e => e.blur()");
                Assert.Equal("nowrap", await heading.EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));
                await heading.FocusAsync();
                await page.Keyboard.PressAsync("Tab");
                await page.Keyboard.PressAsync("Shift+Tab");
                await Expect(heading).ToBeFocusedAsync();
                Assert.Equal("normal", await heading.EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));
                await Layout.AssertNoHorizontalOverflow(page, $"the company card with its title focused {at}");

                await page.OpenInteractive($"/persons/{person.Id}");
                heading = page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = person.FullName });
                await Expect(heading).ToHaveAttributeAsync("title", person.FullName);
                await Layout.AssertNoHorizontalOverflow(page, $"the person card {at}");
                await Layout.AssertInsideViewport(page, heading, $"the person card's title {at}");

                await page.OpenInteractive($"/selections/{selection.Id}");
                var member = page.GetByRole(AriaRole.Link, new() { Name = person.FirstName, Exact = true });
                await Expect(member).ToHaveAttributeAsync("title", person.FirstName);
                await Layout.AssertNoHorizontalOverflow(page, $"the selection's members {at}");

                await page.OpenInteractive($"/selections/{selection.Id}/board");
                var card = page.GetByRole(AriaRole.Link, new() { Name = person.FullName, Exact = true });
                await Expect(card).ToHaveAttributeAsync("title", person.FullName);
                await Layout.AssertNoHorizontalOverflow(page, $"the board {at}");

                await page.OpenInteractive("/my-day");
                await Expect(page.GetByRole(AriaRole.Link, new() { Name = person.FullName, Exact = true })).ToHaveAttributeAsync("title", person.FullName);
                await Layout.AssertNoHorizontalOverflow(page, $"My day {at}");
            }
        });
    }
}
