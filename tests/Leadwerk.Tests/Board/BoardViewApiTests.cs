using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Board;

/// <summary>F6/B1: which columns a board has, their counts, and which cards are locked.</summary>
public abstract class BoardViewApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task EveryLeadStatusIsAColumnInRankOrderAndTheCountsAreThoseOfTheMembers()
    {
        var user = (await app.NewUser()).Client;
        var company = await user.CreateCompany("Lead");
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await user.CreatePerson(company.Int("id"))).Int("id"));
        }

        await user.PatchPerson(ids[0], new { leadStatusId = await user.StatusId("Contacting") });
        var selection = await user.StaticSelection(ids);

        var board = await user.Board(selection);

        Assert.Equal("leadStatus", board.Str("groupBy"));
        var statuses = (await user.GetOk("/api/lead-statuses")).Items();
        Assert.Equal(statuses.Select(s => s.Int("id").ToString()), board.Columns().Select(c => c.Str("key")));
        Assert.Equal(statuses.Select(s => s["names"]!.Str("en")), board.Columns().Select(c => c.Str("name")));
        var open = board.Column(BoardClient.Key(await user.StatusId("Open")));
        Assert.Equal("No outreach yet.", open.Str("description"));
        Assert.Equal(2, open.Int("count"));
        Assert.Equal(2, open.Cards().Count);
        Assert.Equal(1, board.Column(BoardClient.Key(await user.StatusId("Contacting"))).Int("count"));
        Assert.Equal(0, board.Column(BoardClient.Key(await user.StatusId("Qualified"))).Int("count"));
        Assert.Empty(board.Column(BoardClient.Key(await user.StatusId("Qualified"))).Cards());
        Assert.All(board.Columns(), c => Assert.False(c.Bool("deleted")));
        var members = await user.GetOk($"/api/selections/{selection}");
        Assert.Equal(members.Int("memberCount"), board.Columns().Sum(c => c.Int("count")));
    }

    [Fact]
    public async Task ACardShowsNameCompanyCategoryOwnerAndDaysInStatus()
    {
        var user = await app.NewUser();
        var company = await user.Client.CreateCompany("Lead");
        var person = await user.Client.Person(company.Int("id"), "Card", "Carla", ownerId: user.Id);
        var selection = await user.Client.StaticSelection([person.Int("id")]);

        var card = (await user.Client.Board(selection)).Card(person.Int("id"));

        Assert.Equal("Carla Card", card.Str("name"));
        Assert.Equal(company.Int("id"), card.IntOrNull("companyId"));
        Assert.Equal(company.Str("name"), card.Str("companyName"));
        Assert.Equal("Lead", card.Str("category"));
        Assert.Equal(user.UserName, card.Str("ownerName"));
        Assert.Equal("Open", card.Str("leadStatus"));
        Assert.Equal(0, card.Int("daysInStatus"));
        Assert.False(card.Bool("locked"));
        Assert.Null(card.Str("lockedReason"));
        Assert.Equal(person.Int("version"), card.Int("version"));
    }

    [Fact]
    public async Task HideEmptyLeavesOutTheColumnsWithoutPersons()
    {
        var user = (await app.NewUser()).Client;
        var person = await user.CreatePerson((await user.CreateCompany("Lead")).Int("id"));
        var selection = await user.StaticSelection([person.Int("id")]);

        var board = await user.Board(selection, "hideEmpty=true");

        var column = Assert.Single(board.Columns());
        Assert.Equal(BoardClient.Key(await user.StatusId("Open")), column.Str("key"));
        Assert.Equal(1, column.Int("count"));
    }

    [Fact]
    public async Task ADeletedStatusStillHeldGetsAColumnMarkedDeletedAndOneNotHeldGetsNone()
    {
        var admin = await app.Admin();
        var held = await admin.CreateStatus();
        var unheld = await admin.CreateStatus();
        var person = await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"));
        await admin.PatchPerson(person.Int("id"), new { leadStatusId = held.Int("id") });
        await (await admin.Delete($"/api/lead-statuses/{held.Int("id")}")).ShouldBe(204);
        await (await admin.Delete($"/api/lead-statuses/{unheld.Int("id")}")).ShouldBe(204);
        var selection = await admin.StaticSelection([person.Int("id")]);

        var board = await admin.Board(selection);

        var column = board.Column(BoardClient.Key(held.Int("id")));
        Assert.True(column.Bool("deleted"));
        Assert.Equal(1, column.Int("count"));
        Assert.Equal(person.Int("id"), Assert.Single(column.Cards()).Int("personId"));
        Assert.DoesNotContain(board.Columns(), c => c.Str("key") == BoardClient.Key(unheld.Int("id")));
    }

    [Fact]
    public async Task AnInactivePersonIsCountedInItsKeptStatusButLockedWithTheReason()
    {
        var user = (await app.NewUser()).Client;
        var company = await user.CreateCompany("Lead");
        var person = await user.CreatePerson(company.Int("id"));
        var active = await user.CreatePerson((await user.CreateCompany("Lead")).Int("id"));
        await user.PatchPerson(person.Int("id"), new { leadStatusId = await user.StatusId("Qualified") });
        await user.PatchCompany(company.Int("id"), new { categoryId = await user.CategoryId("Customer") });
        var selection = await user.StaticSelection([person.Int("id"), active.Int("id")]);

        var board = await user.Board(selection);

        var qualified = board.Column(BoardClient.Key(await user.StatusId("Qualified")));
        Assert.Equal(1, qualified.Int("count"));
        Assert.Equal(1, qualified.Int("kept"));
        var card = Assert.Single(qualified.Cards());
        Assert.True(card.Bool("locked"));
        Assert.Contains("Customer", card.Str("lockedReason"));
        Assert.Equal("Qualified (not in use)", card.Str("leadStatus"));
        Assert.False(board.Card(active.Int("id")).Bool("locked"));
    }

    [Fact]
    public async Task PersonsWithoutALeadStatusAreCountedInANoStatusColumnAtTheEnd()
    {
        var user = (await app.NewUser()).Client;
        var partner = await user.CreatePersonInCategory("Partner");
        var selection = await user.StaticSelection([partner.Int("id")]);

        var board = await user.Board(selection);

        var none = board.Columns()[^1];
        Assert.Equal("none", none.Str("key"));
        Assert.Equal(1, none.Int("count"));
        Assert.True(Assert.Single(none.Cards()).Bool("locked"));
    }

    [Fact]
    public async Task GroupedByCategoryEveryCategoryIsAColumnAndAnInheritedCategoryIsLocked()
    {
        var user = (await app.NewUser()).Client;
        var company = await user.CreateCompany("Lead");
        var employee = await user.CreatePerson(company.Int("id"));
        var solo = await user.CreatePersonInCategory("Partner");
        var selection = await user.StaticSelection([employee.Int("id"), solo.Int("id")]);

        var board = await user.Board(selection, "groupBy=category");

        Assert.Equal("category", board.Str("groupBy"));
        var categories = (await user.GetOk("/api/categories")).Items();
        Assert.Equal(categories.Select(c => c.Int("id").ToString()), board.Columns().Select(c => c.Str("key")));
        var lead = board.Column(BoardClient.Key(await user.CategoryId("Lead")));
        Assert.Equal(1, lead.Int("count"));
        var locked = Assert.Single(lead.Cards());
        Assert.True(locked.Bool("locked"));
        Assert.Contains(company.Str("name")!, locked.Str("lockedReason"));
        var partner = board.Column(BoardClient.Key(await user.CategoryId("Partner")));
        Assert.Equal(1, partner.Int("count"));
        Assert.False(Assert.Single(partner.Cards()).Bool("locked"));
    }

    [Fact]
    public async Task GroupedByOwnerEveryActiveUserIsAColumnFollowedByNoOwner()
    {
        var owner = await app.NewUser();
        var other = await app.NewUser();
        var company = await owner.Client.CreateCompany("Lead");
        var owned = await owner.Client.Person(company.Int("id"), "Owned", ownerId: owner.Id);
        var unowned = await owner.Client.Person(company.Int("id"), "Unowned");
        var selection = await owner.Client.StaticSelection([owned.Int("id"), unowned.Int("id")]);

        var board = await owner.Client.Board(selection, "groupBy=owner");

        Assert.Equal("owner", board.Str("groupBy"));
        var mine = board.Column(BoardClient.Key(owner.Id));
        Assert.Equal(owner.UserName, mine.Str("name"));
        Assert.Equal(1, mine.Int("count"));
        Assert.Equal(owned.Int("id"), Assert.Single(mine.Cards()).Int("personId"));
        Assert.Equal(0, board.Column(BoardClient.Key(other.Id)).Int("count"));
        var none = board.Columns()[^1];
        Assert.Equal("none", none.Str("key"));
        Assert.Equal(unowned.Int("id"), Assert.Single(none.Cards()).Int("personId"));
        Assert.All(board.Columns().SelectMany(c => c.Cards()), c => Assert.False(c.Bool("locked")));
    }

    [Fact]
    public async Task ADynamicSelectionBoardShowsWhatItsCriteriaMatchNow()
    {
        var user = (await app.NewUser()).Client;
        var company = await user.CreateCompany("Lead", Unique.Name("Dynamo"));
        var first = await user.CreatePerson(company.Int("id"));
        var criteria = new
        {
            entity = "person",
            sets = new[] { new { lines = new[] { new { field = "company.name", @operator = "equals", values = new[] { company.Str("name") } } } } },
        };
        var selection = await user.DynamicSelection(criteria);
        var later = await user.CreatePerson(company.Int("id"));

        var board = await user.Board(selection);

        var open = board.Column(BoardClient.Key(await user.StatusId("Open")));
        Assert.Equal(2, open.Int("count"));
        Assert.Equal([first.Int("id"), later.Int("id")], open.Cards().Select(c => c.Int("personId")).Order());
    }

    [Fact]
    public async Task AnotherUsersPrivateSelectionHasNoBoard()
    {
        var owner = (await app.NewUser()).Client;
        var stranger = (await app.NewUser()).Client;
        var person = await owner.CreatePerson((await owner.CreateCompany("Lead")).Int("id"));
        var selection = await owner.StaticSelection([person.Int("id")]);
        var open = BoardClient.Key(await owner.StatusId("Open"));

        await (await stranger.Get($"/api/selections/{selection}/board")).ShouldBeProblem(404, "notFound");
        await (await stranger.Get($"/api/selections/{selection}/board/columns/{open}/cards")).ShouldBeProblem(404, "notFound");
        var before = await app.Snapshot();
        await (await stranger.Move(selection, person.Int("id"), BoardClient.Key(await owner.StatusId("Contacting")), person.Int("version")))
            .ShouldBeProblem(404, "notFound");
        await app.AssertUnchangedSince(before);
        await (await app.Anonymous().Get($"/api/selections/{selection}/board")).ShouldBe(401);
    }

    [Fact]
    public async Task ASharedSelectionShowsTheSameBoardToEveryone()
    {
        var owner = (await app.NewUser()).Client;
        var colleague = (await app.NewUser()).Client;
        var person = await owner.CreatePerson((await owner.CreateCompany("Lead")).Int("id"));
        var selection = await owner.StaticSelection([person.Int("id")], visibility: "everyone");

        var board = await colleague.Board(selection);

        Assert.Equal(1, board.Column(BoardClient.Key(await owner.StatusId("Open"))).Int("count"));
    }

    [Fact]
    public async Task UnknownGroupingSortOrColumnIsRefused()
    {
        var user = (await app.NewUser()).Client;
        var person = await user.CreatePerson((await user.CreateCompany("Lead")).Int("id"));
        var selection = await user.StaticSelection([person.Int("id")]);

        await (await user.Get($"/api/selections/{selection}/board?groupBy=country")).ShouldBeInvalid("groupBy");
        await (await user.Get($"/api/selections/{selection}/board?sort=email")).ShouldBeInvalid("sort");
        await (await user.Get($"/api/selections/{selection}/board?owner=bob")).ShouldBeInvalid("owner");
        await (await user.Get($"/api/selections/{selection}/board/columns/open/cards")).ShouldBeProblem(404, "notFound");
        await (await user.Get($"/api/selections/{selection}/board/columns/1/cards?cursor=garbage")).ShouldBeProblem(400, "invalidCursor");
    }
}

public sealed class BoardViewApiTestsOnSqlite(SqliteApp app) : BoardViewApiTests(app), IClassFixture<SqliteApp>;

public sealed class BoardViewApiTestsOnPostgres(PostgresApp app) : BoardViewApiTests(app), IClassFixture<PostgresApp>;
