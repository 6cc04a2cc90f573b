using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class DraftTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task WhatWasTypedInThePersonEditFormIsOfferedBackAfterAReloadAndGoneOnceSaved()
    {
        var user = await Data.User();
        var person = await Data.PersonWithCompany();
        await As(user, async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await card.EditButton.ClickAsync();
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Keeper of drafts");
            await WaitForDraft(page);

            // The browser asks before leaving a form with changes; the test says "leave".
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.ReloadAsync();
            await page.WaitForCircuit();
            await card.EditButton.ClickAsync();
            var offer = page.Locator(".draft-offer");
            await Expect(offer).ToContainTextAsync("Restore your unsaved changes from");
            await Accessibility.AssertNoSeriousViolations(page, "the draft offer");
            await offer.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
            await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Keeper of drafts");

            await card.SaveButton.ClickAsync();
            await Expect(Details.Value(page, "Title")).ToHaveTextAsync("Keeper of drafts");
            await card.EditButton.ClickAsync();
            await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Keeper of drafts");
            await Expect(offer).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task ADutchUserGetsTheNewCompanyDraftBackInDutchAndADutchReconnectNotice()
    {
        var user = await Data.User(language: "nl");
        var name = TestData.Unique("Concept BV");
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            var reconnect = page.Locator("#components-reconnect-modal");
            await Expect(reconnect).ToHaveAttributeAsync("role", "alertdialog");
            await Expect(reconnect).ToContainTextAsync("Verbinding verbroken");
            await Expect(reconnect).ToContainTextAsync("Opnieuw proberen");
            await Expect(reconnect).ToBeHiddenAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Nieuw bedrijf" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByLabel("Naam", new() { Exact = true }).FillAsync(name);
            await WaitForDraft(page);
            await page.ReloadAsync();
            await page.WaitForCircuit();

            await page.GetByRole(AriaRole.Button, new() { Name = "Nieuw bedrijf" }).ClickAsync();
            var offer = page.Locator(".draft-offer");
            await Expect(offer).ToContainTextAsync("Uw niet-opgeslagen wijzigingen van");
            await offer.GetByRole(AriaRole.Button, new() { Name = "Terugzetten" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByLabel("Naam", new() { Exact = true })).ToHaveValueAsync(name);
        });
    }

    private static Task WaitForDraft(IPage page) =>
        page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('leadwerk.draft.'))");
}
