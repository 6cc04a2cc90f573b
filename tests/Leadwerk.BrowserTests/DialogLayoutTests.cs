using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>
/// The Jobs page and the newer dialogs (deleting a person or a company, undo and rollback) on a
/// laptop and a phone, in both languages: nothing scrolls sideways, long values are cut with the
/// whole value on hover and focus, and axe finds nothing serious.
/// </summary>
public sealed class DialogLayoutTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>Long and without a place to break, the hardest value to lay out.</summary>
    private static string Long(string prefix, int length) => (prefix + "-" + new string('x', length))[..length];

    [Theory]
    [InlineData("en", Layout.Laptop, "Jobs")]
    [InlineData("en", Layout.Phone, "Jobs")]
    [InlineData("nl", Layout.Laptop, "Taken")]
    [InlineData("nl", Layout.Phone, "Taken")]
    public async Task TheJobsPageFitsTheScreenAndCutsALongNameWithTheWholeOnHoverAndFocus(string language, int width, string title)
    {
        var who = Long("Wilhelmina", 100);
        var user = await Data.User(language: language, displayName: who);
        await Runs(user.UserName, changed: 12);
        await As(user, async page =>
        {
            await page.Width(width);
            await page.OpenInteractive("/jobs");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            var name = page.Locator(".jobs-list .clip").Filter(new() { HasText = who }).First;
            await Expect(name).ToHaveAttributeAsync("title", who);
            await Layout.AssertInsideViewport(page, name, $"the long name on the jobs page ({language}, {width} px)");
            await Layout.AssertNoHorizontalOverflow(page, $"the jobs page ({language})");
            await name.FocusAsync();
            await Expect(name).ToBeFocusedAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the jobs page ({language}, {width} px)");
        });
    }

    [Theory]
    [InlineData("en", Layout.Laptop, "Delete", "Delete person")]
    [InlineData("en", Layout.Phone, "Delete", "Delete person")]
    [InlineData("nl", Layout.Laptop, "Verwijderen", "Persoon verwijderen")]
    [InlineData("nl", Layout.Phone, "Verwijderen", "Persoon verwijderen")]
    public async Task ThePersonDeleteQuestionWithALongNameFitsTheScreen(string language, int width, string delete, string question)
    {
        var user = await Data.User(language: language);
        var person = await Data.Person((await Data.Company(Long("Bedrijf", 200))).Id, Long("Anna", 100), Long("Achternaam", 100));
        await As(user, async page =>
        {
            await page.Width(width);
            await new PersonPage(page).Open(person.Id);
            await Layout.AssertNoHorizontalOverflow(page, $"the person card ({language})");
            await OpenDialog(page, page.GetByRole(AriaRole.Button, new() { Name = delete, Exact = true }));
            var dialog = page.Confirmation(question);
            await Expect(dialog).ToContainTextAsync(person.LastName!);
            await AssertFits(page, dialog, $"the delete person question ({language}, {width} px)");
        });
    }

    [Theory]
    [InlineData("en", Layout.Laptop, "Delete", "Move them to another company", "Move to company")]
    [InlineData("en", Layout.Phone, "Delete", "Move them to another company", "Move to company")]
    [InlineData("nl", Layout.Laptop, "Verwijderen", "Verplaats ze naar een ander bedrijf", "Verplaatsen naar bedrijf")]
    [InlineData("nl", Layout.Phone, "Verwijderen", "Verplaats ze naar een ander bedrijf", "Verplaatsen naar bedrijf")]
    public async Task TheCompanyDeleteDialogWithLongNamesFitsTheScreen(string language, int width, string delete, string move, string picker)
    {
        var user = await Data.User(language: language);
        var company = await Data.Company(Long("Verwijderbedrijf", 200));
        var target = await Data.Company(Long("Doelbedrijf " + Guid.NewGuid().ToString("N")[..8], 200));
        await Data.Person(company.Id);
        await As(user, async page =>
        {
            await page.Width(width);
            await new CompanyPage(page).Open(company.Id);
            await Layout.AssertNoHorizontalOverflow(page, $"the company card ({language})");
            var dialog = page.GetByRole(AriaRole.Dialog);
            await OpenDialog(page, page.GetByRole(AriaRole.Button, new() { Name = delete, Exact = true }));
            await dialog.GetByRole(AriaRole.Radio, new() { Name = move }).CheckAsync();
            await dialog.GetByLabel(picker).FillAsync(target.Name[..30]);
            await page.GetByRole(AriaRole.Option, new() { Name = target.Name, Exact = true }).ClickAsync();
            await AssertFits(page, dialog, $"the delete company dialog ({language}, {width} px)");
        });
    }

    [Theory]
    [InlineData("en", Layout.Laptop, "Undo", "Undo changes 12 persons?", "Roll back", "Rollback changes 3 records")]
    [InlineData("en", Layout.Phone, "Undo", "Undo changes 12 persons?", "Roll back", "Rollback changes 3 records")]
    [InlineData("nl", Layout.Laptop, "Ongedaan maken", "Ongedaan maken wijzigt 12 personen.", "Terugdraaien", "Terugdraaien wijzigt 3 records")]
    [InlineData("nl", Layout.Phone, "Ongedaan maken", "Ongedaan maken wijzigt 12 personen.", "Terugdraaien", "Terugdraaien wijzigt 3 records")]
    public async Task TheUndoAndRollbackQuestionsFitTheScreen(string language, int width, string undo, string undoQuestion, string rollback, string rollbackQuestion)
    {
        var user = await Data.User(language: language);
        var (bulkId, importId) = await Runs(user.UserName, changed: 12);
        await As(user, async page =>
        {
            await page.Width(width);
            await page.OpenInteractive($"/bulk-updates/{bulkId}");
            await Layout.AssertNoHorizontalOverflow(page, $"the bulk update page ({language})");
            await page.GetByRole(AriaRole.Button, new() { Name = undo, Exact = true }).ClickAsync();
            await AssertFits(page, page.Confirmation(undoQuestion), $"the undo question ({language}, {width} px)");

            await page.OpenInteractive($"/imports/{importId}");
            await Layout.AssertNoHorizontalOverflow(page, $"the import page ({language})");
            await page.GetByRole(AriaRole.Button, new() { Name = rollback, Exact = true }).ClickAsync();
            await AssertFits(page, page.Confirmation(rollbackQuestion), $"the rollback question ({language}, {width} px)");
        });
    }

    /// <summary>
    /// Clicks until a dialog is open: a card that is still loading its record when the circuit
    /// takes over may let the first click go unheard.
    /// </summary>
    private static async Task OpenDialog(IPage page, ILocator button)
    {
        for (var i = 0; i < 5 && await page.GetByRole(AriaRole.Dialog).CountAsync() == 0; i++)
        {
            await button.ClickAsync();
            await Task.Delay(300);
        }

        await Expect(page.GetByRole(AriaRole.Dialog).First).ToBeVisibleAsync();
    }

    private static async Task AssertFits(IPage page, ILocator dialog, string what)
    {
        await Expect(dialog).ToBeVisibleAsync();
        await Layout.AssertInsideViewport(page, dialog, what);
        var overflowing = await dialog.EvaluateAsync<string[]>("""
            d => [...d.querySelectorAll('*')].filter(e => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && (r.left < -0.5 || r.right > window.innerWidth + 0.5);
              }).slice(0, 3).map(e => e.outerHTML.slice(0, 120))
            """);
        Assert.True(overflowing.Length == 0, $"{what}: parts reach outside the screen: {string.Join(" | ", overflowing)}");
        await Layout.AssertNoHorizontalOverflow(page, what);
        await Accessibility.AssertNoSeriousViolations(page, what);
    }

    private Task<(int Bulk, int Import)> Runs(string userName, int changed) => Data.FinishedRuns(userName, changed);
}
