using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>
/// The README's tour, page by page, as a phone and a laptop show it: no page scrolls sideways, each
/// has its heading in the reader's language, and each passes the axe scan. One language per width and
/// test, so the two tests together see every page on a phone and the lists and cards on a laptop, in
/// English and Dutch. The scan looks at colours, names and roles, which a language does not change: it
/// runs in the English pass of each width, so each page is scanned once per width.
/// </summary>
public sealed class TourTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private SearchData Search => new(App.Server.Services);

    [Theory]
    [InlineData("en", Layout.Phone, "nl", Layout.Laptop)]
    [InlineData("nl", Layout.Phone, "en", Layout.Laptop)]
    public async Task EveryPageOfTheTourFitsAPhoneAndALaptopInBothLanguages(string phoneLanguage, int phone, string laptopLanguage, int laptop)
    {
        var person = await Data.PersonWithCompany();
        // A page is only as wide as its longest row: a web form with a long key, as a real install has.
        await Data.Form(TestData.Unique("tour-contact-form-for-the-spring-campaign").Replace(' ', '-'));
        var pages = new List<string>
        {
            "/my-day", "/companies", $"/companies/{person.CompanyId}", "/persons", $"/persons/{person.Id}", "/find", "/selections",
            "/dashboard", "/dashboards", "/jobs", "/imports/new", "/suggestions", "/admin/categories", "/admin/lead-statuses",
            "/admin/users", "/admin/automation/lead-categorization", "/admin/audit", "/admin/licence", "/admin/distribution",
            "/admin/forms", "/admin/webhooks", "/admin/attribution", "/admin/follow-up-types", "/admin/lost-reasons",
        };
        // A laptop has room for the forms; the lists and cards are where a wide table would show.
        string[] laptopPages = ["/my-day", "/companies", $"/companies/{person.CompanyId}", "/persons", $"/persons/{person.Id}", "/find", "/jobs", "/dashboard"];
        foreach (var (language, width) in new[] { (phoneLanguage, phone), (laptopLanguage, laptop) })
        {
            var user = await Data.User("admin", language);
            var selection = await Search.StaticSelection(user.UserName, TestData.Unique("Tour"), [person.Id]);
            await As(user, async page =>
            {
                await page.Width(width);
                foreach (var path in (width == phone ? pages : [.. laptopPages]).Append($"/selections/{selection.Id}").Append($"/selections/{selection.Id}/board"))
                {
                    await page.OpenInteractive(path);
                    await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                    await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                    await Layout.AssertNoHorizontalOverflow(page, $"{path} in {language}");
                    if (language == "en")
                    {
                        await Accessibility.AssertNoSeriousViolations(page, $"{path} at {width} px");
                    }
                }
            });
        }
    }
}
