using System.Globalization;
using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>Every list says how many it holds ("1–12 of 12"): the Jobs page, the Selections list and the administration lists.</summary>
public sealed partial class ListCountTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl", "1–2 van 2", "0 resultaten")]
    public async Task TheJobsPageCountsTheRunsItsFilterMatches(string language, string both, string none)
    {
        var user = await Data.User(language: language);
        await Data.FinishedRuns(user.UserName, changed: 3);
        await As(user, async page =>
        {
            await page.OpenInteractive("/jobs");
            var count = page.Locator(".list-count");
            await Expect(count).ToHaveTextAsync(both);
            await Expect(page.Locator(".jobs-list tbody tr")).ToHaveCountAsync(2);
            await Accessibility.AssertNoSeriousViolations(page, $"the jobs page with its count ({language})");

            await page.GetByLabel(language == "nl" ? "Soort" : "Kind").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = language == "nl" ? "Regel toegepast" : "Rule applied" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = language == "nl" ? "Toepassen" : "Apply" }).ClickAsync();
            await Expect(count).ToHaveTextAsync(none);
        });
    }

    [Theory]
    [InlineData("en", "/selections", " of ")]
    [InlineData("nl", "/selections", " van ")]
    [InlineData("en", "/admin/users", " of ")]
    [InlineData("nl", "/admin/lead-statuses", " van ")]
    [InlineData("en", "/dashboards", " of ")]
    public async Task AListShownWholeCountsItsRows(string language, string path, string of)
    {
        var user = await Data.User("admin", language);
        // A selection of their own, so the Selections list has one to count whatever else runs beside.
        await Data.OwnSelection(user.UserName, TestData.Unique("Counted"));
        await As(user, async page =>
        {
            await page.OpenInteractive(path);
            var count = page.Locator(".list-count");
            await Expect(count).ToHaveTextAsync(new Regex($"^1(–[0-9.,]+)?{of}[0-9.,]+$"));
            var total = int.Parse(TotalPart().Match(await count.InnerTextAsync()).Groups[1].Value.Replace(",", "").Replace(".", ""), CultureInfo.InvariantCulture);
            Assert.Equal(total, await page.Locator("table tbody tr:not(.mud-table-empty-row)").CountAsync());
            await Accessibility.AssertNoSeriousViolations(page, $"{path} with its count ({language})");
        });
    }

    [GeneratedRegex("([0-9.,]+)$")]
    private static partial Regex TotalPart();
}
