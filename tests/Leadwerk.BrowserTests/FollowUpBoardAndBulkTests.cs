using System.Globalization;
using System.Text.Json.Nodes;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Data;
using Leadwerk.Web.FollowUps;
using Leadwerk.Web.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>F15 on the board (next follow-up on the cards, "No follow-up planned") and as a bulk update.</summary>
public sealed class FollowUpBoardAndBulkTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private SearchData Search => new(App.Server.Services);

    [Fact]
    public async Task AnOverdueFollowUpIsMarkedOnItsCardAndNoFollowUpPlannedLeavesOnlyTheOthersAlsoAfterAReload()
    {
        var company = await Data.Company(category: "Lead");
        var late = await Data.Person(company.Id, TestData.Unique("Late"));
        var none = await Data.Person(company.Id, TestData.Unique("None"));
        var soon = await Data.Person(company.Id, TestData.Unique("Soon"));
        await Plan(late.Id, DateTimeOffset.UtcNow.AddDays(-3));
        await Plan(soon.Id, DateTimeOffset.UtcNow.AddDays(40));
        var selection = await Search.StaticSelection(LeadwerkServer.AdminUserName, TestData.Unique("Follow-ups"), [late.Id, none.Id, soon.Id]);
        await AsAdmin(async page =>
        {
            var board = new SelectionBoard(page);
            await board.Open(selection.Id);
            await Expect(board.Count("Open")).ToHaveTextAsync("3");
            var overdue = board.CardIn("Open", late.FullName).Locator(".board-followup");
            await Expect(overdue).ToContainTextAsync("Overdue:");
            await Expect(overdue).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("board-followup-overdue"));
            await Expect(board.CardIn("Open", soon.FullName).Locator(".board-followup")).ToContainTextAsync("Next follow-up:");
            await Expect(board.CardIn("Open", soon.FullName).Locator(".board-followup-overdue")).ToHaveCountAsync(0);
            await Expect(board.CardIn("Open", none.FullName).Locator(".board-followup")).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, "the board with follow-ups");

            await page.GetByLabel("No follow-up planned").CheckAsync();

            await Expect(board.Count("Open")).ToHaveTextAsync("1");
            await Expect(board.CardIn("Open", none.FullName)).ToBeVisibleAsync();
            await Expect(board.Card(late.FullName)).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, "the board filtered to no follow-up planned");

            await page.ReloadAsync();
            await page.WaitForCircuit();
            await Expect(page.GetByLabel("No follow-up planned")).ToBeCheckedAsync();
            await Expect(board.Count("Open")).ToHaveTextAsync("1");
        });
    }

    [Fact]
    public async Task PickedPersonsGetAFollowUpAfterAPreviewAndUndoRemovesIt()
    {
        var user = await Data.User();
        var tag = $"Bf{Guid.NewGuid().ToString("N")[..6]}";
        var first = await Search.Person("Fay", $"{tag}a");
        var busy = await Search.Person("Bas", $"{tag}b");
        await Plan(busy.Id, DateTimeOffset.UtcNow.AddDays(10));
        await As(user, async page =>
        {
            var find = new FindView(page);
            var bulk = new BulkUpdateView(page);
            await find.Open();
            await find.TextLine(1, 1, "Last name", "starts with", tag);
            await find.Search();
            await Expect(find.Results.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
            // A late render of the results can drop a pick made during it; pick until both stay.
            for (var attempt = 1; attempt <= 5 && await find.Button("Bulk update 2 picked").CountAsync() == 0; attempt++)
            {
                foreach (var person in new[] { first, busy })
                {
                    await find.Results.GetByRole(AriaRole.Checkbox, new() { Name = $"Pick {person.FullName}", Exact = true }).CheckAsync();
                }

                await page.WaitForTimeoutAsync(500);
            }

            await find.Button("Bulk update 2 picked").ClickAsync();
            await bulk.Dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Plan a follow-up for each", Exact = true }).CheckAsync();
            await bulk.Choose("Type", "Call");
            await bulk.Dialog.GetByLabel("Title (optional)").FillAsync("Ask about the trade fair");
            await bulk.Dialog.GetByLabel("Due date").FillAsync("2031-05-06");
            await Accessibility.AssertNoSeriousViolations(page, "the bulk update dialog, planning a follow-up");
            await bulk.Button("Preview").ClickAsync();

            await Expect(bulk.Dialog).ToContainTextAsync("2 will change");
            await Expect(bulk.Dialog).ToContainTextAsync("1 of them already have an open follow-up; they get one more.");
            await Expect(bulk.Dialog).ToContainTextAsync("Plan a follow-up: Call “Ask about the trade fair”, 6 May 2031 (all day), for each person's owner");
            await Accessibility.AssertNoSeriousViolations(page, "the preview of planning a follow-up");

            await bulk.Button("Run").ClickAsync();
            await Expect(bulk.Progress).ToHaveTextAsync("Changed 2, skipped 0.");
            Assert.Equal(1, (await Data.GetPerson(first.Id)).OpenFollowUps);
            Assert.Equal(2, (await Data.GetPerson(busy.Id)).OpenFollowUps);

            await bulk.Button("Undo").ClickAsync();
            await page.Confirm("Undo changes 2 persons?", "Undo");
            await Expect(bulk.Progress).ToHaveTextAsync("Undone: 2 put back as they were.");
            Assert.Equal(0, (await Data.GetPerson(first.Id)).OpenFollowUps);
            Assert.Equal(1, (await Data.GetPerson(busy.Id)).OpenFollowUps);
        });
    }

    /// <summary>A follow-up as POST /api/follow-ups plans it (the service behind that endpoint).</summary>
    private async Task Plan(int personId, DateTimeOffset due)
    {
        await using var scope = App.Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Channel.Api));
        await scope.ServiceProvider.GetRequiredService<FollowUpService>().Create(new FollowUpRequest(
            personId, JsonValue.Create("call"), "Call back", due.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), false, null, null, null));
    }
}
