using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Data;
using Leadwerk.Web.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>The Jobs page finds bulk updates and imports again; undo and rollback ask first, saying how many records they change.</summary>
public sealed class JobsPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>The day the person's status was set, long before any run.</summary>
    private static readonly DateTime LongAgo = new(2025, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("nl", "Taken", "Bulkwijziging", "Personen", "Klaar", "1.234 van 1.234")]
    public async Task TheJobsPageListsAFinishedBulkUpdateAndAnImportWithLinksToTheirPages(
        string language, string title, string bulkKind, string persons, string done, string progress)
    {
        var user = await Data.User(language: language);
        var (bulkId, importId) = await Runs(user.UserName, changed: 1234);
        await As(user, async page =>
        {
            await page.OpenInteractive("/");
            await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            await page.WaitForCircuit();

            var bulk = page.GetByRole(AriaRole.Link, new() { Name = $"{bulkKind} #{bulkId} · {persons}", Exact = true });
            var import = page.GetByRole(AriaRole.Link, new() { Name = $"Import #{importId} · {persons}", Exact = true });
            await Expect(bulk).ToHaveAttributeAsync("href", $"/bulk-updates/{bulkId}");
            await Expect(import).ToHaveAttributeAsync("href", $"/imports/{importId}");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = bulk });
            await Expect(row.Locator(".job-state")).ToHaveTextAsync(done);
            await Expect(row).ToContainTextAsync(progress);
            await Accessibility.AssertNoSeriousViolations(page, $"the jobs page ({language})");

            await bulk.ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/bulk-updates/{bulkId}$"));
        });
    }

    [Theory]
    [InlineData("en", "Rule applied", "Companies")]
    public async Task ARuleApplicationLinksToItsRunWhichNamesTheRuleAndItsResult(string language, string kind, string companies)
    {
        var user = await Data.User(role: "admin", language: language);
        var before = await Services<Leadwerk.Web.Automation.AutomationService, Leadwerk.Web.Automation.RuleSet>(s => s.Get());
        var rule = new Leadwerk.Web.Automation.RuleDto(null, null, true, "leadStatusSet",
            [await Db(db => db.LeadStatuses.Where(s => s.NameEn == "Qualified").Select(s => s.Id).SingleAsync())], await Data.CategoryId("Opportunity"), false, "apply");
        var rules = await Services<Leadwerk.Web.Automation.AutomationService, Leadwerk.Web.Automation.RuleSet>(s => s.Put(new([.. before.Rules!, rule])));
        var added = rules.Rules!.Single(r => before.Rules!.All(b => b.Id != r.Id));
        try
        {
            var runId = await Db(async db =>
            {
                var run = new BulkUpdate
                {
                    Entity = "company", ActionsJson = $$"""[{"field":"company.category","op":"set","value":{{added.TargetCategoryId}}}]""", State = BulkState.Done,
                    Total = 2, Done = 2, Changed = 2, UserId = await db.Users.Where(u => u.UserName == user.UserName).Select(u => u.Id).SingleAsync(),
                    FinishedAt = DateTime.UtcNow, RuleId = added.Id,
                };
                db.BulkUpdates.Add(run);
                await db.SaveChangesAsync();
                return run.Id;
            });
            await As(user, async page =>
            {
                await page.OpenInteractive("/jobs");
                var link = page.GetByRole(AriaRole.Link, new() { Name = $"{kind} #{runId} · {companies}", Exact = true });
                await Expect(link).ToHaveAttributeAsync("href", $"/bulk-updates/{runId}");
                await link.ClickAsync();
                await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/bulk-updates/{runId}$"));
                // The rule's name is in the reader's language ("Qualified → Opportunity"), so the link is found by where it goes.
                var ruleLink = page.Locator("#bulk-details a[href='/admin/automation/lead-categorization']");
                await Expect(ruleLink).ToContainTextAsync("→");
                await Expect(Details.Value(page, language == "en" ? "Changed" : "Gewijzigd")).ToHaveTextAsync("2");
                await Accessibility.AssertNoSeriousViolations(page, $"a rule application's run ({language})");
            });
        }
        finally
        {
            await Services<Leadwerk.Web.Automation.AutomationService, Leadwerk.Web.Automation.RuleSet>(s => s.Put(before));
        }
    }

    [Theory]
    [InlineData("nl", "Ongedaan maken", "Ongedaan maken wijzigt 1.234 personen.", "Terugdraaien", "Terugdraaien wijzigt 3 records")]
    public async Task UndoAndRollbackAskFirstWithTheNumberOfRecordsAndEscapeChangesNothing(
        string language, string undo, string undoQuestion, string rollback, string rollbackQuestion)
    {
        var user = await Data.User(language: language);
        var (bulkId, importId) = await Runs(user.UserName, changed: 1234);
        await As(user, async page =>
        {
            await page.OpenInteractive($"/bulk-updates/{bulkId}");
            await page.GetByRole(AriaRole.Button, new() { Name = undo, Exact = true }).ClickAsync();
            await Expect(page.Confirmation(undoQuestion)).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the undo confirmation ({language})");
            await Escape(page);

            await page.OpenInteractive($"/imports/{importId}");
            await page.GetByRole(AriaRole.Button, new() { Name = rollback, Exact = true }).ClickAsync();
            await Expect(page.Confirmation(rollbackQuestion)).ToBeVisibleAsync();
            await Escape(page);
        });
        Assert.Equal(BulkState.Done, await Db(db => db.BulkUpdates.Where(b => b.Id == bulkId).Select(b => b.State).SingleAsync()));
        Assert.Equal(ImportState.Done, await Db(db => db.Imports.Where(b => b.Id == importId).Select(b => b.State).SingleAsync()));
    }

    [Theory]
    [InlineData("en", "Kind", "Only mine", "Apply", "Bulk update", "Persons")]
    public async Task TheKindFilterAndOnlyMineNarrowTheJobsAnAdministratorSees(
        string language, string kindLabel, string onlyMine, string apply, string bulkKind, string persons)
    {
        var admin = await Data.User(role: "admin", language: language);
        var colleague = await Data.User();
        var (otherBulk, otherImport) = await Runs(colleague.UserName, changed: 2);
        var (myBulk, myImport) = await Runs(admin.UserName, changed: 3);
        await As(admin, async page =>
        {
            await page.OpenInteractive("/jobs");
            ILocator Bulk(int id) => page.GetByRole(AriaRole.Link, new() { Name = $"{bulkKind} #{id} · {persons}", Exact = true });
            ILocator Import(int id) => page.GetByRole(AriaRole.Link, new() { Name = $"Import #{id} · {persons}", Exact = true });
            await Expect(Bulk(myBulk)).ToBeVisibleAsync();
            await Expect(Bulk(otherBulk)).ToBeVisibleAsync();
            await Expect(Import(myImport)).ToBeVisibleAsync();
            await Expect(Import(otherImport)).ToBeVisibleAsync();

            await page.Choose(page.GetByLabel(kindLabel, new() { Exact = true }), "Import");
            await page.GetByRole(AriaRole.Button, new() { Name = apply, Exact = true }).ClickAsync();
            await Expect(Bulk(myBulk)).ToHaveCountAsync(0);
            await Expect(Bulk(otherBulk)).ToHaveCountAsync(0);
            await Expect(Import(myImport)).ToBeVisibleAsync();
            await Expect(Import(otherImport)).ToBeVisibleAsync();
            await Expect(page.Locator(".job-link").Filter(new() { HasNotText = "Import #" })).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Switch, new() { Name = onlyMine, Exact = true }).Or(
                page.GetByRole(AriaRole.Checkbox, new() { Name = onlyMine, Exact = true })).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = apply, Exact = true }).ClickAsync();
            await Expect(Import(otherImport)).ToHaveCountAsync(0);
            await Expect(Import(myImport)).ToBeVisibleAsync();
            await Expect(page.Locator(".job-link")).ToHaveCountAsync(1);
            await Accessibility.AssertNoSeriousViolations(page, $"the jobs page narrowed to my imports ({language})");
        });
    }


    [Theory]
    [InlineData("nl", "Ongedaan maken", "Ongedaan maken wijzigt 1 persoon.", "Status", "Ongedaan gemaakt", "sinds 14 mrt 2025")]
    public async Task AfterUndoThePersonCardShowsTheStatusSinceTheDayItWasSetBeforeTheRun(
        string language, string undo, string question, string state, string undone, string since)
    {
        var user = await Data.User(language: language);
        var person = await Data.PersonWithCompany();
        await StatusSetLongAgo(person.Id);
        var actor = await new SearchData(App.Server.Services).ActorOf(user.UserName);
        var contacting = await Db(db => db.LeadStatuses.Where(s => s.NameEn == "Contacting").Select(s => s.Id).SingleAsync());
        var runId = await Services<BulkService, int>(async s => (await s.Start(new BulkRequest(new BulkTarget(null, null, "person", [person.Id]),
            [new BulkAction("person.leadStatus", "set", contacting)], false), actor)).Id);
        await Until(() => Db(db => db.BulkUpdates.AnyAsync(b => b.Id == runId && b.State == BulkState.Done)));
        Assert.NotEqual(LongAgo, (await Data.GetPerson(person.Id)).LeadStatusChangedAt);
        await As(user, async page =>
        {
            await page.OpenInteractive($"/bulk-updates/{runId}");
            await page.GetByRole(AriaRole.Button, new() { Name = undo, Exact = true }).ClickAsync();
            await page.Confirm(question, undo);
            await Expect(Details.Value(page, state)).ToHaveTextAsync(undone);
            await Accessibility.AssertNoSeriousViolations(page, $"an undone bulk update ({language})");

            await ExpectStatusSinceLongAgo(page, person.Id, since, language);
        });
    }

    [Theory]
    [InlineData("en", "Contacting", "Check", "Import", "State", "Done", "Roll back", "Rolled back", "since 14 Mar 2025")]
    public async Task AfterRollbackOfAnImportThePersonCardShowsTheStatusSinceTheDayItWasSetBeforeTheImport(
        string language, string contacting, string check, string importButton, string state, string done, string rollBack, string rolledBack, string since)
    {
        var user = await Data.User(language: language);
        var tag = $"Rb{Guid.NewGuid().ToString("N")[..6]}";
        var company = await Data.Company();
        var person = await Data.Person(company.Id, "Roos", tag, $"roos.{tag}@example.com");
        await StatusSetLongAgo(person.Id);
        await As(user, async page =>
        {
            var import = new ImportView(page);
            await import.OpenNew();
            await import.Upload("status.csv", $"First name,Last name,Email,Lead status\nRoos,{tag},roos.{tag}@example.com,{contacting}\n");
            await import.Button(check).ClickAsync();
            await Expect(import.CheckCounts).ToBeVisibleAsync();
            await import.Button(importButton).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/imports/\d+$"));
            await page.WaitForCircuit();
            await Expect(Details.Value(page, state)).ToHaveTextAsync(done);
            var imported = await Data.GetPerson(person.Id);
            Assert.Equal("Contacting", imported.LeadStatus);
            Assert.NotEqual(LongAgo, imported.LeadStatusChangedAt);

            await import.Button(rollBack).ClickAsync();
            await import.Dialog.GetByRole(AriaRole.Button, new() { Name = rollBack, Exact = true }).ClickAsync();
            await Expect(Details.Value(page, state)).ToHaveTextAsync(rolledBack);
            await Accessibility.AssertNoSeriousViolations(page, $"a rolled back import ({language})");

            await ExpectStatusSinceLongAgo(page, person.Id, since, language);
        });
    }

    private Task<int> StatusSetLongAgo(int personId) =>
        Db(db => db.Persons.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LeadStatusChangedAt, LongAgo)));

    private static async Task ExpectStatusSinceLongAgo(IPage page, int personId, string since, string language)
    {
        await page.OpenInteractive($"/persons/{personId}");
        var status = page.Locator(".lead-status-since");
        await Expect(status.Locator("time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("^2025-03-14"));
        await Expect(status).ToHaveTextAsync(since);
        await Accessibility.AssertNoSeriousViolations(page, $"the person card after the run was put back ({language})");
    }

    private Task<(int Bulk, int Import)> Runs(string userName, int changed) => Data.FinishedRuns(userName, changed);

    private async Task<T> Db<T>(Func<LeadwerkDbContext, Task<T>> work)
    {
        await using var scope = App.Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Leadwerk.Web.Leads.Channel.Api));
        return await work(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>());
    }

    private async Task<T> Services<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = App.Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Leadwerk.Web.Leads.Channel.Api));
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// Escape closes the confirmation; the dialog listens for keys only once its script has hooked
    /// up, so a key pressed in the first moments is tried again.
    /// </summary>
    private static async Task Escape(IPage page)
    {
        for (var i = 0; i < 10 && await page.GetByRole(AriaRole.Dialog).CountAsync() > 0; i++)
        {
            await page.Keyboard.PressAsync("Escape");
            await Task.Delay(200);
        }

        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The run did not finish in time.");
            await Task.Delay(50);
        }
    }
}
