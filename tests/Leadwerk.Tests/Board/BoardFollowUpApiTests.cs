using Leadwerk.Tests.FollowUps;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Board;

/// <summary>F15 on the board: each card's next follow-up and whether it is overdue, the "no follow-up planned" filter and sort.</summary>
public abstract class BoardFollowUpApiTests(LeadwerkApp app)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    [Fact]
    public async Task ACardShowsItsNextFollowUpInTheViewersTimeZoneAndWhetherItIsOverdue()
    {
        var user = (await app.NewUser()).Client;
        await user.SetTimeZone("Europe/Amsterdam");
        var company = (await user.CreateCompany("Lead")).Int("id");
        var late = (await user.Person(company, "Late")).Int("id");
        var justNow = (await user.Person(company, "JustNow")).Int("id");
        var allDayToday = (await user.Person(company, "AllDayToday")).Int("id");
        var later = (await user.Person(company, "Later")).Int("id");
        var none = (await user.Person(company, "None")).Int("id");
        var today = TimeZoneInfo.ConvertTime(Now, Amsterdam);
        await user.PlanFollowUp(late, Now.AddDays(-2));
        await user.PlanFollowUp(late, Now.AddDays(4));
        await user.PlanFollowUp(justNow, Now.AddMinutes(-5));
        await user.PlanFollowUp(allDayToday, today, allDay: true);
        await user.PlanFollowUp(later, Now.AddDays(5));
        var selection = await user.StaticSelection([late, justNow, allDayToday, later, none]);

        var board = await user.Board(selection);

        var card = board.Card(late);
        Assert.True(card.Bool("followUpOverdue"));
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now.AddDays(-2), Amsterdam).DateTime).ToString("yyyy-MM-dd"), card.Str("nextFollowUpDate"));
        Assert.NotNull(card.Str("nextFollowUpAt"));
        Assert.True(board.Card(justNow).Bool("followUpOverdue"));
        Assert.False(board.Card(allDayToday).Bool("followUpOverdue"));
        Assert.Equal(today.ToString("yyyy-MM-dd"), board.Card(allDayToday).Str("nextFollowUpDate"));
        Assert.False(board.Card(later).Bool("followUpOverdue"));
        Assert.Null(board.Card(none).Str("nextFollowUpDate"));
        Assert.False(board.Card(none).Bool("followUpOverdue"));
    }

    [Fact]
    public async Task NoFollowUpKeepsOnlyThePersonsWithoutAnOpenOneAndTheCountsFollow()
    {
        var user = (await app.NewUser()).Client;
        var company = (await user.CreateCompany("Lead")).Int("id");
        var planned = (await user.Person(company, "Planned")).Int("id");
        var without = (await user.Person(company, "Without")).Int("id");
        var done = (await user.Person(company, "Done")).Int("id");
        await user.PlanFollowUp(planned, Now.AddDays(1));
        var finished = await user.PlanFollowUp(done, Now.AddDays(-1));
        await (await user.PostJson($"/api/follow-ups/{finished.Int("id")}/complete", new { outcome = "Spoke" })).ShouldBe(200);
        var selection = await user.StaticSelection([planned, without, done]);
        var open = BoardClient.Key(await user.StatusId("Open"));

        var filtered = (await user.Board(selection, "noFollowUp=true")).Column(open);
        var all = (await user.Board(selection, "noFollowUp=false")).Column(open);
        var cards = await user.GetOk($"/api/selections/{selection}/board/columns/{open}/cards?noFollowUp=true");

        Assert.Equal(2, filtered.Int("count"));
        Assert.Equal([done, without], filtered.Cards().Select(c => c.Int("personId")));
        Assert.Equal(3, all.Int("count"));
        Assert.Equal([done, without], cards["items"]!.Items().Select(c => c.Int("personId")));
    }

    [Fact]
    public async Task CardsSortByNextFollowUpWithTheUnplannedOnesLast()
    {
        var user = (await app.NewUser()).Client;
        var company = (await user.CreateCompany("Lead")).Int("id");
        var soon = (await user.Person(company, "Soon")).Int("id");
        var none = (await user.Person(company, "Alpha")).Int("id");
        var overdue = (await user.Person(company, "Overdue")).Int("id");
        var far = (await user.Person(company, "Far")).Int("id");
        await user.PlanFollowUp(soon, Now.AddDays(1));
        await user.PlanFollowUp(overdue, Now.AddDays(-3));
        await user.PlanFollowUp(far, Now.AddDays(30));
        var selection = await user.StaticSelection([soon, none, overdue, far]);
        var open = BoardClient.Key(await user.StatusId("Open"));

        var column = (await user.Board(selection, "sort=nextFollowUp")).Column(open);
        var refused = await user.Get($"/api/selections/{selection}/board?sort=due");

        Assert.Equal([overdue, soon, far, none], column.Cards().Select(c => c.Int("personId")));
        var problem = await refused.ShouldBeInvalid("sort");
        Assert.Contains("nextFollowUp", problem.ToJsonString());
    }
}

public sealed class BoardFollowUpApiTestsOnSqlite(SqliteApp app) : BoardFollowUpApiTests(app), IClassFixture<SqliteApp>;

public sealed class BoardFollowUpApiTestsOnPostgres(PostgresApp app) : BoardFollowUpApiTests(app), IClassFixture<PostgresApp>;
