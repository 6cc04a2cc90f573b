using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.FollowUps;

/// <summary>
/// My day (GET /api/me/day) with the app's clock stopped on Wednesday 24 March 2027, 12:00 UTC: 13:00
/// in Amsterdam (CET), 08:00 in New York (EDT), 21:00 in Tokyo. Europe moves to summer time on
/// Sunday 28 March, inside the next seven days. Each test has owners of its own, so buckets do not mix.
/// </summary>
public abstract class MyDayApiTests(LeadwerkApp app)
{
    public static readonly DateTimeOffset Now = new(2027, 3, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    [Fact]
    public async Task AFollowUpAtHalfPastElevenInAmsterdamIsTodayThereButTomorrowInTokyo()
    {
        var amsterdam = await Owner("Europe/Amsterdam");
        var newYork = await Owner("America/New_York");
        var tokyo = await Owner("Asia/Tokyo");
        var halfPastEleven = new DateTimeOffset(2027, 3, 24, 23, 30, 0, Cet);
        var halfPastMidnight = new DateTimeOffset(2027, 3, 25, 0, 30, 0, Cet);

        var inAmsterdam = await amsterdam.Plan(halfPastEleven);
        var afterMidnightInAmsterdam = await amsterdam.Plan(halfPastMidnight);
        var inNewYork = await newYork.Plan(halfPastEleven);
        var afterMidnightInNewYork = await newYork.Plan(halfPastMidnight);
        var inTokyo = await tokyo.Plan(halfPastEleven);

        var amsterdamDay = await amsterdam.Day();
        Assert.Equal("Europe/Amsterdam", amsterdamDay.Str("timeZone"));
        Assert.Equal("2027-03-24", amsterdamDay.Str("date"));
        Assert.Equal([inAmsterdam], amsterdamDay["today"]!.Ids());
        Assert.Equal([afterMidnightInAmsterdam], amsterdamDay["next7"]!.Ids());
        Assert.Empty(amsterdamDay["overdue"]!.Ids());

        // 18:30 and 19:30 the same evening in New York.
        var newYorkDay = await newYork.Day();
        Assert.Equal([inNewYork, afterMidnightInNewYork], newYorkDay["today"]!.Ids());
        Assert.Empty(newYorkDay["next7"]!.Ids());

        // 07:30 on Thursday in Tokyo, where it is Wednesday evening now.
        var tokyoDay = await tokyo.Day();
        Assert.Equal("2027-03-24", tokyoDay.Str("date"));
        Assert.Empty(tokyoDay["today"]!.Ids());
        Assert.Equal([inTokyo], tokyoDay["next7"]!.Ids());
    }

    [Fact]
    public async Task ATimedFollowUpWhoseMomentHasPassedIsOverdueInEveryZoneThoughItIsStillTodayThere()
    {
        var newYork = await Owner("America/New_York");
        var tokyo = await Owner("Asia/Tokyo");
        var anHourAgo = Now.AddHours(-1);

        var missedInNewYork = await newYork.Plan(anHourAgo.ToOffset(TimeSpan.FromHours(-4)));
        var missedInTokyo = await tokyo.Plan(anHourAgo.ToOffset(TimeSpan.FromHours(9)));
        var laterInTokyo = await tokyo.Plan(Now.AddHours(1));

        var newYorkDay = await newYork.Day();
        Assert.Equal([missedInNewYork], newYorkDay["overdue"]!.Ids());
        Assert.True(newYorkDay["overdue"]!["items"]![0]!.Bool("overdue"));
        Assert.Empty(newYorkDay["today"]!.Ids());
        var tokyoDay = await tokyo.Day();
        Assert.Equal([missedInTokyo], tokyoDay["overdue"]!.Ids());
        Assert.Equal([laterInTokyo], tokyoDay["today"]!.Ids());
    }

    [Fact]
    public async Task AllDayFollowUpsStayOnTheirDayInTheOwnersZone()
    {
        var amsterdam = await Owner("Europe/Amsterdam");
        var tokyo = await Owner("Asia/Tokyo");

        var yesterday = await amsterdam.PlanAllDay(2027, 3, 23);
        var today = await amsterdam.PlanAllDay(2027, 3, 24);
        var tomorrow = await amsterdam.PlanAllDay(2027, 3, 25);
        var lastOfTheWeek = await amsterdam.PlanAllDay(2027, 3, 31);
        await amsterdam.PlanAllDay(2027, 4, 1);
        var todayInTokyo = await tokyo.PlanAllDay(2027, 3, 24);
        var tomorrowInTokyo = await tokyo.PlanAllDay(2027, 3, 25);

        var day = await amsterdam.Day();
        Assert.Equal([yesterday], day["overdue"]!.Ids());
        Assert.Equal([today], day["today"]!.Ids());
        Assert.Equal([tomorrow, lastOfTheWeek], day["next7"]!.Ids());
        var item = day["today"]!["items"]![0]!;
        Assert.True(item.Bool("allDay"));
        Assert.False(item.Bool("overdue"));
        Assert.Equal(new DateTime(2027, 3, 23, 23, 0, 0, DateTimeKind.Utc), item["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
        var tokyoDay = await tokyo.Day();
        Assert.Equal([todayInTokyo], tokyoDay["today"]!.Ids());
        Assert.Equal([tomorrowInTokyo], tokyoDay["next7"]!.Ids());
    }

    [Fact]
    public async Task InTheWeekSummerTimeStartsTheNextSevenDaysEndAtMidnightSummerTime()
    {
        var amsterdam = await Owner("Europe/Amsterdam");

        var sunday = await amsterdam.PlanAllDay(2027, 3, 28);
        var sundayAfterTheChange = await amsterdam.Plan(new DateTimeOffset(2027, 3, 28, 3, 30, 0, Cest));
        var monday = await amsterdam.Plan(new DateTimeOffset(2027, 3, 29, 9, 0, 0, Cest));
        var lastEvening = await amsterdam.Plan(new DateTimeOffset(2027, 3, 31, 23, 30, 0, Cest));

        // 22:30 UTC on the 31st: inside the week if its end were midnight in winter time (23:00 UTC).
        await amsterdam.Plan(new DateTimeOffset(2027, 4, 1, 0, 30, 0, Cest));

        var next7 = (await amsterdam.Day())["next7"]!;
        Assert.Equal([sunday, sundayAfterTheChange, monday, lastEvening], next7.Ids());
        Assert.Equal(4, next7.Int("count"));
        var items = next7["items"]!.AsArray();
        Assert.Equal(new DateTime(2027, 3, 27, 23, 0, 0, DateTimeKind.Utc), items[0]!["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(new DateTime(2027, 3, 29, 7, 0, 0, DateTimeKind.Utc), items[2]!["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Fact]
    public async Task CountsAreExactWhenABucketHasMoreThanTheItemsItShows()
    {
        var owner = await Owner("Europe/Amsterdam");
        const int overdue = 205;
        var planned = new List<int>();
        for (var minutes = overdue; minutes >= 1; minutes--)
        {
            planned.Add(await owner.Plan(Now.AddMinutes(-minutes)));
        }

        await owner.Plan(Now.AddHours(2));

        var day = await owner.Day();
        Assert.Equal(overdue, day["overdue"]!.Int("count"));
        Assert.Equal(planned.Take(200), day["overdue"]!.Ids());
        Assert.Equal(1, day["today"]!.Int("count"));
        var rest = await owner.User.Client.GetOk(
            $"/api/follow-ups?ownerId={owner.User.Id}&due=overdue&limit=200&cursor={(await owner.User.Client.GetOk($"/api/follow-ups?ownerId={owner.User.Id}&due=overdue&limit=200")).Str("nextCursor")}");
        Assert.Equal(planned.Skip(200), rest["items"]!.Items().Select(i => i.Int("id")));
    }

    [Fact]
    public async Task APlainUserCannotLookAtAColleaguesDayButAnAdministratorCan()
    {
        var owner = await Owner("Europe/Amsterdam");
        var colleague = await app.NewUser();
        var planned = await owner.Plan(Now.AddHours(2));

        await (await colleague.Client.Get($"/api/me/day?ownerId={owner.User.Id}")).ShouldBeProblem(403, "forbidden");
        var own = await owner.User.Client.GetOk($"/api/me/day?ownerId={owner.User.Id}");
        var asAdmin = await (await app.Admin()).GetOk($"/api/me/day?ownerId={owner.User.Id}");

        Assert.Equal([planned], own["today"]!.Ids());
        Assert.Equal(owner.User.Id, asAdmin.Int("ownerId"));
        Assert.Equal("Europe/Amsterdam", asAdmin.Str("timeZone"));
        Assert.Equal([planned], asAdmin["today"]!.Ids());
    }

    [Fact]
    public async Task TheTypeFilterCountsAndListsOnlyThatType()
    {
        var owner = await Owner("Europe/Amsterdam");
        var call = await owner.Plan(Now.AddHours(1), "call");
        var email = await owner.Plan(Now.AddHours(2), "email");
        await owner.Plan(Now.AddHours(-2), "meeting");
        var emailType = (await owner.User.Client.GetOk("/api/follow-up-types")).Items().Single(t => t.Str("key") == "email").Int("id");

        var all = await owner.Day();
        var emails = await owner.User.Client.GetOk($"/api/me/day?typeId={emailType}");

        Assert.Equal([call, email], all["today"]!.Ids());
        Assert.Equal(1, all["overdue"]!.Int("count"));
        Assert.Equal([email], emails["today"]!.Ids());
        Assert.Equal(1, emails["today"]!.Int("count"));
        Assert.Equal(0, emails["overdue"]!.Int("count"));
    }

    private async Task<Owner> Owner(string zone)
    {
        var user = await app.NewUser();
        await user.Client.SetTimeZone(zone);
        var person = await user.Client.CreatePerson(null);
        return new Owner(user, person.Int("id"));
    }
}

/// <summary>A user in a time zone with a person of their own, planning follow-ups they own.</summary>
internal sealed record Owner(TestUser User, int PersonId)
{
    public async Task<int> Plan(DateTimeOffset due, string type = "call") =>
        (await User.Client.PlanFollowUp(PersonId, due, type)).Int("id");

    public async Task<int> PlanAllDay(int year, int month, int day) =>
        (await User.Client.PlanFollowUp(PersonId, new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), allDay: true)).Int("id");

    public Task<JsonNode> Day() => User.Client.GetOk("/api/me/day");
}

/// <summary>An app of its own, as its clock stands still at <see cref="MyDayApiTests.Now"/> before anyone logs in.</summary>
public sealed class MyDaySqliteApp : SqliteApp
{
    public MyDaySqliteApp() => Clock.StopAt(MyDayApiTests.Now);
}

public sealed class MyDayPostgresApp : PostgresApp
{
    public MyDayPostgresApp() => Clock.StopAt(MyDayApiTests.Now);
}

public sealed class MyDayApiTestsOnSqlite(MyDaySqliteApp app) : MyDayApiTests(app), IClassFixture<MyDaySqliteApp>;

public sealed class MyDayApiTestsOnPostgres(MyDayPostgresApp app) : MyDayApiTests(app), IClassFixture<MyDayPostgresApp>;
