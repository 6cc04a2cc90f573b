using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>Admin › Automation › Lead categorization (F10). Rules are global, so each test starts and ends with none.</summary>
public sealed class LeadCategorizationTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AnAdminAddsARuleSeesItsNameAndTheTestBoxSaysItWouldFireForAQualifiedLead()
    {
        var person = await Data.PersonWithCompany("Lead");
        await WithoutRules(() => AsAdmin(async page =>
        {
            var view = new LeadCategorizationView(page);
            var rule = await view.OpenAndAddRule("Qualified");
            await view.Choose(rule, "Target category", "Opportunity");
            await view.Button("Save").ClickAsync();

            var saved = view.Rule("Qualified → Opportunity");
            await Expect(saved.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Qualified → Opportunity");
            Assert.Equal(["Qualified → Opportunity"], (await Data.Rules()).Rules!.Select(r => r.Name));

            await view.PickPerson(person.FirstName, $"{person.FullName} ({person.CompanyName})");
            await view.Choose(view.TestBox, "Lead status", "Qualified");
            await view.TestBox.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true }).ClickAsync();
            await Expect(view.TestSummary).ToHaveTextAsync("Rule “Qualified → Opportunity” would fire first.");
            var check = view.TestBox.GetByRole(AriaRole.Row).Filter(new() { HasText = "Qualified → Opportunity" });
            await Expect(check.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("Yes");
            await Expect(check.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("Fires: the company moves to “Opportunity”.");
            Assert.Equal("Lead", (await Data.GetCompany(person.CompanyId!.Value)).Category);
            await Accessibility.AssertNoSeriousViolations(page, "the lead categorization page with a rule and a test result");
        }));
    }

    [Fact]
    public async Task AnEnabledRuleWithoutATargetShowsTheErrorAtItsTargetFieldAndSavesNothing()
    {
        await WithoutRules(() => AsAdmin(async page =>
        {
            var view = new LeadCategorizationView(page);
            var rule = await view.OpenAndAddRule("Qualified");
            await view.Button("Save").ClickAsync();

            const string message = "Rule 1: an enabled rule needs a target category that exists and is not deleted.";
            await Expect(LeadCategorizationView.Field(rule, "Target category")).ToContainTextAsync(message);
            await Expect(LeadCategorizationView.Field(rule, "Lead statuses")).Not.ToContainTextAsync("Rule 1");
            await Expect(view.Problems).ToContainTextAsync(message);
            Assert.Empty((await Data.Rules()).Rules!);

            // What the admin chose is still there: adding the target is enough to save.
            await Expect(rule.GetByLabel("Lead statuses", new() { Exact = true })).ToHaveValueAsync("Qualified");
            await view.Choose(rule, "Target category", "Opportunity");
            await view.Button("Save").ClickAsync();
            await Expect(view.Rule("Qualified → Opportunity")).ToBeVisibleAsync();
            await Expect(view.Problems).ToHaveCountAsync(0);
        }));
    }

    [Fact]
    public async Task TheKeyboardMovesANewRuleAboveASavedOneAndKeepsFocusOnItsMoveButton()
    {
        await WithoutRules(() => AsAdmin(async page =>
        {
            var view = new LeadCategorizationView(page);
            var rule = await view.OpenAndAddRule("Qualified");
            await view.Choose(rule, "Target category", "Opportunity");
            await view.Button("Save").ClickAsync();
            await view.Button("Add rule").ClickAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Move rule 2 (New rule) up", Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToHaveTextAsync("New rule");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move rule 1 (New rule) down", Exact = true })).ToBeFocusedAsync();
        }));
    }

    [Fact]
    public async Task ADutchAdminReadsThePageInDutchAndItPassesTheAccessibilityScan()
    {
        var admin = await Data.User(role: "admin", language: "nl");
        await As(admin, async page =>
        {
            var view = new LeadCategorizationView(page);
            await view.Open();
            await Expect(view.Heading).ToHaveTextAsync("Leads categoriseren");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Testen met…", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Regel toevoegen", Exact = true })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the lead categorization page in Dutch");
        });
    }

    [Fact]
    public async Task TheAdminNavigationLeadsToLeadCategorization()
    {
        await AsAdmin(async page =>
        {
            await page.OpenInteractive("/companies");
            await new AppShell(page).Navigation.GetByRole(AriaRole.Link, new() { Name = "Lead categorization", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{LeadCategorizationView.Path}$"));
            await Expect(new LeadCategorizationView(page).Heading).ToHaveTextAsync("Lead categorization");
        });
    }

    [Fact]
    public async Task APlainUserGetsTheAccessDeniedPageForTheLeadCategorizationUrl()
    {
        var user = await Data.User(role: "user");
        await As(user, async page =>
        {
            await page.OpenInteractive(LeadCategorizationView.Path);
            await Expect(page.GetByText("You are not allowed to see this page.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lead categorization" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        });
    }

    private async Task WithoutRules(Func<Task> steps)
    {
        await Data.NoRules();
        try
        {
            await steps();
        }
        finally
        {
            await Data.NoRules();
        }
    }
}
