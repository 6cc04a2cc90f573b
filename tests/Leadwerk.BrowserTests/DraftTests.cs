using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>What was typed in a form comes back after a reload, in the user's language; admin forms' drafts are in <see cref="AdminDraftTests"/>.</summary>
public sealed class DraftTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("en", "Edit", "Title", "Restore your unsaved changes from", "Restore", "Save")]
    public async Task WhatWasTypedInThePersonEditFormIsOfferedBackAfterAReloadAndGoneOnceSaved(
        string language, string edit, string titleLabel, string offerText, string restore, string save)
    {
        var user = await Data.User(language: language);
        var person = await Data.PersonWithCompany();
        await As(user, async page =>
        {
            var card = new PersonPage(page);
            var editButton = page.GetByRole(AriaRole.Button, new() { Name = edit, Exact = true });
            var title = page.GetByLabel(titleLabel, new() { Exact = true });
            await card.Open(person.Id);
            await editButton.ClickAsync();
            await title.FillAsync("Keeper of drafts");
            await Drafts.WaitForAny(page);

            // The browser asks before leaving a form with changes; the test says "leave".
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.ReloadAsync();
            await page.WaitForCircuit();
            await editButton.ClickAsync();
            var offer = page.Locator(".draft-offer");
            await Expect(offer).ToContainTextAsync(offerText);
            await Accessibility.AssertNoSeriousViolations(page, $"the draft offer ({language})");
            await offer.GetByRole(AriaRole.Button, new() { Name = restore }).ClickAsync();
            await Expect(title).ToHaveValueAsync("Keeper of drafts");

            await page.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
            await Expect(Details.Value(page, titleLabel)).ToHaveTextAsync("Keeper of drafts");
            await editButton.ClickAsync();
            await Expect(title).ToHaveValueAsync("Keeper of drafts");
            await Expect(offer).ToHaveCountAsync(0);
        });
    }

    [Theory]
    [InlineData("nl", "Verbinding verbroken", "Opnieuw proberen", "Nieuw bedrijf", "Naam", "Uw niet-opgeslagen wijzigingen van", "Terugzetten")]
    public async Task TheNewCompanyDraftComesBackInTheUsersLanguageAsDoesTheReconnectNotice(
        string language, string connectionLost, string tryAgain, string newCompany, string nameLabel, string offerText, string restore)
    {
        var user = await Data.User(language: language);
        var name = TestData.Unique("Concept BV");
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            var reconnect = page.Locator("#components-reconnect-modal");
            await Expect(reconnect).ToHaveAttributeAsync("role", "alertdialog");
            await Expect(reconnect).ToContainTextAsync(connectionLost);
            await Expect(reconnect).ToContainTextAsync(tryAgain);
            await Expect(reconnect).ToBeHiddenAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = newCompany }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByLabel(nameLabel, new() { Exact = true }).FillAsync(name);
            await Drafts.WaitForAny(page);
            await page.ReloadAsync();
            await page.WaitForCircuit();

            await page.GetByRole(AriaRole.Button, new() { Name = newCompany }).ClickAsync();
            var offer = page.Locator(".draft-offer");
            await Expect(offer).ToContainTextAsync(offerText);
            await Accessibility.AssertNoSeriousViolations(page, $"the new company draft offer ({language})");
            await offer.GetByRole(AriaRole.Button, new() { Name = restore }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByLabel(nameLabel, new() { Exact = true })).ToHaveValueAsync(name);
        });
    }

    [Theory]
    [InlineData("nl", "Vervolgactie plannen", "Titel", "Notities", "Uw niet-opgeslagen wijzigingen van", "Terugzetten", "Weggooien")]
    public async Task WhatWasTypedInTheFollowUpDialogIsOfferedBackAfterAReloadAndDiscardingForgetsIt(
        string language, string plan, string title, string notes, string offerText, string restore, string discard)
    {
        var user = await Data.User(language: language);
        var person = await Data.PersonWithCompany();
        var typedTitle = TestData.Unique("Call back");
        await As(user, async page =>
        {
            await new PersonPage(page).Open(person.Id);
            var planButton = page.GetByRole(AriaRole.Button, new() { Name = plan });
            var dialog = page.GetByRole(AriaRole.Dialog);
            await planButton.ClickAsync();
            await dialog.GetByLabel(title, new() { Exact = true }).FillAsync(typedTitle);
            await dialog.GetByLabel(notes, new() { Exact = true }).FillAsync("Ask about the second site");
            await Drafts.WaitFor(page, "Ask about the second site");

            page.Dialog += (_, d) => d.AcceptAsync();
            await page.ReloadAsync();
            await page.WaitForCircuit();
            await planButton.ClickAsync();
            var offer = dialog.Locator(".draft-offer");
            await Expect(offer).ToContainTextAsync(offerText);
            await Expect(dialog.GetByLabel(title, new() { Exact = true })).ToHaveValueAsync("");
            await Accessibility.AssertNoSeriousViolations(page, $"the follow-up draft offer ({language})");
            await offer.GetByRole(AriaRole.Button, new() { Name = restore }).ClickAsync();
            await Expect(dialog.GetByLabel(title, new() { Exact = true })).ToHaveValueAsync(typedTitle);
            await Expect(dialog.GetByLabel(notes, new() { Exact = true })).ToHaveValueAsync("Ask about the second site");

            await page.ReloadAsync();
            await page.WaitForCircuit();
            await planButton.ClickAsync();
            await offer.GetByRole(AriaRole.Button, new() { Name = discard }).ClickAsync();
            await Expect(offer).ToHaveCountAsync(0);
            await Expect(dialog.GetByLabel(title, new() { Exact = true })).ToHaveValueAsync("");
            Assert.False(await page.EvaluateAsync<bool>("() => Object.keys(localStorage).some(k => k.startsWith('leadwerk.draft.'))"));

            await page.ReloadAsync();
            await page.WaitForCircuit();
            await planButton.ClickAsync();
            await Expect(dialog.GetByLabel(title, new() { Exact = true })).ToBeVisibleAsync();
            await Expect(offer).ToHaveCountAsync(0);
        });
    }

    [Theory]
    [InlineData("en", "Create sale", "Title", "Amount", "Restore your unsaved changes from", "Restore", "Discard", "Save")]
    public async Task WhatWasTypedInTheSaleDialogIsOfferedBackAfterAReloadDiscardingForgetsItAndSavingClearsIt(
        string language, string create, string title, string amount, string offerText, string restore, string discard, string save)
    {
        var user = await Data.User(language: language);
        var person = await Data.PersonWithCompany();
        var typedTitle = TestData.Unique("Licences");
        await As(user, async page =>
        {
            var sales = new SalesView(page);
            await new PersonPage(page).Open(person.Id);
            await sales.Button(create).ClickAsync();
            await sales.Field(title).FillAsync(typedTitle);
            await sales.Field(amount).FillAsync("1500");
            await Drafts.WaitFor(page, "1500");

            page.Dialog += (_, d) => d.AcceptAsync();
            await page.ReloadAsync();
            await page.WaitForCircuit();
            await sales.Button(create).ClickAsync();
            var offer = sales.Dialog.Locator(".draft-offer");
            await Expect(offer).ToContainTextAsync(offerText);
            await Expect(sales.Field(title)).ToHaveValueAsync("");
            await Accessibility.AssertNoSeriousViolations(page, $"the sale draft offer ({language})");
            await offer.GetByRole(AriaRole.Button, new() { Name = restore }).ClickAsync();
            await Expect(sales.Field(title)).ToHaveValueAsync(typedTitle);
            await Expect(sales.Field(amount)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^1[.,]?500"));

            await page.ReloadAsync();
            await page.WaitForCircuit();
            await sales.Button(create).ClickAsync();
            await offer.GetByRole(AriaRole.Button, new() { Name = discard }).ClickAsync();
            await Expect(offer).ToHaveCountAsync(0);
            await Expect(sales.Field(title)).ToHaveValueAsync("");
            Assert.False(await Drafts.Any(page));

            await sales.Field(title).FillAsync(typedTitle);
            await Drafts.WaitForAny(page);
            await sales.Dialog.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
            await Expect(sales.Row(typedTitle)).ToBeVisibleAsync();
            Assert.False(await Drafts.Any(page));
        });
    }
}
