using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class ImportTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ADutchSemicolonFileIsCheckedImportedAndRolledBackInDutch()
    {
        var user = await Data.User(language: "nl");
        var tag = $"Im{Guid.NewGuid().ToString("N")[..6]}";
        // Anna's remark spans two lines, so Bram starts on line 4 and the repeated e-mail on line 5.
        var csv = $"Voornaam;Achternaam;E-mailadres;Functie;Opmerking\r\n" +
                  $"Anna;{tag}a;anna.{tag}@example.com;Inkoper;\"eerste\r\nregel\"\r\n" +
                  $"Bram;{tag}b;bram.{tag}@example.com;;\r\n" +
                  $"Cees;{tag}c;anna.{tag}@example.com;;\r\n";
        await As(user, async page =>
        {
            var import = new ImportView(page);
            await import.OpenNew();
            await Expect(import.Heading).ToHaveTextAsync("Importeren");
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Personen", Exact = true })).ToBeCheckedAsync();
            await import.Upload("beurs.csv", csv);
            await Expect(page.Locator("#import-file-name")).ToContainTextAsync("beurs.csv");

            await Expect(import.Column("Voornaam")).ToHaveValueAsync("Voornaam");
            await Expect(import.Column("Achternaam")).ToHaveValueAsync("Achternaam");
            await Expect(import.Column("E-mailadres")).ToHaveValueAsync("E-mail");
            await Expect(import.Column("Functie")).ToHaveValueAsync("Functie");
            await Expect(import.Column("Opmerking")).ToHaveValueAsync("Niet importeren");
            await Expect(page.GetByLabel("Bestaande records herkennen aan", new() { Exact = true })).ToHaveValueAsync("E-mail");
            await Expect(import.Button("Importeren")).ToBeDisabledAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the import form with a file's columns, in Dutch");

            await import.Button("Controleren").ClickAsync();
            await Expect(Details.Value(page, "Rijen")).ToHaveTextAsync("3");
            await Expect(Details.Value(page, "Aanmaken")).ToHaveTextAsync("2");
            await Expect(Details.Value(page, "Bijwerken")).ToHaveTextAsync("0");
            await Expect(Details.Value(page, "Ongewijzigd")).ToHaveTextAsync("0");
            await Expect(Details.Value(page, "Fouten")).ToHaveTextAsync("1");
            var errors = import.Rows("Rijen met fouten");
            await Expect(errors).ToHaveCountAsync(1);
            await Expect(errors.Locator("td").First).ToHaveTextAsync("5");
            await Expect(errors.Locator("td").Nth(1)).ToContainTextAsync("staat ook op regel 2");
            Assert.Equal(0, await Persons(tag));
            await Accessibility.AssertNoSeriousViolations(page, "the import form's check result, in Dutch");
            await import.Screenshot("new.nl");

            await import.Button("Importeren").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/imports/\d+$"));
            await page.WaitForCircuit();
            await Expect(import.Heading).ToHaveTextAsync("Importeren");
            await Expect(Details.Value(page, "Status")).ToHaveTextAsync("Klaar");
            await Expect(Details.Value(page, "Aangemaakt")).ToHaveTextAsync("2");
            await Expect(Details.Value(page, "Fouten")).ToHaveTextAsync("1");
            await Expect(import.Progress).ToHaveTextAsync("Klaar: 2 aangemaakt, 0 bijgewerkt, 0 ongewijzigd, 1 met fouten.");
            await Expect(import.Rows("Rijen met fouten").Locator("td").First).ToHaveTextAsync("5");
            Assert.Equal(2, await Persons(tag));
            await Accessibility.AssertNoSeriousViolations(page, "a finished import's page, in Dutch");
            await import.Screenshot("done.nl");

            await import.Button("Terugdraaien").ClickAsync();
            await import.Dialog.GetByRole(AriaRole.Button, new() { Name = "Terugdraaien", Exact = true }).ClickAsync();
            await Expect(Details.Value(page, "Status")).ToHaveTextAsync("Teruggedraaid");
            await Expect(import.Button("Terugdraaien")).ToHaveCountAsync(0);
            Assert.Equal(0, await Persons(tag));
            await Accessibility.AssertNoSeriousViolations(page, "a rolled back import's page, in Dutch");
        });
    }

    [Fact]
    public async Task RollbackListsAPersonChangedSinceTheImportAndLeavesItInEnglish()
    {
        var user = await Data.User();
        var tag = $"Ie{Guid.NewGuid().ToString("N")[..6]}";
        var csv = $"First name,Last name,Email\nAda,{tag}a,ada.{tag}@example.com\nBob,{tag}b,bob.{tag}@example.com\n";
        await As(user, async page =>
        {
            var import = new ImportView(page);
            await import.OpenNew();
            await Expect(import.Heading).ToHaveTextAsync("Import");
            await import.Upload("fair.csv", csv);
            await Expect(import.Column("Email")).ToHaveValueAsync("E-mail");
            await import.Button("Check").ClickAsync();
            await Expect(Details.Value(page, "Create")).ToHaveTextAsync("2");
            await Expect(Details.Value(page, "Errors")).ToHaveTextAsync("0");
            await import.Screenshot("new.en");
            await import.Button("Import").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/imports/\d+$"));
            await page.WaitForCircuit();
            await Expect(Details.Value(page, "State")).ToHaveTextAsync("Done");
            await Expect(Details.Value(page, "Created")).ToHaveTextAsync("2");

            var ada = await Db(db => db.Persons.Where(p => p.LastName == tag + "a").Select(p => p.Id).SingleAsync());
            await Db(db => db.Persons.Where(p => p.Id == ada).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Changed").SetProperty(p => p.Version, p => p.Version + 1)));

            await import.Button("Roll back").ClickAsync();
            await Expect(import.Dialog).ToContainTextAsync("Roll back this import?");
            await import.Dialog.GetByRole(AriaRole.Button, new() { Name = "Roll back", Exact = true }).ClickAsync();
            await Expect(Details.Value(page, "State")).ToHaveTextAsync("Rolled back");
            await Expect(import.Progress).ToHaveTextAsync("Rolled back. Changed since the import and left as they are: 1.");
            var left = import.Rows("Left as they are by rollback");
            await Expect(left).ToHaveCountAsync(1);
            await Expect(left.Locator("td").First).ToHaveTextAsync("2");
            Assert.Equal(1, await Persons(tag));
            await Accessibility.AssertNoSeriousViolations(page, "a rolled back import's page with records left alone");
            await import.Screenshot("rolledback.en");
        });
    }

    [Theory]
    [InlineData("en", "nl")]
    [InlineData("nl", "en")]
    public async Task RowErrorsOfAnImportAreReadInTheReadersLanguageNotTheOneItRanIn(string runnerLanguage, string readerLanguage)
    {
        var runner = await Data.User(language: runnerLanguage);
        var reader = await Data.User("admin", readerLanguage);
        var tag = $"Ix{Guid.NewGuid().ToString("N")[..6]}";
        var csv = $"last name,email,lead status\n{tag}a,a.{tag}@example.com,Nope{tag}\n{tag}b,b.{tag}@example.com,\n{tag}c,b.{tag}@example.com,\n";
        var (ran, read) = (Texts(runnerLanguage, tag), Texts(readerLanguage, tag));
        var id = 0;
        await As(runner, async page =>
        {
            var import = new ImportView(page);
            await import.OpenNew();
            await import.Upload("errors.csv", csv);
            await import.Button(ran.Check).ClickAsync();
            await Expect(import.Rows(ran.Caption)).ToHaveCountAsync(2);
            await import.Button(ran.Import).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/imports/\d+$"));
            await Expect(import.Rows(ran.Caption).Nth(0).Locator("td").Nth(1)).ToHaveTextAsync(ran.UnknownStatus);
            id = int.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        });

        await As(reader, async page =>
        {
            await page.OpenInteractive("/jobs");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Import #{id} · {read.Persons}", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/imports/{id}$"));
            var import = new ImportView(page);
            var rows = import.Rows(read.Caption);
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(rows.Nth(0).Locator("td")).ToHaveTextAsync(["2", read.UnknownStatus]);
            await Expect(rows.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync("4");
            await Expect(rows.Nth(1).Locator("td").Nth(1)).ToContainTextAsync(read.AlsoOnLine3);
            await Expect(import.Rows(ran.Caption)).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, $"an import run in {runnerLanguage} read in {readerLanguage}");
        });

        Assert.Equal(1, await Persons(tag));
    }

    [Theory]
    [InlineData("en", "Line 2: a quote is out of place or not closed.")]
    public async Task AFileWithAQuoteLeftOpenOnLine2IsRefusedNamingLine2(string language, string message)
    {
        var user = await Data.User(language: language);
        var tag = $"Iq{Guid.NewGuid().ToString("N")[..6]}";
        await As(user, async page =>
        {
            var import = new ImportView(page);
            await import.OpenNew();
            await import.Upload("quote.csv", $"last name,email\n\"{tag}a,a.{tag}@example.com\n{tag}b,b.{tag}@example.com\n", shows: ".import-file-error");
            await Expect(page.Locator(".import-file-error")).ToHaveTextAsync(message);
            await Expect(page.Locator(".import-columns")).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, $"the import form refusing a file with an open quote ({language})");
        });

        Assert.Equal(0, await Persons(tag));
    }

    private static (string Check, string Import, string Caption, string Persons, string UnknownStatus, string AlsoOnLine3) Texts(string language, string tag) =>
        language == "nl"
            ? ("Controleren", "Importeren", "Rijen met fouten", "Personen", $"De leadstatus “Nope{tag}” bestaat niet.", "staat ook op regel 3")
            : ("Check", "Import", "Rows with errors", "Persons", $"The lead status “Nope{tag}” does not exist.", "is also on line 3");

    private Task<int> Persons(string tag) => Db(db => db.Persons.CountAsync(p => p.LastName.StartsWith(tag)));

    private async Task<T> Db<T>(Func<LeadwerkDbContext, Task<T>> work)
    {
        await using var scope = App.Server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>());
    }
}
