using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Board;

/// <summary>F6: the toolbar's filters and sort, and "load more" per column.</summary>
public abstract class BoardQueryApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task LoadMoreWalksAColumnInOrderWithEveryCardOnce()
    {
        var user = (await app.NewUser()).Client;
        var company = await user.CreateCompany("Lead");
        var ids = new List<int>();
        foreach (var name in new[] { "Gamma", "Alpha", "Eta", "Beta", "Zeta", "Delta", "Epsilon" })
        {
            ids.Add((await user.Person(company.Int("id"), name)).Int("id"));
        }

        var selection = await user.StaticSelection(ids);
        var open = BoardClient.Key(await user.StatusId("Open"));

        var column = (await user.Board(selection, "limit=3")).Column(open);
        var names = column.Cards().Select(c => c.Str("name")!).ToList();
        var cursor = column.Str("nextCursor");
        var pages = 1;
        while (cursor is not null)
        {
            var page = await user.GetOk($"/api/selections/{selection}/board/columns/{open}/cards?limit=3&cursor={Uri.EscapeDataString(cursor)}");
            names.AddRange(page["items"]!.Items().Select(c => c.Str("name")!));
            cursor = page.Str("nextCursor");
            pages++;
        }

        Assert.Equal(7, column.Int("count"));
        Assert.Equal(3, pages);
        Assert.Equal(["Test Alpha", "Test Beta", "Test Delta", "Test Epsilon", "Test Eta", "Test Gamma", "Test Zeta"], names);
    }

    [Fact]
    public async Task CardsAreSortedByNameByNewestOrByLongestInTheirStatus()
    {
        var user = (await app.NewUser()).Client;
        var company = await user.CreateCompany("Lead");
        var first = await user.Person(company.Int("id"), "Mid");
        var second = await user.Person(company.Int("id"), "Zeta");
        var third = await user.Person(company.Int("id"), "Alpha");
        // The first person's status changes last, so it has been in Open the shortest time.
        await user.PatchPerson(first.Int("id"), new { leadStatusId = await user.StatusId("Contacting") });
        await user.PatchPerson(first.Int("id"), new { leadStatusId = await user.StatusId("Open") });
        var selection = await user.StaticSelection([first.Int("id"), second.Int("id"), third.Int("id")]);
        var open = BoardClient.Key(await user.StatusId("Open"));

        async Task<List<string?>> Order(string sort) =>
            (await user.Board(selection, $"sort={sort}")).Column(open).Cards().Select(c => c.Str("name")).ToList();

        Assert.Equal(["Test Alpha", "Test Mid", "Test Zeta"], await Order("name"));
        Assert.Equal(["Test Alpha", "Test Zeta", "Test Mid"], await Order("created"));
        Assert.Equal(["Test Zeta", "Test Alpha", "Test Mid"], await Order("daysInStatus"));
    }

    [Fact]
    public async Task TheOwnerFilterTakesIdsAndMe()
    {
        var me = await app.NewUser();
        var colleague = await app.NewUser();
        var company = await me.Client.CreateCompany("Lead");
        var mine = await me.Client.Person(company.Int("id"), "Mine", ownerId: me.Id);
        var theirs = await me.Client.Person(company.Int("id"), "Theirs", ownerId: colleague.Id);
        var nobodys = await me.Client.Person(company.Int("id"), "Nobodys");
        var selection = await me.Client.StaticSelection([mine.Int("id"), theirs.Int("id"), nobodys.Int("id")]);

        Assert.Equal([mine.Int("id")], await Shown(me.Client, selection, "owner=me"));
        Assert.Equal([theirs.Int("id")], await Shown(me.Client, selection, $"owner={colleague.Id}"));
        Assert.Equal([mine.Int("id"), theirs.Int("id")], await Shown(me.Client, selection, $"owner=me,{colleague.Id}"));
        Assert.Equal([mine.Int("id"), theirs.Int("id"), nobodys.Int("id")], await Shown(me.Client, selection, ""));
    }

    [Fact]
    public async Task TheCategoryAndLeadStatusFiltersKeepTheChosenValues()
    {
        var user = (await app.NewUser()).Client;
        var lead = await user.CreatePerson((await user.CreateCompany("Lead")).Int("id"));
        var mql = await user.CreatePerson((await user.CreateCompany("Marketing qualified lead")).Int("id"));
        var partner = await user.CreatePersonInCategory("Partner");
        await user.PatchPerson(mql.Int("id"), new { leadStatusId = await user.StatusId("Qualified") });
        var selection = await user.StaticSelection([lead.Int("id"), mql.Int("id"), partner.Int("id")]);
        var leadId = await user.CategoryId("Lead");
        var partnerId = await user.CategoryId("Partner");

        Assert.Equal([lead.Int("id"), partner.Int("id")], await Shown(user, selection, $"category={leadId},{partnerId}"));
        Assert.Equal([mql.Int("id")], await Shown(user, selection, $"leadStatus={await user.StatusId("Qualified")}"));
        Assert.Equal([lead.Int("id")], await Shown(user, selection, $"category={leadId}&leadStatus={await user.StatusId("Open")}"));
        var filtered = await user.Board(selection, $"category={partnerId}");
        Assert.Equal(1, filtered.Columns().Sum(c => c.Int("count")));
    }

    [Fact]
    public async Task TheCreatedRangeIncludesBothWholeDays()
    {
        var user = (await app.NewUser()).Client;
        var person = await user.CreatePerson((await user.CreateCompany("Lead")).Int("id"));
        var selection = await user.StaticSelection([person.Int("id")]);
        var today = DateOnly.FromDateTime(person["createdAt"]!.GetValue<DateTime>());
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

        Assert.Equal([person.Int("id")], await Shown(user, selection, $"createdFrom={Day(today)}&createdTo={Day(today)}"));
        Assert.Equal([person.Int("id")], await Shown(user, selection, $"createdFrom={Day(today.AddDays(-3))}"));
        Assert.Empty(await Shown(user, selection, $"createdFrom={Day(today.AddDays(1))}"));
        Assert.Empty(await Shown(user, selection, $"createdTo={Day(today.AddDays(-1))}"));
    }

    [Fact]
    public async Task TheTextFilterFindsFirstNameLastNameOrCompanyIgnoringCase()
    {
        var user = (await app.NewUser()).Client;
        var token = Guid.NewGuid().ToString("N")[..8];
        var company = await user.CreateCompany("Lead", $"Harbour {token} Logistics");
        var other = await user.CreateCompany("Lead");
        var byCompany = await user.Person(company.Int("id"), "Jansen");
        var byFirstName = await user.Person(other.Int("id"), "Visser", $"Anouk{token}");
        var byLastName = await user.Person(other.Int("id"), $"de Wit-{token}");
        var unrelated = await user.Person(other.Int("id"), "Bakker");
        var selection = await user.StaticSelection([byCompany.Int("id"), byFirstName.Int("id"), byLastName.Int("id"), unrelated.Int("id")]);

        Assert.Equal([byCompany.Int("id"), byFirstName.Int("id"), byLastName.Int("id")],
            await Shown(user, selection, $"text={token.ToUpperInvariant()}"));
        Assert.Equal([byCompany.Int("id")], await Shown(user, selection, "text=harbour"));
        Assert.Equal([unrelated.Int("id")], await Shown(user, selection, "text=BAKK"));
        var filtered = await user.Board(selection, "text=harbour");
        Assert.Equal(1, filtered.Columns().Sum(c => c.Int("count")));
    }

    [Fact]
    public async Task LoadMoreKeepsTheFiltersAndTheSort()
    {
        var user = await app.NewUser();
        var company = await user.Client.CreateCompany("Lead");
        var mine = new List<int>();
        var everyone = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            mine.Add((await user.Client.Person(company.Int("id"), $"Mine{i}", ownerId: user.Id)).Int("id"));
            everyone.Add((await user.Client.Person(company.Int("id"), $"Other{i}")).Int("id"));
        }

        var selection = await user.Client.StaticSelection([.. mine, .. everyone]);
        var open = BoardClient.Key(await user.Client.StatusId("Open"));
        var first = (await user.Client.Board(selection, "owner=me&sort=created&limit=2")).Column(open);
        var rest = await user.Client.GetOk(
            $"/api/selections/{selection}/board/columns/{open}/cards?owner=me&sort=created&limit=2&cursor={Uri.EscapeDataString(first.Str("nextCursor")!)}");

        Assert.Equal(4, first.Int("count"));
        var shown = first.Cards().Concat(rest["items"]!.Items()).Select(c => c.Int("personId")).ToList();
        Assert.Equal(Enumerable.Reverse(mine), shown);
        Assert.Null(rest.Str("nextCursor"));
    }

    /// <summary>The ids of every card on the filtered board, across its columns, in id order.</summary>
    private static async Task<List<int>> Shown(HttpClient client, int selection, string query)
    {
        JsonNode board = await client.Board(selection, query);
        return board.Columns().SelectMany(c => c.Cards()).Select(c => c.Int("personId")).Order().ToList();
    }
}

public sealed class BoardQueryApiTestsOnSqlite(SqliteApp app) : BoardQueryApiTests(app), IClassFixture<SqliteApp>;

public sealed class BoardQueryApiTestsOnPostgres(PostgresApp app) : BoardQueryApiTests(app), IClassFixture<PostgresApp>;
