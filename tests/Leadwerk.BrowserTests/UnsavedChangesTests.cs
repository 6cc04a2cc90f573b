using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class UnsavedChangesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("en", "New company", "Name", "Discard your changes?", "Keep editing", "Discard")]
    public async Task EscapeInTheNewCompanyDialogWithTypingAsksBeforeDiscardingIt(
        string language, string newCompany, string name, string question, string keep, string discard)
    {
        var user = await Data.User(language: language);
        var typed = TestData.Unique("Half typed");
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            await page.GetByRole(AriaRole.Button, new() { Name = newCompany }).ClickAsync();
            var form = page.GetByRole(AriaRole.Dialog, new() { Name = newCompany });
            var nameField = form.GetByLabel(name, new() { Exact = true });
            await nameField.FillAsync(typed);
            var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = question });

            await nameField.PressAsync("Escape");
            await Expect(confirm).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the discard question ({language})");
            await confirm.GetByRole(AriaRole.Button, new() { Name = keep }).ClickAsync();
            await Expect(confirm).ToHaveCountAsync(0);
            await Expect(nameField).ToHaveValueAsync(typed);

            await nameField.PressAsync("Escape");
            await confirm.GetByRole(AriaRole.Button, new() { Name = discard, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        });
    }

    [Theory]
    [InlineData("nl", "Nieuw bedrijf", "Naam", "Annuleren", "Opslaan", "Uw wijzigingen weggooien?", "Verder bewerken", "Weggooien")]
    public async Task EscapeOnTheDialogsButtonsAsksWithTypingAndClosesWithout(
        string language, string newCompany, string name, string cancel, string save, string question, string keep, string discard)
    {
        var user = await Data.User(language: language);
        var typed = TestData.Unique("Typed");
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            var open = page.GetByRole(AriaRole.Button, new() { Name = newCompany });
            var form = page.GetByRole(AriaRole.Dialog, new() { Name = newCompany });
            var nameField = form.GetByLabel(name, new() { Exact = true });
            var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = question });

            await open.ClickAsync();
            await nameField.FillAsync(typed);
            await form.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(confirm).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the discard question from a button ({language})");
            await confirm.GetByRole(AriaRole.Button, new() { Name = keep }).ClickAsync();
            await Expect(confirm).ToHaveCountAsync(0);
            await Expect(nameField).ToHaveValueAsync(typed);

            await form.GetByRole(AriaRole.Button, new() { Name = cancel, Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("Escape");
            await confirm.GetByRole(AriaRole.Button, new() { Name = discard, Exact = true }).ClickAsync();
            await Expect(form).ToHaveCountAsync(0);

            await open.ClickAsync();
            await Expect(nameField).ToHaveValueAsync("");
            await form.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(form).ToHaveCountAsync(0);
            await Expect(confirm).ToHaveCountAsync(0);
        });
    }

    [Theory]
    [InlineData("en", "New company", "Name", "Discard your changes?")]
    public async Task ANewCompanyDialogWithoutTypingClosesOnEscapeAndOneWithTypingAsksOnAClickOutside(
        string language, string newCompany, string name, string question)
    {
        await As(await Data.User("admin", language), async page =>
        {
            await page.OpenInteractive("/companies");
            var open = page.GetByRole(AriaRole.Button, new() { Name = newCompany });
            await open.ClickAsync();
            var form = page.GetByRole(AriaRole.Dialog, new() { Name = newCompany });
            await form.GetByLabel(name, new() { Exact = true }).PressAsync("Escape");
            await Expect(form).ToHaveCountAsync(0);

            await open.ClickAsync();
            await form.GetByLabel(name, new() { Exact = true }).FillAsync("Typed");
            await page.Mouse.ClickAsync(5, 300);
            await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = question })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the discard question after a click outside ({language})");
        });
    }

    [Theory]
    [InlineData("nl", "Bewerken", "Functie", "Uw wijzigingen weggooien?", "Verder bewerken", "Annuleren", "Weggooien")]
    public async Task LeavingThePersonEditFormWithTypingAsksAndKeepingStaysOnTheForm(
        string language, string edit, string titleLabel, string question, string keep, string cancel, string discard)
    {
        var person = await Data.PersonWithCompany();
        await As(await Data.User("admin", language), async page =>
        {
            await new PersonPage(page).Open(person.Id);
            var editButton = page.GetByRole(AriaRole.Button, new() { Name = edit, Exact = true });
            await editButton.ClickAsync();
            var title = page.GetByLabel(titleLabel, new() { Exact = true });
            await title.FillAsync("Head of unsaved work");
            var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = question });

            await page.GetByRole(AriaRole.Link, new() { Name = person.CompanyName! }).First.ClickAsync();
            await Expect(confirm).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the discard question on leaving the person form ({language})");
            await confirm.GetByRole(AriaRole.Button, new() { Name = keep }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/persons/{person.Id}$"));
            await Expect(title).ToHaveValueAsync("Head of unsaved work");

            await page.GetByRole(AriaRole.Button, new() { Name = cancel, Exact = true }).ClickAsync();
            await confirm.GetByRole(AriaRole.Button, new() { Name = discard, Exact = true }).ClickAsync();
            await Expect(editButton).ToBeVisibleAsync();
            await Expect(page.Locator("#person-details")).Not.ToContainTextAsync("Head of unsaved work");
        });
    }
}
