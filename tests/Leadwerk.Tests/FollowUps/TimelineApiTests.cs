using Leadwerk.Tests.Infrastructure;
using Leadwerk.Tests.Sales;

namespace Leadwerk.Tests.FollowUps;

/// <summary>A person's timeline (F15): everything that happened and is planned, newest first, filterable, paged.</summary>
public abstract class TimelineApiTests(LeadwerkApp app)
{
    private DateTimeOffset Now => app.Clock.GetUtcNow();

    [Fact]
    public async Task TheTimelineShowsStatusChangesFollowUpsAndSalesNewestFirst()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var personId = (await admin.CreatePerson(company.Int("id"))).Int("id");
        var call = await admin.PlanFollowUp(personId, Now.AddHours(-1), title: "First call");
        await (await admin.PostJson($"/api/follow-ups/{call.Int("id")}/complete", new
        {
            outcome = "Wants a demo", leadStatusId = await admin.StatusId("Contacting"),
            next = new { type = "meeting", title = "Demo", dueAt = Now.AddDays(3).ToString("O") },
        })).ShouldBe(200);
        await admin.CreateSale(company.Int("id"), personId, title: "Licences");

        var timeline = (await admin.GetOk($"/api/persons/{personId}/timeline"))["items"]!.Items();

        // The status change came of completing, at the same moment: it is the newer of the two.
        Assert.Equal(["followUpPlanned", "sale", "statusChange", "followUpDone", "statusChange"], timeline.Select(i => i.Str("kind")));
        Assert.Contains("Demo", timeline[0].Str("title"));
        Assert.Contains("Contacting", timeline[2].Str("title"));
        Assert.Contains("First call", timeline[3].Str("title"));
        Assert.Equal("Wants a demo", timeline[3].Str("detail"));
        var dates = timeline.Select(i => i["at"]!.GetValue<DateTime>()).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task TheTimelineFiltersByKindAndPagesWithoutLosingOrRepeatingEntries()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var personId = (await admin.CreatePerson(company.Int("id"))).Int("id");
        for (var i = 0; i < 7; i++)
        {
            await admin.PlanFollowUp(personId, Now.AddDays(i % 3));
        }

        var first = await admin.GetOk($"/api/persons/{personId}/timeline?limit=3");
        var all = first["items"]!.Items().ToList();
        var cursor = first.Str("nextCursor");
        while (cursor is not null)
        {
            var page = await admin.GetOk($"/api/persons/{personId}/timeline?limit=3&cursor={cursor}");
            all.AddRange(page["items"]!.Items());
            cursor = page.Str("nextCursor");
        }

        var onlyFollowUps = (await admin.GetOk($"/api/persons/{personId}/timeline?kinds=followUp"))["items"]!.Items();

        Assert.Equal(8, all.Count);
        Assert.Equal(8, all.Select(i => (i.Str("kind"), i.Int("id"))).Distinct().Count());
        Assert.Equal(7, onlyFollowUps.Count);
        await (await admin.Get($"/api/persons/{personId}/timeline?kinds=letters")).ShouldBeInvalid("kinds");
        await (await admin.Get("/api/persons/987654/timeline")).ShouldBeProblem(404, "notFound");
    }
}

public sealed class TimelineApiTestsOnSqlite(SqliteApp app) : TimelineApiTests(app), IClassFixture<SqliteApp>;

public sealed class TimelineApiTestsOnPostgres(PostgresApp app) : TimelineApiTests(app), IClassFixture<PostgresApp>;
