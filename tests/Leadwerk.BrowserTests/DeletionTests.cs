using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Common;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class DeletionTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl", "Verwijderen", "1 opvolging(en)", "selectielidmaatschap(pen)")]
    public async Task APersonIsDeletedFromItsCardAfterAQuestionThatSaysWhatGoesWithIt(string language, string delete, string followUps, string selections)
    {
        var user = await Data.User(language: language);
        var company = await Data.Company();
        var person = await Data.Person(company.Id);
        await Data.FollowUp(person.Id, await Data.UserId(user.UserName), DateTimeOffset.UtcNow.AddDays(3), "Call back");
        await As(user, async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = delete, Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync(followUps);
            await Expect(dialog).ToContainTextAsync(selections);
            await Accessibility.AssertNoSeriousViolations(page, $"the delete person question ({language})");

            await dialog.GetByRole(AriaRole.Button, new() { Name = delete, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/companies/{company.Id}$"));
        });

        var gone = await Assert.ThrowsAsync<DomainException>(() => Data.GetPerson(person.Id));
        Assert.Equal(404, gone.Status);
    }

    [Theory]
    [InlineData("en", "Delete", "has 1 contact(s)", "Move them to another company", "Move to company")]
    public async Task ACompanyWithAPersonIsDeletedAfterMovingThePersonToAnotherCompanyChosenInTheSameDialog(
        string language, string delete, string has, string move, string picker)
    {
        var user = await Data.User(language: language);
        var company = await Data.Company();
        var target = await Data.Company(TestData.Unique("Target BV"), category: "Customer");
        var person = await Data.Person(company.Id);
        await As(user, async page =>
        {
            await new CompanyPage(page).Open(company.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = delete, Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync(has);
            var confirm = dialog.GetByRole(AriaRole.Button, new() { Name = delete, Exact = true });
            await Expect(confirm).ToBeDisabledAsync();

            await dialog.GetByRole(AriaRole.Radio, new() { Name = move }).CheckAsync();
            await Expect(confirm).ToBeDisabledAsync();
            await dialog.GetByLabel(picker).FillAsync(target.Name);
            await page.GetByRole(AriaRole.Option, new() { Name = target.Name, Exact = true }).ClickAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the delete company dialog ({language})");
            await confirm.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/companies$"));
        });

        var moved = await Data.GetPerson(person.Id);
        Assert.Equal((target.Id, "Customer"), (moved.CompanyId, moved.Category));
        Assert.Equal(404, (await Assert.ThrowsAsync<DomainException>(() => Data.GetCompany(company.Id))).Status);
    }

    [Theory]
    [InlineData("nl", "Verwijderen", "Verwijder ze ook")]
    public async Task ACompanyIsDeletedWithItsPersonsWhenTheDialogIsToldTo(string language, string delete, string deleteThemToo)
    {
        var company = await Data.Company();
        var person = await Data.Person(company.Id);
        await As(await Data.User("admin", language), async page =>
        {
            await new CompanyPage(page).Open(company.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = delete, Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Radio, new() { Name = deleteThemToo }).CheckAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the delete company dialog deleting its persons too ({language})");
            await dialog.GetByRole(AriaRole.Button, new() { Name = delete, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/companies$"));
        });

        Assert.Equal(404, (await Assert.ThrowsAsync<DomainException>(() => Data.GetPerson(person.Id))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<DomainException>(() => Data.GetCompany(company.Id))).Status);
    }
}
