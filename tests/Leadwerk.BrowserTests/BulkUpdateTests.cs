using Leadwerk.Web.Leads;
using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class BulkUpdateTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private SearchData Search => new(App.Server.Services);

    [Fact]
    public async Task PickedRowsGetANewLeadStatusAfterAPreviewAndUndoPutsTheOldStatusBack()
    {
        var user = await Data.User();
        var tag = $"Bu{Guid.NewGuid().ToString("N")[..6]}";
        var open = await Search.Person("Olga", $"{tag}a", "Open");
        var already = await Search.Person("Ada", $"{tag}b", "Contacting");
        var customer = await Data.Company(category: "Customer");
        var inactive = await Data.Person(customer.Id, "Ivo", $"{tag}c");
        var notPicked = await Search.Person("Nina", $"{tag}d", "Open");
        await As(user, async page =>
        {
            var find = new FindView(page);
            var bulk = new BulkUpdateView(page);
            await find.Open();
            await find.TextLine(1, 1, "Last name", "starts with", tag);
            await find.Search();
            await Expect(find.Results.GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
            foreach (var person in new[] { open, already, inactive })
            {
                await find.Results.GetByRole(AriaRole.Checkbox, new() { Name = $"Pick {person.FullName}", Exact = true }).CheckAsync();
            }

            await find.Button("Bulk update 3 picked").ClickAsync();
            await Expect(bulk.Dialog).ToContainTextAsync("3 picked persons");
            await bulk.Dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Set lead status", Exact = true }).CheckAsync();
            await bulk.Choose("Lead status", "Contacting");
            await Accessibility.AssertNoSeriousViolations(page, "the bulk update dialog, choosing changes");
            await bulk.Button("Preview").ClickAsync();

            await Expect(bulk.Dialog).ToContainTextAsync("1 will change");
            await Expect(bulk.Dialog).ToContainTextAsync("1 already have the value");
            await Expect(bulk.Dialog).ToContainTextAsync("1 skipped");
            await Expect(bulk.Dialog.Locator("section", new() { HasText = "Will change" })).ToContainTextAsync(open.FullName);
            await Expect(bulk.SkipGroups).ToHaveCountAsync(1);
            await Expect(bulk.SkipGroups).ToContainTextAsync("Skipped (1): No lead status: category “Customer” is in the group Customer.");
            await Expect(bulk.SkipGroups).ToContainTextAsync(inactive.FullName);
            Assert.Equal("Open", (await Data.GetPerson(open.Id)).LeadStatus);
            await Accessibility.AssertNoSeriousViolations(page, "the bulk update dialog's preview");

            await bulk.Button("Run").ClickAsync();
            await Expect(bulk.Progress).ToHaveTextAsync("Changed 1, skipped 1; 1 already had the value.");
            var runLink = bulk.Link("Open the page of this bulk update");
            var runId = int.Parse(Regex.Match(await runLink.GetAttributeAsync("href") ?? "", @"\d+$").Value);
            await Expect(bulk.Link("Download skipped rows")).ToHaveAttributeAsync("href", $"/api/bulk-updates/{runId}/skipped.csv");
            Assert.Equal("Contacting", (await Data.GetPerson(open.Id)).LeadStatus);
            Assert.Contains(await Data.History(open.Id), h => h.Channel == Leadwerk.Web.Leads.Channel.Bulk && h.To == "Contacting");
            Assert.Null((await Data.GetPerson(inactive.Id)).LeadStatusId);
            Assert.Equal("Open", (await Data.GetPerson(notPicked.Id)).LeadStatus);
            // The grid behind the dialog was refreshed when the run finished.
            await Expect(Row(find.Results, open.LastName)).ToContainTextAsync("Contacting");
            await Accessibility.AssertNoSeriousViolations(page, "the bulk update dialog's result");

            await bulk.Button("Undo").ClickAsync();
            await page.Confirm("Undo changes 1 person?", "Undo");
            await Expect(bulk.Progress).ToHaveTextAsync("Undone: 1 put back as they were.");
            Assert.Equal("Open", (await Data.GetPerson(open.Id)).LeadStatus);
            Assert.Equal("Contacting", (await Data.GetPerson(already.Id)).LeadStatus);
            await Expect(Row(find.Results, open.LastName)).ToContainTextAsync("Open");

            await runLink.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/bulk-updates/{runId}$"));
            await page.WaitForCircuit();
            await Expect(bulk.Heading).ToHaveTextAsync("Bulk update");
            await Expect(Details.Value(page, "State")).ToHaveTextAsync("Undone");
            await Expect(Details.Value(page, "Changes")).ToHaveTextAsync("Set lead status to Contacting");
            await Expect(Details.Value(page, "Changed")).ToHaveTextAsync("1");
            await Expect(Details.Value(page, "Skipped")).ToHaveTextAsync("1");
            await Accessibility.AssertNoSeriousViolations(page, "a bulk update's page");
        });
    }

    [Fact]
    public async Task ARunsPageFollowsItsProgressAndOffersResumeWhenItWasInterrupted()
    {
        var user = await Data.User();
        var userId = (await Search.ActorOf(user.UserName)).UserId!.Value;
        var runId = await Db(async db =>
        {
            var run = new BulkUpdate
            {
                Entity = "person", ActionsJson = """[{"field":"person.owner","op":"clear","value":null}]""", State = BulkState.Running,
                Total = 10, Done = 4, Changed = 3, Skipped = 1, UserId = userId,
                // Held by an instance that is not there, so this app's runner leaves it to the test.
                LeaseOwner = "elsewhere", LeaseUntil = DateTime.UtcNow.AddHours(1),
            };
            db.BulkUpdates.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        await As(user, async page =>
        {
            var bulk = new BulkUpdateView(page);
            await bulk.Open(runId);
            await Expect(bulk.Heading).ToHaveTextAsync("Bulk update");
            await Expect(Details.Value(page, "State")).ToHaveTextAsync("Running");
            await Expect(Details.Value(page, "Changes")).ToHaveTextAsync("Clear our contact");
            await Expect(bulk.ProgressBar).ToHaveAttributeAsync("aria-valuenow", "4");
            await Expect(bulk.Progress).ToHaveTextAsync("4 of 10 done");
            await Expect(bulk.Button("Cancel")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "a running bulk update's page");

            // As if the app had died after 6: the page, still polling, shows what it can do now.
            await Db(db => db.BulkUpdates.Where(b => b.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BulkState.Interrupted).SetProperty(b => b.Done, 6).SetProperty(b => b.Changed, 5)
                .SetProperty(b => b.LeaseOwner, (string?)null).SetProperty(b => b.LeaseUntil, (DateTime?)null)));
            await Expect(bulk.Progress).ToHaveTextAsync("Interrupted after 6 of 10. Changed 5, skipped 1.");
            await Expect(bulk.Button("Undo")).ToBeVisibleAsync();
            await Expect(bulk.Link("Download skipped rows")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "an interrupted bulk update's page");

            // It has no items left to work on, so resuming finishes it at once.
            await bulk.Button("Resume").ClickAsync();
            await Expect(Details.Value(page, "State")).ToHaveTextAsync("Done");
            await Expect(bulk.Button("Resume")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task AWholeSelectionGetsOurContactInDutch()
    {
        var user = await Data.User(language: "nl");
        var tag = $"Bd{Guid.NewGuid().ToString("N")[..6]}";
        var first = await Search.Person("Els", $"{tag}a");
        var second = await Search.Person("Bram", $"{tag}b");
        var selection = await Search.StaticSelection(user.UserName, TestData.Unique("Beurs"), [first.Id, second.Id]);
        var owner = await Db(db => db.Users.Where(u => u.UserName == user.UserName).Select(u => new { u.Id, u.DisplayName }).SingleAsync());
        await As(user, async page =>
        {
            var view = new SelectionView(page);
            var bulk = new BulkUpdateView(page);
            await view.Open(selection.Id);
            await view.Button("Bulkwijziging").ClickAsync();
            await Expect(bulk.Dialog).ToContainTextAsync($"Alle leden van de selectie “{selection.Name}”");
            await bulk.Dialog.GetByRole(AriaRole.Radio, new() { Name = "Onze contactpersoon instellen", Exact = true }).CheckAsync();
            await bulk.Button("Voorbeeld").ClickAsync();
            await Expect(bulk.Dialog.GetByText("Kies een gebruiker.")).ToBeVisibleAsync();
            await bulk.Choose("Gebruiker", owner.DisplayName);
            await bulk.Button("Voorbeeld").ClickAsync();
            await Expect(bulk.Dialog).ToContainTextAsync("2 worden gewijzigd");
            await Expect(bulk.Dialog).ToContainTextAsync("0 hebben de waarde al");
            await Expect(bulk.Dialog).ToContainTextAsync("0 overgeslagen");
            await Accessibility.AssertNoSeriousViolations(page, "the bulk update dialog's preview in Dutch");
            await bulk.Button("Uitvoeren").ClickAsync();
            await Expect(bulk.Progress).ToHaveTextAsync("2 gewijzigd, 0 overgeslagen.");
            Assert.Equal(owner.Id, (await Data.GetPerson(first.Id)).OwnerId);
            Assert.Equal(owner.Id, (await Data.GetPerson(second.Id)).OwnerId);
            await Expect(Row(page.GetByRole(AriaRole.Table, new() { Name = "Leden", Exact = true }), first.LastName)).ToContainTextAsync(owner.DisplayName);
            await Expect(bulk.Button("Ongedaan maken")).ToBeVisibleAsync();
        });
    }

    private static ILocator Row(ILocator table, string text) => table.Locator("tbody tr").Filter(new() { HasText = text });

    private async Task<T> Db<T>(Func<LeadwerkDbContext, Task<T>> work)
    {
        await using var scope = App.Server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>());
    }
}
