using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Automation;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>
/// R16 in the browser: a rule that asks first proposes the company's new category in a dialog
/// after the person card's save; the user accepts (or picks another category), or answers later
/// from the suggestions list. Each test's rule listens to a status of its own, and the rules are put
/// back and the status deleted afterwards, so no other test meets them.
/// </summary>
public sealed class SuggestionTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task SavingAStatusARuleAsksAboutShowsTheProposalAndAcceptingMovesTheCompanyWithTheRuleInItsHistory()
    {
        var status = await NewStatus();
        var company = await Data.Company(category: "Lead");
        var person = await Data.Person(company.Id);
        await WithRule(status, async () => await AsAdmin(async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await card.EditButton.ClickAsync();
            await card.ChooseLeadStatus(status.NameEn);
            await card.SaveButton.ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Change the company's category?" });
            await Expect(dialog).ToContainTextAsync($"proposes to move “{company.Name}” from Lead to Opportunity");
            await Expect(dialog.GetByLabel("New category of the company")).ToHaveValueAsync("Opportunity");
            await Accessibility.AssertNoSeriousViolations(page, "the suggestion dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Change the category" }).ClickAsync();

            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(card.Category).ToContainTextAsync("Opportunity");
            var companyCard = new CompanyPage(page);
            await companyCard.Open(company.Id);
            await page.GetByRole(AriaRole.Tab, new() { Name = "Category history" }).ClickAsync();
            var history = page.GetByRole(AriaRole.Table, new() { Name = "Category history" });
            await Expect(history).ToContainTextAsync($"Category set to Opportunity by rule “{status.NameEn} → Opportunity” after {person.FullName} became {status.NameEn}");
            await Accessibility.AssertNoSeriousViolations(page, "the company's category history");
        }));

        Assert.Equal("Opportunity", (await Data.GetCompany(company.Id)).Category);
    }

    [Fact]
    public async Task ASuggestionLeftForLaterWaitsBehindTheBadgeAndIsAnsweredInDutchFromTheList()
    {
        var status = await NewStatus();
        var company = await Data.Company(category: "Lead");
        var person = await Data.Person(company.Id);
        var user = await Data.User(role: "admin", language: "nl");
        await WithRule(status, async () => await As(user, async page =>
        {
            var card = new PersonPage(page);
            await card.Open(person.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = "Bewerken", Exact = true }).ClickAsync();
            await page.GetByLabel("Leadstatus", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = status.NameNl, Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Categorie van het bedrijf wijzigen?" });
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Later" }).ClickAsync();

            var badge = page.GetByRole(AriaRole.Link, new() { Name = "Suggesties: 1 wachtend" });
            await Expect(badge).ToBeVisibleAsync();
            await badge.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Suggesties", Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the suggestions list in Dutch");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Beantwoorden – {company.Name}" }).ClickAsync();
            await dialog.GetByLabel("Nieuwe categorie van het bedrijf").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Marketinggekwalificeerde lead", Exact = true }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Categorie wijzigen" }).ClickAsync();

            await Expect(page.GetByText("Er wachten geen suggesties op je.")).ToBeVisibleAsync();
            await Expect(badge).ToHaveCountAsync(0);
        }));

        Assert.Equal("Marketing qualified lead", (await Data.GetCompany(company.Id)).Category);
    }

    private async Task<LeadStatus> NewStatus() => await Run<ListService, LeadStatus>(s => s.CreateLeadStatus(
        new LeadStatusRequest(null, new LocalizedText(TestData.Unique("Promising"), TestData.Unique("Veelbelovend")), null, null, null, false)));

    /// <summary>Runs the steps with one extra rule (status → Opportunity, ask first) and puts the previous rules back.</summary>
    private async Task WithRule(LeadStatus status, Func<Task> steps)
    {
        var before = await Run<AutomationService, RuleSet>(s => s.Get());
        var opportunity = await Data.CategoryId("Opportunity");
        var rule = new RuleDto(null, null, true, "leadStatusSet", [status.Id], opportunity, true, "skip");
        await Run<AutomationService, RuleSet>(s => s.Put(new RuleSet([.. before.Rules!, rule])));
        try
        {
            await steps();
        }
        finally
        {
            await Run<AutomationService, RuleSet>(s => s.Put(before));
            await Run<ListService, bool>(async s =>
            {
                await s.DeleteLeadStatus(status.Id, null);
                return true;
            });
        }
    }

    private async Task<T> Run<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = App.Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Channel.Api));
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
