using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>Small things a new user trips over: half-translated screens, a paste cut silently, a faint focus ring.</summary>
public sealed class EverydayDetailsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task DutchScreensNameTheAdministrationToggleInDutchAndFitLogOutOnAPhone()
    {
        await As(await Data.User("admin", "nl"), async page =>
        {
            await page.OpenInteractive("/companies");
            var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
            await Expect(navigation.GetByRole(AriaRole.Button, new() { Name = "Beheer in- of uitklappen" })).ToHaveCountAsync(1);
            Assert.Empty(await page.Locator("[aria-label^='Toggle']").AllAsync());

            await page.Width(Layout.Phone);
            var logOut = page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true });
            await Expect(logOut).ToBeVisibleAsync();
            await Layout.AssertInsideViewport(page, logOut, "Uitloggen at 390 px");
            await Layout.AssertNoHorizontalOverflow(page, "the Dutch companies list at 390 px");
            await Accessibility.AssertNoSeriousViolations(page, "the Dutch companies list at 390 px");
        });
    }

    [Theory]
    [InlineData("nl", "Alleen de eerste 200 tekens zijn overgenomen: dit veld bevat er hoogstens 200 (u plakte er 5000).")]
    public async Task PastingMoreThanAFieldHoldsSaysHowMuchWasTaken(string language, string message)
    {
        await As(await Data.User("admin", language), async page =>
        {
            await page.OpenInteractive("/companies");
            await page.GetByRole(AriaRole.Button, new() { Name = language == "nl" ? "Nieuw bedrijf" : "New company" }).ClickAsync();
            var name = page.GetByRole(AriaRole.Dialog).GetByLabel(language == "nl" ? "Naam" : "Name", new() { Exact = true });
            await name.ClickAsync();
            await Expect(name).ToBeFocusedAsync();
            await name.EvaluateAsync("""
                (field, text) => {
                  const data = new DataTransfer();
                  data.setData('text/plain', text);
                  field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                }
                """, new string('x', 5000));

            var note = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = message });
            await Expect(note).ToBeVisibleAsync();
            Assert.Equal(200, await name.EvaluateAsync<int>("f => f.maxLength"));

            await Accessibility.AssertNoSeriousViolations(page, $"the new company dialog with the paste note ({language})");

            await page.Keyboard.PressAsync("Tab");
            await Expect(note).ToHaveCountAsync(0);
        });
    }

    [Theory]
    [InlineData("en", "inherited from")]
    public async Task TheInheritedFromLinkIsUnderlinedAndFocusShowsAStrongRing(string language, string inheritedFrom)
    {
        var person = await Data.PersonWithCompany();
        await As(await Data.User("admin", language), async page =>
        {
            await page.OpenInteractive($"/persons/{person.Id}");
            await Expect(page.Locator("#category-inherited")).ToContainTextAsync($"{inheritedFrom} {person.CompanyName}");
            var inherited = page.Locator("#category-inherited a");
            await Expect(inherited).ToHaveAttributeAsync("href", $"/companies/{person.CompanyId}");
            Assert.Contains("underline", await inherited.EvaluateAsync<string>("a => getComputedStyle(a).textDecorationLine"));
            await Accessibility.AssertNoSeriousViolations(page, $"the person card ({language})");

            // Tab through the page: every control that takes the focus shows the 3 px ring of at least 3:1.
            var seen = new HashSet<string>();
            for (var i = 0; i < 25; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var ring = await page.EvaluateAsync<string[]>("""
                    () => {
                      // MudBlazor's inputs draw the ring around their whole box (.mud-input), not the inner element.
                      const e = document.activeElement.closest('.mud-input') ?? document.activeElement, s = getComputedStyle(e);
                      return [e.tagName + '.' + (e.className || ''), s.outlineStyle, s.outlineWidth, s.outlineColor, e.closest('.mud-appbar') ? 'bar' : 'page'];
                    }
                    """);
                if (ring[0].StartsWith("BODY", StringComparison.Ordinal))
                {
                    continue;
                }

                seen.Add(ring[0].Split('.')[0]);
                Assert.True(ring[1] == "solid" && ring[2] == "3px", $"{ring[0]} has outline {ring[1]} {ring[2]}");
                Assert.Equal(ring[4] == "bar" ? "rgb(255, 255, 255)" : "rgb(179, 92, 0)", ring[3]);
            }

            Assert.Contains("A", seen);
            Assert.Contains("BUTTON", seen);
        });
    }

    [Theory]
    [InlineData("nl", "Niet gevonden – Leadwerk", "Pagina niet gevonden", "Op dit adres staat niets.", "Naar bedrijven")]
    public async Task AnUnknownAddressAnswers404WithTheAppsOwnNotFoundPageInTheUsersLanguage(
        string language, string title, string heading, string nothingHere, string goToCompanies)
    {
        await As(await Data.User(language: language), async page =>
        {
            var response = await page.GotoAsync("/no-such-page-xyz");
            Assert.Equal(404, response!.Status);
            await page.WaitForCircuit();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/no-such-page-xyz$"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Expect(page).ToHaveTitleAsync(title);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Expect(page.GetByText(nothingHere, new() { Exact = true })).ToBeVisibleAsync();
            var companies = page.GetByRole(AriaRole.Link, new() { Name = goToCompanies, Exact = true });
            await Expect(companies).ToHaveAttributeAsync("href", "/companies");
            await Accessibility.AssertNoSeriousViolations(page, $"the not-found page ({language})");

            await companies.ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/companies$"));
        });
    }

    [Theory]
    [InlineData("nl", "Taken")]
    public async Task EveryPageNamesTheAppsIconWhichIsAnSvgTheServerHands(string language, string jobs)
    {
        var company = await Data.Company();
        await As(await Data.User(language: language), async page =>
        {
            foreach (var path in new[] { "/", "/companies", $"/companies/{company.Id}", "/find", "/selections", "/jobs", "/no-such-page" })
            {
                await page.GotoAsync(path);
                var icon = page.Locator("head link[rel=icon]");
                await Expect(icon).ToHaveCountAsync(1);
                await Expect(icon).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"(^|/)favicon(\.[\w-]+)?\.svg$"));
                await Expect(icon).ToHaveAttributeAsync("type", "image/svg+xml");
                // The address as the browser resolves it (against <base href="/">), so the icon a deep page names is the one fetched.
                var answer = await page.APIRequest.GetAsync(await icon.EvaluateAsync<string>("link => link.href"));
                Assert.Equal(200, answer.Status);
                Assert.StartsWith("image/svg+xml", answer.Headers["content-type"], StringComparison.Ordinal);
                Assert.Contains("<svg", await answer.TextAsync(), StringComparison.Ordinal);
            }

            await page.OpenInteractive("/jobs");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(jobs);
            await Accessibility.AssertNoSeriousViolations(page, $"the jobs page with its icon ({language})");
        });

        await Anonymously(async page =>
        {
            await page.GotoAsync("/login");
            await Expect(page.Locator("head link[rel=icon]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"favicon(\.[\w-]+)?\.svg$"));
        });
    }
}
