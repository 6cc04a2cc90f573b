using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Common;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>B9 on the person card and the audit log page.</summary>
public sealed class PrivacyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AnAdminExportsAPersonsDataThenErasesItAfterADialogThatSaysWhatGoesAndLandsOnTheCompany()
    {
        var company = await Data.Company(category: "Lead");
        var email = $"erase.me.{Guid.NewGuid():N}@example.com";
        var person = await Data.Person(company.Id, "Erin", TestData.Unique("Erase"), email);
        await AsAdmin(async page =>
        {
            var card = new PersonPage(page);
            var privacy = new PrivacyView(page);
            await card.Open(person.Id);
            await Expect(privacy.Section).ToBeVisibleAsync();
            await Expect(privacy.ExportLink).ToHaveAttributeAsync("target", "_blank");
            await Expect(privacy.JsonLink).ToHaveAttributeAsync("download", $"person-{person.Id}-personal-data.json");
            await Accessibility.AssertNoSeriousViolations(page, "the person card with its personal data section");

            // The page the link opens, with the browser's own login cookie.
            var export = await page.APIRequest.GetAsync((await privacy.ExportLink.GetAttributeAsync("href"))!);
            Assert.Equal(200, export.Status);
            var html = await export.TextAsync();
            Assert.Contains($"<h1>Personal data of {person.FullName}</h1>", html);
            Assert.Contains(email, html);

            await privacy.EraseButton.ClickAsync();
            await Expect(privacy.Dialog).ToContainTextAsync($"Erase {person.FullName} and every trace of their personal data");
            await Expect(privacy.Dialog.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Lead status history" })).ToHaveTextAsync("Lead status history: 1 deleted");
            await Expect(privacy.Dialog).ToContainTextAsync("kept only as a keyed hash");
            await Expect(privacy.Dialog).ToContainTextAsync("This cannot be undone.");
            await Accessibility.AssertNoSeriousViolations(page, "the erase dialog");

            await privacy.ConfirmErase.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/companies/{company.Id}$"));
            await Expect(privacy.Snackbar).ToContainTextAsync($"{person.FullName} is erased");
        });

        var gone = await Assert.ThrowsAsync<DomainException>(() => Data.GetPerson(person.Id));
        Assert.Equal(404, gone.Status);
        Assert.Equal(company.Name, (await Data.GetCompany(company.Id)).Name);
    }

    [Fact]
    public async Task CancellingTheEraseDialogKeepsThePersonAndAPlainUserSeesNoPersonalDataSection()
    {
        var person = await Data.PersonWithCompany("Lead");
        await AsAdmin(async page =>
        {
            var privacy = new PrivacyView(page);
            await new PersonPage(page).Open(person.Id);
            await privacy.EraseButton.ClickAsync();
            await privacy.Dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(privacy.Dialog).ToHaveCountAsync(0);
            await Expect(page).ToHaveURLAsync(new Regex($"/persons/{person.Id}$"));
        });
        Assert.Equal(person.Id, (await Data.GetPerson(person.Id)).Id);

        await As(await Data.User(), async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await Expect(card.Heading).ToHaveTextAsync(person.FullName);
            await Expect(new PrivacyView(page).Section).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Erase person" })).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task TheAuditLogPageInDutchListsAnAdminChangeWithItsWholeTextOnHover()
    {
        var name = TestData.Unique("Budget op, een heel lange reden van verlies die niet op één regel past");
        await Data.LostReason(name, name + " NL");
        await As(await Data.User(role: "admin", language: "nl"), async page =>
        {
            await page.OpenInteractive("/companies");
            await page.GetByRole(AriaRole.Link, new() { Name = "Auditlog" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/admin/audit$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Auditlog", Level = 1 })).ToBeVisibleAsync();

            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("Verkoop – Redenen van verlies – item toegevoegd");
            var changes = row.Locator(".audit-changes");
            await Expect(changes).ToHaveAttributeAsync("title", new Regex($"names.en: — → {Regex.Escape(name)};"));
            await Expect(changes).ToHaveCSSAsync("text-overflow", "ellipsis");
            await Accessibility.AssertNoSeriousViolations(page, "the audit log in Dutch");
        });
    }
}
