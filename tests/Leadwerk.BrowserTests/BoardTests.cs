using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Selections;
using Leadwerk.Web.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class BoardTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task DraggingACardFromOpenToContactingChangesBothCountsAndIsKeptAfterAReload()
    {
        var company = await Data.Company(category: "Lead");
        var ann = await Data.Person(company.Id, TestData.Unique("Ann"));
        var bob = await Data.Person(company.Id, TestData.Unique("Bob"));
        var selectionId = await Selection(LeadwerkServer.AdminUserName, ann.Id, bob.Id);
        await AsAdmin(async page =>
        {
            var board = new SelectionBoard(page);
            await board.Open(selectionId);
            await Expect(board.Heading).ToHaveTextAsync(new Regex(" – Board$"));
            await Expect(board.Count("Open")).ToHaveTextAsync("2");
            await Expect(board.Count("Contacting")).ToHaveTextAsync("0");
            await Expect(board.CardIn("Open", ann.FullName)).ToContainTextAsync("0 days in status");
            await Accessibility.AssertNoSeriousViolations(page, "the board");

            await board.Card(ann.FullName).DragToAsync(board.Zone("Contacting"));

            await Expect(board.Count("Contacting")).ToHaveTextAsync("1");
            await Expect(board.Count("Open")).ToHaveTextAsync("1");
            await Expect(board.CardIn("Contacting", ann.FullName)).ToBeVisibleAsync();

            await page.ReloadAsync();
            await page.WaitForCircuit();
            await Expect(board.Count("Contacting")).ToHaveTextAsync("1");
            await Expect(board.Count("Open")).ToHaveTextAsync("1");
            await Expect(board.CardIn("Contacting", ann.FullName)).ToBeVisibleAsync();
            await Expect(board.CardIn("Open", bob.FullName)).ToBeVisibleAsync();
        });

        Assert.Equal("Contacting", (await Data.GetPerson(ann.Id)).LeadStatus);
        Assert.Equal(Channel.Board, (await Data.History(ann.Id))[0].Channel);
    }

    [Theory]
    [InlineData("nl", "· 1 niet in gebruik", "Vergrendeld", "Verplaatsen naar", "Contact opnemen", "Klant", "Geen leadstatus")]
    public async Task ALockedCardCannotBeDraggedAndShowsWhyOnHoverAndOnKeyboardFocus(
        string language, string notInUse, string locked, string moveTo, string contacting, string customer, string noLeadStatus)
    {
        var user = await Data.User(language: language);
        var company = await Data.Company(category: "Lead");
        var person = await Data.Person(company.Id, TestData.Unique("Locked"));
        await Run<CompanyService, CompanyDto>(async s => await s.Update(
            company.Id, new CompanyChanges { CategoryId = await Data.CategoryId("Customer") }, null));
        var selectionId = await Selection(user.UserName, person.Id);
        await As(user, async page =>
        {
            var board = new SelectionBoard(page);
            await board.Open(selectionId);
            // A kept status (R6) is counted apart from the live ones.
            await Expect(board.Count("Open")).ToHaveTextAsync("0");
            await Expect(board.Column("Open").Locator(".board-kept")).ToHaveTextAsync(notInUse);
            var card = board.CardIn("Open", person.FullName);
            await Expect(card).ToContainTextAsync(locked);
            await Expect(card.GetByRole(AriaRole.Button, new() { Name = moveTo })).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, $"the board with a locked card ({language})");

            await card.DragToAsync(board.Zone(contacting));
            await Expect(board.CardIn("Open", person.FullName)).ToBeVisibleAsync();
            await Expect(board.Count("Open")).ToHaveTextAsync("0");
            await Expect(board.Count(contacting)).ToHaveTextAsync("0");

            await card.HoverAsync();
            await Expect(board.Tooltip).ToContainTextAsync(customer);
            await page.Mouse.MoveAsync(0, 0);
            await Expect(board.Tooltip).ToHaveCountAsync(0);

            await board.Heading.FocusAsync();
            await Keyboard.TabTo(page, card.Locator(".board-lock"));
            await Expect(board.Tooltip).ToContainTextAsync(noLeadStatus);
        });

        Assert.Equal("Open", (await Data.GetPerson(person.Id)).LeadStatus);
    }

    [Fact]
    public async Task ACardMovesWithTheKeyboardThroughItsMoveToMenu()
    {
        var person = await Data.PersonWithCompany("Lead");
        var selectionId = await Selection(LeadwerkServer.AdminUserName, person.Id);
        await AsAdmin(async page =>
        {
            var board = new SelectionBoard(page);
            await board.Open(selectionId);
            await Expect(board.Count("Open")).ToHaveTextAsync("1");

            await board.Heading.FocusAsync();
            await Keyboard.TabTo(page, board.MoveTo(person.FullName));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Contacting", Exact = true })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Qualified", Exact = true })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(board.Count("Qualified")).ToHaveTextAsync("1");
            await Expect(board.Count("Open")).ToHaveTextAsync("0");
            await Expect(board.CardIn("Qualified", person.FullName)).ToBeVisibleAsync();
            await Expect(board.CardIn("Qualified", person.FullName)).ToBeFocusedAsync();
        });

        Assert.Equal("Qualified", (await Data.GetPerson(person.Id)).LeadStatus);
    }

    [Fact]
    public async Task GroupingFiltersAndHiddenEmptyColumnsAreKeptForTheNextVisit()
    {
        var user = await Data.User();
        var person = await Data.PersonWithCompany("Lead");
        var other = await Data.PersonWithCompany("Lead");
        var selectionId = await Selection(user.UserName, person.Id, other.Id);
        await As(user, async page =>
        {
            var board = new SelectionBoard(page);
            await board.Open(selectionId);
            await Expect(board.Count("Open")).ToHaveTextAsync("2");

            await page.GetByLabel("Group by").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Category", Exact = true }).ClickAsync();
            await Expect(board.Count("Lead")).ToHaveTextAsync("2");
            await page.GetByLabel("Hide empty columns").CheckAsync();
            await Expect(board.Column("Customer")).ToHaveCountAsync(0);
            await page.GetByLabel("Search name or company").FillAsync(person.CompanyName!);
            await Expect(board.Count("Lead")).ToHaveTextAsync("1");

            await page.ReloadAsync();
            await page.WaitForCircuit();
            await Expect(board.Count("Lead")).ToHaveTextAsync("1");
            await Expect(board.Card(person.FullName)).ToBeVisibleAsync();
            await Expect(board.Card(other.FullName)).ToHaveCountAsync(0);
            await Expect(board.Column("Customer")).ToHaveCountAsync(0);
            await Expect(page.GetByLabel("Hide empty columns")).ToBeCheckedAsync();
            await Expect(page.GetByLabel("Search name or company")).ToHaveValueAsync(person.CompanyName!);
        });
    }

    [Fact]
    public async Task AMoveOfACardSomeoneElseChangedIsRefusedAndTheBoardShowsTheLatestData()
    {
        var person = await Data.PersonWithCompany("Lead");
        var selectionId = await Selection(LeadwerkServer.AdminUserName, person.Id);
        await AsAdmin(async page =>
        {
            var board = new SelectionBoard(page);
            await board.Open(selectionId);
            await Expect(board.Count("Open")).ToHaveTextAsync("1");

            var qualified = await Run<ListService, int>(async s => (await s.LeadStatuses()).Single(x => x.NameEn == "Qualified").Id);
            await Run<PersonService, PersonDto>(s => s.Update(
                person.Id, new PersonChanges { LeadStatusId = qualified }, null));
            await board.Card(person.FullName).DragToAsync(board.Zone("Contacting"));

            await Expect(board.Snackbar).ToContainTextAsync("changed by someone else");
            await Expect(board.CardIn("Qualified", person.FullName)).ToBeVisibleAsync();
            await Expect(board.Count("Qualified")).ToHaveTextAsync("1");
            await Expect(board.Count("Contacting")).ToHaveTextAsync("0");
            await Expect(board.Count("Open")).ToHaveTextAsync("0");
        });

        Assert.Equal("Qualified", (await Data.GetPerson(person.Id)).LeadStatus);
    }

    [Fact]
    public async Task ACardCannotBeDroppedWhereTheRulesRefuseNorMovedThereWithTheKeyboard()
    {
        var viewer = await Data.User();
        var leaver = await Data.User();
        var company = await Data.Company(category: "Lead");
        var owned = await Data.Person(company.Id, TestData.Unique("Owned"));
        var unowned = await Data.Person(company.Id, TestData.Unique("Unowned"));
        var users = await Run<UserService, List<User>>(s => s.List());
        var leaverId = users.Single(u => u.UserName == leaver.UserName).Id;
        var viewerId = users.Single(u => u.UserName == viewer.UserName).Id;
        await Run<PersonService, PersonDto>(s => s.Update(owned.Id, new PersonChanges { OwnerId = leaverId }, null));
        await Run<UserService, User>(s => s.Update(leaverId, new UserChanges { Disabled = true }, null, byAdmin: true));
        var selectionId = await Selection(viewer.UserName, owned.Id, unowned.Id);
        // Opened before grouped by owner: the board restores that.
        await Run<UserSettings, bool>(async s =>
        {
            // Empty columns hidden: the test database has a column for every test user, and a drag
            // across a board wider than the window is what the "Move to" menu is for.
            await s.Set(viewerId, $"board.{selectionId}", new { groupBy = "owner", hideEmpty = true });
            return true;
        });
        await As(viewer, async page =>
        {
            var board = new SelectionBoard(page);
            await board.Open(selectionId);
            await Expect(board.Column(leaver.UserName)).ToContainTextAsync("disabled");
            await Expect(board.Count(leaver.UserName)).ToHaveTextAsync("1");
            await Expect(board.Count("No contact person")).ToHaveTextAsync("1");
            await board.Card(unowned.FullName).DragToAsync(board.Zone(leaver.UserName));

            // The server's targets leave out a disabled user, so the drop zone refuses the card.
            await Expect(board.CardIn("No contact person", unowned.FullName)).ToBeVisibleAsync();
            // The only other column shown is the disabled user's: the keyboard menu has nothing to offer.
            await Expect(board.MoveTo(unowned.FullName)).ToHaveCountAsync(0);
            await Expect(board.Count(leaver.UserName)).ToHaveTextAsync("1");
            await Expect(board.Count("No contact person")).ToHaveTextAsync("1");
        });

        Assert.Null((await Data.GetPerson(unowned.Id)).OwnerId);
    }

    [Fact]
    public async Task TheBoardIsInDutchForADutchUser()
    {
        var user = await Data.User(language: "nl");
        var person = await Data.PersonWithCompany("Lead");
        var selectionId = await Selection(user.UserName, person.Id);
        await As(user, async page =>
        {
            var board = new SelectionBoard(page);
            await board.Open(selectionId);
            await Expect(board.Heading).ToHaveTextAsync(new Regex(" – Bord$"));
            await Expect(board.Count("Open")).ToHaveTextAsync("1");
            await Expect(board.Count("Contact opnemen")).ToHaveTextAsync("0");
            await Expect(page.GetByLabel("Groeperen op")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Zoek naam of bedrijf")).ToBeVisibleAsync();
            await Expect(board.Card(person.FullName)).ToContainTextAsync("0 dagen in status");
            await Expect(board.Card(person.FullName).GetByRole(AriaRole.Button, new() { Name = "Verplaatsen naar" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the board in Dutch");
        });
    }

    /// <summary>A static selection of the given persons, private to the named user.</summary>
    private async Task<int> Selection(string ownerUserName, params int[] personIds)
    {
        var owner = (await Run<UserService, List<User>>(s => s.List())).Single(u => u.UserName == ownerUserName);
        var actor = new Actor(owner.Id, owner.Role, Channel.Api);
        var selection = await Run<SelectionService, SelectionDto>(s => s.Create(
            new SelectionRequest(TestData.Unique("Pipeline"), null, "person", "static", null, [.. personIds], "private"), actor));
        return selection.Id;
    }

    private async Task<T> Run<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = App.Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Channel.Api));
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
