using System.Text.Json.Nodes;
using Ical.Net.CalendarComponents;
using Leadwerk.Tests.Infrastructure;
using Calendar = Ical.Net.Calendar;

namespace Leadwerk.Tests.FollowUps;

/// <summary>The personal calendar feed (F15): a secret address, read back by the calendar library a subscriber's app would use.</summary>
public abstract class CalendarFeedApiTests(LeadwerkApp app)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    [Fact]
    public async Task TheFeedIsOffUntilTheUserTurnsItOnAndThenHoldsTheirFollowUpsAsEvents()
    {
        var user = await app.NewUser();
        var companyName = Unique.Name("Feed Co");
        var company = (await user.Client.CreateCompany("Lead", companyName)).Int("id");
        var person = await user.Client.CreatePerson(company, lastName: "Visser", firstName: "Eva");
        var personId = person.Int("id");
        Assert.Null((await user.Client.GetOk("/api/users/me/calendar")).Str("url"));

        var due = new DateTimeOffset(Now.UtcDateTime.Date.AddDays(3).AddHours(13), TimeSpan.Zero);
        var meeting = await (await user.Client.PostJson("/api/follow-ups", new
        {
            personId, type = "meeting", title = "Demo", dueAt = due.ToString("yyyy-MM-ddTHH:mm:sszzz"), durationMinutes = 45, notes = "Bring the deck",
        })).ShouldBe(201);
        var call = await user.Client.PlanFollowUp(personId, due.AddDays(1), title: "Call back");
        var url = (await (await user.Client.PostJson("/api/users/me/calendar", null)).ShouldBe(200)).Str("url")!;
        var events = await Feed(url);

        Assert.Matches("^http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics$", url);
        Assert.Equal(url, (await user.Client.GetOk("/api/users/me/calendar")).Str("url"));
        var e = events[$"followup-{meeting.Int("id")}@leadwerk"];
        Assert.Equal($"Meeting: Demo – Eva Visser ({companyName})", e.Summary);
        Assert.True(e.DtStart!.IsUtc && e.DtStart.HasTime);
        Assert.Equal(due.UtcDateTime, e.DtStart.AsUtc);
        Assert.Equal(due.UtcDateTime.AddMinutes(45), e.DtEnd!.AsUtc);
        Assert.Contains("Bring the deck", e.Description);
        Assert.Contains($"http://localhost/persons/{personId}", e.Description);
        Assert.Equal(new Uri($"http://localhost/persons/{personId}"), e.Url);
        Assert.Equal(meeting.Int("version"), e.Sequence);
        Assert.NotNull(e.DtStamp);
        Assert.NotNull(e.LastModified);
        var c = events[$"followup-{call.Int("id")}@leadwerk"];
        Assert.Equal(TimeSpan.FromMinutes(30), c.DtEnd!.AsUtc - c.DtStart!.AsUtc);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task AllDayFollowUpsAreDatesOfTheOwnersZoneAndTimedOnesKeepTheirInstantAcrossTheDaylightSavingChange()
    {
        var user = await app.NewUser();
        await user.Client.SetTimeZone("Europe/Amsterdam");
        var personId = (await user.Client.CreatePerson(null)).Int("id");
        var change = NextSpringForward();
        var before = new DateTimeOffset(change.AddDays(-1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1));
        var after = new DateTimeOffset(change.AddDays(1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(2));

        var timedBefore = await user.Client.PlanFollowUp(personId, before);
        var timedAfter = await user.Client.PlanFollowUp(personId, after);
        var onTheDay = await user.Client.PlanFollowUp(personId, new DateTimeOffset(change.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), allDay: true);
        var dayAfter = await user.Client.PlanFollowUp(personId, new DateTimeOffset(change.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), allDay: true);
        var events = await Feed(await TurnOn(user.Client));

        Assert.Equal(before.UtcDateTime, Event(events, timedBefore).DtStart!.AsUtc);
        Assert.Equal(9, Event(events, timedBefore).DtStart!.AsUtc.Hour);
        Assert.Equal(after.UtcDateTime, Event(events, timedAfter).DtStart!.AsUtc);
        Assert.Equal(8, Event(events, timedAfter).DtStart!.AsUtc.Hour);
        foreach (var (followUp, day) in new[] { (onTheDay, change), (dayAfter, change.AddDays(1)) })
        {
            var e = Event(events, followUp);
            Assert.True(e.IsAllDay);
            Assert.False(e.DtStart!.HasTime);
            Assert.Equal(day, e.DtStart.Date);
            Assert.Equal(day.AddDays(1), e.DtEnd!.Date);
        }
    }

    [Fact]
    public async Task ADoneFollowUpIsMarkedDoneWithItsOutcomeAndFollowUpsOutsideTheWindowAreLeftOut()
    {
        var user = await app.NewUser();
        var personId = (await user.Client.CreatePerson(null)).Int("id");
        var done = await user.Client.PlanFollowUp(personId, Now.AddHours(2), title: "Quote");
        await (await user.Client.PostJson($"/api/follow-ups/{done.Int("id")}/complete", new { outcome = "Sent the quote" })).ShouldBe(200);
        var open = await user.Client.PlanFollowUp(personId, Now.AddDays(-2), title: "Late");
        var tooOld = await user.Client.PlanFollowUp(personId, Now.AddDays(-40));
        var tooFar = await user.Client.PlanFollowUp(personId, Now.AddDays(400));

        var events = await Feed(await TurnOn(user.Client));

        var e = Event(events, done);
        Assert.StartsWith("✓ Call: Quote", e.Summary);
        Assert.Contains("Done", e.Categories);
        Assert.Equal("TRANSPARENT", e.Transparency);
        Assert.Contains("Sent the quote", e.Description);
        var late = Event(events, open);
        Assert.Empty(late.Categories);
        Assert.Equal("OPAQUE", late.Transparency);
        Assert.DoesNotContain($"followup-{tooOld.Int("id")}@leadwerk", events.Keys);
        Assert.DoesNotContain($"followup-{tooFar.Int("id")}@leadwerk", events.Keys);
    }

    [Fact]
    public async Task AResetOrSwitchedOffAddressIsNotFoundAndSoIsAnyGuess()
    {
        var user = await app.NewUser();
        var old = await TurnOn(user.Client);
        using var anonymous = app.Anonymous();
        Assert.Equal(200, (int)(await anonymous.Get(Path(old))).StatusCode);

        var reset = await TurnOn(user.Client);

        Assert.NotEqual(old, reset);
        Assert.Equal(404, (int)(await anonymous.Get(Path(old))).StatusCode);
        Assert.Equal(200, (int)(await anonymous.Get(Path(reset))).StatusCode);
        await (await user.Client.Delete("/api/users/me/calendar")).ShouldBe(204);
        Assert.Equal(404, (int)(await anonymous.Get(Path(reset))).StatusCode);
        Assert.Null((await user.Client.GetOk("/api/users/me/calendar")).Str("url"));
        Assert.Equal(404, (int)(await anonymous.Get("/calendar/" + new string('A', 43) + ".ics")).StatusCode);
        Assert.Equal(404, (int)(await anonymous.Get("/calendar/short.ics")).StatusCode);
        Assert.Equal(401, (int)(await anonymous.PostJson("/api/users/me/calendar", null)).StatusCode);
    }

    [Fact]
    public async Task EachUsersFeedShowsOnlyTheirOwnFollowUpsInTheirLanguage()
    {
        var anna = await app.NewUser(language: "nl");
        var bram = await app.NewUser();
        var personId = (await anna.Client.CreatePerson(null)).Int("id");
        var annas = await anna.Client.PlanFollowUp(personId, Now.AddDays(2), title: "Bellen");
        var brams = await anna.Client.PlanFollowUp(personId, Now.AddDays(2), ownerId: bram.Id);

        var annaEvents = await Feed(await TurnOn(anna.Client));
        var bramEvents = await Feed(await TurnOn(bram.Client));

        Assert.Equal([$"followup-{annas.Int("id")}@leadwerk"], annaEvents.Keys);
        Assert.Equal([$"followup-{brams.Int("id")}@leadwerk"], bramEvents.Keys);
        Assert.StartsWith("Bellen: Bellen – ", annaEvents.Values.Single().Summary);
        Assert.StartsWith("Call: ", bramEvents.Values.Single().Summary);
    }

    [Fact]
    public async Task ADisabledUsersFeedIsNotFound()
    {
        var user = await app.NewUser();
        var url = await TurnOn(user.Client);
        var admin = await app.Admin();
        var current = await admin.Get($"/api/users/{user.Id}");

        await (await admin.PatchJson($"/api/users/{user.Id}", new { disabled = true }, current.ETag())).ShouldBe(200);

        using var anonymous = app.Anonymous();
        Assert.Equal(404, (int)(await anonymous.Get(Path(url))).StatusCode);
    }

    private static async Task<string> TurnOn(HttpClient client) =>
        (await (await client.PostJson("/api/users/me/calendar", null)).ShouldBe(200)).Str("url")!;

    private static string Path(string url) => new Uri(url).AbsolutePath;

    /// <summary>Fetches the feed without credentials, as a calendar app does, and parses it with Ical.Net.</summary>
    private async Task<Dictionary<string, CalendarEvent>> Feed(string url)
    {
        using var anonymous = app.Anonymous();
        var response = await anonymous.Get(Path(url));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var calendar = Calendar.Load(text)!;
        return calendar.Events.ToDictionary(e => e.Uid!);
    }

    private static CalendarEvent Event(Dictionary<string, CalendarEvent> events, JsonNode followUp) => events[$"followup-{followUp.Int("id")}@leadwerk"];

    /// <summary>The next day Amsterdam moves its clocks forward (02:00 → 03:00), at least two days from now so that every follow-up around it lies ahead.</summary>
    private DateOnly NextSpringForward()
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now.UtcDateTime, Amsterdam)).AddDays(2);
        while (Amsterdam.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)) == Amsterdam.GetUtcOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue))
            || Amsterdam.GetUtcOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue)) != TimeSpan.FromHours(2))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}

public sealed class CalendarFeedApiTestsOnSqlite(SqliteApp app) : CalendarFeedApiTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarFeedApiTestsOnPostgres(PostgresApp app) : CalendarFeedApiTests(app), IClassFixture<PostgresApp>;
