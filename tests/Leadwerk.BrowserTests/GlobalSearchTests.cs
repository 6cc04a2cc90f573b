using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class GlobalSearchTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl", "Ga naar een persoon, bedrijf of selectie", "Personen", "Bedrijven", "Zoeken")]
    public async Task SlashFocusesTheSearchWhoseGroupedResultsAreChosenWithArrowsAndEnter(string language, string label, string persons,
        string companies, string companiesSearch)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var company = await Data.Company($"Zoekdoos{tag} BV");
        var person = await Data.Person(company.Id, firstName: "Wim", lastName: $"Zoekdoos{tag}");
        var user = await Data.User(language: language);
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            var box = page.GetByRole(AriaRole.Combobox, new() { Name = label });
            var list = page.GetByRole(AriaRole.Listbox, new() { Name = label });

            // "/" typed into another field is just a character there.
            var other = page.GetByLabel(companiesSearch, new() { Exact = true });
            await other.FocusAsync();
            await page.Keyboard.TypeAsync("/");
            await Expect(other).ToHaveValueAsync("/");
            await Expect(box).Not.ToBeFocusedAsync();

            await page.Locator("main").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
            await page.Keyboard.PressAsync("/");
            await Expect(box).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync($"zoekdoos{tag}");
            await Expect(list).ToBeVisibleAsync();
            await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
            await Expect(list.GetByRole(AriaRole.Group, new() { Name = persons })).ToContainTextAsync($"Wim Zoekdoos{tag}");
            await Expect(list.GetByRole(AriaRole.Group, new() { Name = companies })).ToContainTextAsync($"Zoekdoos{tag} BV");
            await Accessibility.AssertNoSeriousViolations(page, $"the global search with results ({language})");

            await page.Keyboard.PressAsync("Escape");
            await Expect(list).ToBeHiddenAsync();
            await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

            await page.Keyboard.PressAsync("ArrowDown");
            var option = list.GetByRole(AriaRole.Option, new() { Name = $"Wim Zoekdoos{tag}" });
            await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await option.GetAttributeAsync("id"))!);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex($"/persons/{person.Id}$"));
        });
    }

    [Theory]
    [InlineData("en", "Go to a person, company or selection", "Persons")]
    public async Task APhoneNumberTypedAsTheUserWritesItFindsThePersonWhoseCardItOpens(string language, string label, string persons)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var digits = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var person = await Data.Person(null, firstName: "Bel", lastName: $"Mij{tag}", phone: $"+31 6 {digits[..4]} {digits[4..]}");
        var user = await Data.User(language: language);
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            var box = page.GetByRole(AriaRole.Combobox, new() { Name = label });
            var list = page.GetByRole(AriaRole.Listbox, new() { Name = label });

            await page.Locator("main").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
            await page.Keyboard.PressAsync("/");
            await Expect(box).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync($"06-{digits[..4]} {digits[4..6]}");
            var option = list.GetByRole(AriaRole.Group, new() { Name = persons }).GetByRole(AriaRole.Option, new() { Name = $"Bel Mij{tag}" });
            await Expect(option).ToBeVisibleAsync();
            await Expect(option).ToContainTextAsync($"+31 6 {digits[..4]} {digits[4..]}");
            await Accessibility.AssertNoSeriousViolations(page, $"the global search found by phone ({language})");

            await option.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/persons/{person.Id}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Bel Mij{tag}");
            await Accessibility.AssertNoSeriousViolations(page, $"the person opened from the search ({language})");
        });
    }

    [Theory]
    [InlineData("nl", "Ga naar een persoon, bedrijf of selectie")]
    public async Task TheSearchBoxFitsTheAppBarAtPhoneWidth(string language, string label)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await Data.Person(null, firstName: "Pia", lastName: $"Smalbalk{tag}");
        await As(await Data.User("admin", language), async page =>
        {
            await page.Width(Layout.Phone);
            await page.OpenInteractive("/my-day");
            var box = page.GetByRole(AriaRole.Combobox, new() { Name = label });
            await box.FillAsync($"smalbalk{tag}");
            var option = page.GetByRole(AriaRole.Option, new() { Name = $"Pia Smalbalk{tag}" });
            await Expect(option).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"The page is {width} px wide at 390 px.");
            await AssertInsideTheAppBar(page, box, $"the search box at 390 px ({language})");
            await Layout.AssertInsideViewport(page, option, $"the search result at 390 px ({language})");
            await Accessibility.AssertNoSeriousViolations(page, $"the global search at 390 px ({language})");

            await page.Width(Layout.Laptop);
            await Expect(option).ToBeVisibleAsync();
            await Layout.AssertNoHorizontalOverflow(page, $"the page with the global search at 1366 px ({language})");
            await AssertInsideTheAppBar(page, box, $"the search box at 1366 px ({language})");
            await Accessibility.AssertNoSeriousViolations(page, $"the global search at 1366 px ({language})");
        });
    }

    /// <summary>The box lies within the app bar and the viewport, not pushed past either edge.</summary>
    private static async Task AssertInsideTheAppBar(IPage page, ILocator box, string what)
    {
        await Layout.AssertInsideViewport(page, box, what);
        var field = await box.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{what} is not shown.");
        var bar = await page.Locator(".mud-appbar").First.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("The app bar is not shown.");
        Assert.True(field.X >= bar.X && field.X + field.Width <= bar.X + bar.Width + 0.5 && field.Y >= bar.Y && field.Y + field.Height <= bar.Y + bar.Height + 0.5,
            $"{what} spans {field.X:0}–{field.X + field.Width:0} × {field.Y:0}–{field.Y + field.Height:0} px; the app bar {bar.X:0}–{bar.X + bar.Width:0} × {bar.Y:0}–{bar.Y + bar.Height:0} px.");
    }
}
