using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Board;

/// <summary>F6: a card dragged to another column changes the person through the same rules as every channel.</summary>
public abstract class BoardMovesApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task AMoveChangesTheStatusWritesHistoryOnChannelBoardAndReturnsTheCardAndTheNewCounts()
    {
        var user = await app.NewUser();
        var company = await user.Client.CreateCompany("Lead");
        var moved = await user.Client.CreatePerson(company.Int("id"));
        var stays = await user.Client.CreatePerson(company.Int("id"));
        var selection = await user.Client.StaticSelection([moved.Int("id"), stays.Int("id")]);
        var open = BoardClient.Key(await user.Client.StatusId("Open"));
        var contacting = BoardClient.Key(await user.Client.StatusId("Contacting"));
        var version = (await user.Client.Board(selection)).Card(moved.Int("id")).Int("version");

        var answer = await (await user.Client.Move(selection, moved.Int("id"), contacting, version)).ShouldBe(200);

        var card = answer["card"]!;
        Assert.Equal(moved.Int("id"), card.Int("personId"));
        Assert.Equal("Contacting", card.Str("leadStatus"));
        Assert.Equal(version + 1, card.Int("version"));
        Assert.True(answer.Bool("onBoard"));
        var counts = answer["counts"]!.Items().ToDictionary(c => c.Str("key")!, c => c.Int("count"));
        Assert.Equal(new Dictionary<string, int> { [open] = 1, [contacting] = 1 }, counts);
        var history = await user.Client.History(moved.Int("id"));
        Assert.Equal("board", history[0].Str("channel"));
        Assert.Equal("Open", history[0].Str("from"));
        Assert.Equal("Contacting", history[0].Str("to"));
        Assert.Equal(user.Id, history[0].IntOrNull("userId"));
        var board = await user.Client.Board(selection);
        Assert.Equal(1, board.Column(contacting).Int("count"));
        Assert.Equal(moved.Int("id"), Assert.Single(board.Column(contacting).Cards()).Int("personId"));
    }

    [Fact]
    public async Task MovingTheStatusOfAnInactivePersonIsRefusedWithItsReasonAndChangesNothing()
    {
        var user = (await app.NewUser()).Client;
        var company = await user.CreateCompany("Lead");
        var person = await user.CreatePerson(company.Int("id"));
        await user.PatchCompany(company.Int("id"), new { categoryId = await user.CategoryId("Customer") });
        var selection = await user.StaticSelection([person.Int("id")]);
        var version = (await user.Board(selection)).Card(person.Int("id")).Int("version");
        var before = await app.Snapshot();

        var refused = await user.Move(selection, person.Int("id"), BoardClient.Key(await user.StatusId("Contacting")), version);

        var problem = await refused.ShouldBeProblem(409, "leadStatusNotActive");
        Assert.Contains("Customer", problem.Str("detail"));
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task MovingTheCategoryOfAPersonWithACompanyIsRefusedAsInherited()
    {
        var user = (await app.NewUser()).Client;
        var person = await user.CreatePerson((await user.CreateCompany("Lead")).Int("id"));
        var selection = await user.StaticSelection([person.Int("id")]);
        var before = await app.Snapshot();

        var refused = await user.Move(selection, person.Int("id"), BoardClient.Key(await user.CategoryId("Partner")), person.Int("version"), "category");

        await refused.ShouldBeProblem(409, "categoryInherited");
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task MovingThePersonToNoStatusIsRefused()
    {
        var user = (await app.NewUser()).Client;
        var person = await user.CreatePerson((await user.CreateCompany("Lead")).Int("id"));
        var selection = await user.StaticSelection([person.Int("id")]);
        var before = await app.Snapshot();

        await (await user.Move(selection, person.Int("id"), "none", person.Int("version"))).ShouldBeInvalid("leadStatusId");
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task AMoveOfACardThatChangedSinceTheBoardLoadedIsRefusedWith412()
    {
        var user = (await app.NewUser()).Client;
        var person = await user.CreatePerson((await user.CreateCompany("Lead")).Int("id"));
        var selection = await user.StaticSelection([person.Int("id")]);
        var shown = (await user.Board(selection)).Card(person.Int("id")).Int("version");
        await user.PatchPerson(person.Int("id"), new { title = "Changed by someone else" });
        var before = await app.Snapshot();

        var refused = await user.Move(selection, person.Int("id"), BoardClient.Key(await user.StatusId("Qualified")), shown);

        await refused.ShouldBeProblem(412, "preconditionFailed");
        await app.AssertUnchangedSince(before);
        Assert.Equal("Open", (await user.GetPerson(person.Int("id"))).Str("leadStatus"));
    }

    [Fact]
    public async Task APersonThatIsNotOnTheBoardCannotBeMovedThere()
    {
        var user = (await app.NewUser()).Client;
        var company = await user.CreateCompany("Lead");
        var member = await user.CreatePerson(company.Int("id"));
        var outsider = await user.CreatePerson(company.Int("id"));
        var selection = await user.StaticSelection([member.Int("id")]);
        var before = await app.Snapshot();

        var refused = await user.Move(selection, outsider.Int("id"), BoardClient.Key(await user.StatusId("Qualified")), outsider.Int("version"));

        await refused.ShouldBeProblem(404, "notFound");
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task CategoryAndOwnerMovesChangeThoseFields()
    {
        var user = await app.NewUser();
        var solo = await user.Client.CreatePersonInCategory("Partner");
        var selection = await user.Client.StaticSelection([solo.Int("id")]);
        var customer = BoardClient.Key(await user.Client.CategoryId("Customer"));

        var byCategory = await (await user.Client.Move(selection, solo.Int("id"), customer, solo.Int("version"), "category")).ShouldBe(200);
        var byOwner = await (await user.Client.Move(selection, solo.Int("id"), BoardClient.Key(user.Id), byCategory["card"]!.Int("version"), "owner"))
            .ShouldBe(200);

        Assert.Equal("Customer", byCategory["card"]!.Str("category"));
        Assert.Equal(1, Assert.Single(byCategory["counts"]!.Items(), c => c.Str("key") == customer).Int("count"));
        Assert.Equal(user.UserName, byOwner["card"]!.Str("ownerName"));
        var person = await user.Client.GetPerson(solo.Int("id"));
        Assert.Equal("Customer", person.Str("category"));
        Assert.Equal(user.Id, person.IntOrNull("ownerId"));
        var unowned = await (await user.Client.Move(selection, solo.Int("id"), "none", byOwner["card"]!.Int("version"), "owner")).ShouldBe(200);
        Assert.Null(unowned["card"]!.Str("ownerName"));
    }

    [Fact]
    public async Task TheCountsOfAFilteredBoardComeBackFiltered()
    {
        var user = await app.NewUser();
        var company = await user.Client.CreateCompany("Lead");
        var mine = await user.Client.Person(company.Int("id"), "Mine", ownerId: user.Id);
        var nobodys = await user.Client.Person(company.Int("id"), "Nobodys");
        var also = await user.Client.Person(company.Int("id"), "AlsoMine", ownerId: user.Id);
        var selection = await user.Client.StaticSelection([mine.Int("id"), nobodys.Int("id"), also.Int("id")]);
        var open = BoardClient.Key(await user.Client.StatusId("Open"));
        var qualified = BoardClient.Key(await user.Client.StatusId("Qualified"));

        var answer = await (await user.Client.Move(selection, mine.Int("id"), qualified, mine.Int("version"), query: "owner=me")).ShouldBe(200);

        var counts = answer["counts"]!.Items().ToDictionary(c => c.Str("key")!, c => c.Int("count"));
        Assert.Equal(new Dictionary<string, int> { [open] = 1, [qualified] = 1 }, counts);
        Assert.True(answer.Bool("onBoard"));
    }

    [Fact]
    public async Task ACardMovedOutOfADynamicSelectionComesBackAsNoLongerOnTheBoard()
    {
        var user = (await app.NewUser()).Client;
        var company = await user.CreateCompany("Lead");
        var person = await user.CreatePerson(company.Int("id"));
        var openId = await user.StatusId("Open");
        var criteria = new
        {
            entity = "person",
            sets = new[]
            {
                new
                {
                    lines = new object[]
                    {
                        new { field = "person.company", @operator = "oneOf", values = new[] { company.Int("id") } },
                        new { field = "person.leadStatus", @operator = "oneOf", values = new[] { openId } },
                    },
                },
            },
        };
        var selection = await user.DynamicSelection(criteria);

        var answer = await (await user.Move(selection, person.Int("id"), BoardClient.Key(await user.StatusId("Qualified")), person.Int("version")))
            .ShouldBe(200);

        Assert.False(answer.Bool("onBoard"));
        Assert.Equal("Qualified", answer["card"]!.Str("leadStatus"));
        Assert.Empty(answer["counts"]!.Items());
        Assert.Equal(0, (await user.Board(selection)).Column(BoardClient.Key(openId)).Int("count"));
    }
}

public sealed class BoardMovesApiTestsOnSqlite(SqliteApp app) : BoardMovesApiTests(app), IClassFixture<SqliteApp>;

public sealed class BoardMovesApiTestsOnPostgres(PostgresApp app) : BoardMovesApiTests(app), IClassFixture<PostgresApp>;
