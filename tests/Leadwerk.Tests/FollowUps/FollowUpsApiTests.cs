using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.FollowUps;

/// <summary>Follow-ups over the API (F15): plan, change, complete with the next one and a status, and the person's columns.</summary>
public abstract class FollowUpsApiTests(LeadwerkApp app)
{
    private DateTimeOffset Now => app.Clock.GetUtcNow();

    [Fact]
    public async Task AFollowUpIsPlannedForAPersonAndTheOwnerDefaultsToThePersonsOwner()
    {
        var admin = await app.Admin();
        var colleague = await app.NewUser();
        var person = await admin.CreatePerson(null);
        var personId = person.Int("id");
        await admin.PatchPerson(personId, new { ownerId = colleague.Id });

        var created = await admin.PostJson("/api/follow-ups", new
        {
            personId, type = "meeting", title = "Demo", dueAt = "2031-05-06T14:00:00+02:00", durationMinutes = 45, notes = "Bring the deck",
        });

        var f = await created.ShouldBe(201);
        Assert.Equal($"/api/follow-ups/{f.Int("id")}", created.Headers.Location?.ToString());
        Assert.Equal("meeting", f.Str("type"));
        Assert.Equal("Meeting", f.Str("typeName"));
        Assert.Equal(new DateTime(2031, 5, 6, 12, 0, 0, DateTimeKind.Utc), f["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(colleague.Id, f.IntOrNull("ownerId"));
        Assert.Equal("open", f.Str("status"));
        Assert.False(f.Bool("overdue"));
        var fetched = await admin.GetPerson(personId);
        Assert.Equal(1, fetched.Int("openFollowUps"));
        Assert.Equal(new DateTime(2031, 5, 6, 12, 0, 0, DateTimeKind.Utc), fetched["nextFollowUpAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Fact]
    public async Task WithoutAnOwnerOnThePersonTheFollowUpIsMine()
    {
        var user = await app.NewUser();
        var person = await user.Client.CreatePerson(null);

        var f = await user.Client.PlanFollowUp(person.Int("id"), Now.AddDays(2), type: "task", title: " ");

        Assert.Equal(user.Id, f.IntOrNull("ownerId"));
        Assert.Equal("Task", f.Str("title"));
    }

    [Fact]
    public async Task BadInputIsRefusedWithTheFieldAndNothingIsWritten()
    {
        var admin = await app.Admin();
        var personId = (await admin.CreatePerson(null)).Int("id");
        var before = await app.Snapshot();

        await (await admin.PostJson("/api/follow-ups", new { personId = 987654, type = "call", dueAt = "2031-01-01" })).ShouldBeInvalid("personId");
        await (await admin.PostJson("/api/follow-ups", new { personId, type = "fax", dueAt = "2031-01-01" })).ShouldBeInvalid("type");
        await (await admin.PostJson("/api/follow-ups", new { personId, type = "call", dueAt = "2031-01-01T10:00:00" })).ShouldBeInvalid("dueAt");
        await (await admin.PostJson("/api/follow-ups", new { personId, type = "call", dueAt = "tomorrow" })).ShouldBeInvalid("dueAt");
        await (await admin.PostJson("/api/follow-ups", new { personId, type = "call" })).ShouldBeInvalid("dueAt");
        await (await admin.PostJson("/api/follow-ups", new { personId, type = "call", dueAt = "2031-01-01", allDay = false })).ShouldBeInvalid("dueAt");
        await (await admin.PostJson("/api/follow-ups", new { personId, type = "call", dueAt = "9999-01-01T10:00:00Z" })).ShouldBeInvalid("dueAt");
        await (await admin.PostJson("/api/follow-ups", new { personId, type = "call", dueAt = "2031-01-01", durationMinutes = 0 })).ShouldBeInvalid("durationMinutes");
        await (await admin.PostJson("/api/follow-ups", new { personId, type = "call", dueAt = "2031-01-01", title = new string('t', 201) })).ShouldBeInvalid("title");
        await (await admin.PostJson("/api/follow-ups", new { personId, type = "call", dueAt = "2031-01-01", ownerId = 987654 })).ShouldBeInvalid("ownerId");
        await (await admin.PostJson("/api/follow-ups", new { personId, type = new[] { 1 }, dueAt = "2031-01-01" })).ShouldBeProblem(400, "malformedRequest");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task AnAllDayFollowUpIsDueAtTheStartOfItsDayInTheOwnersTimeZone()
    {
        var user = await app.NewUser();
        await user.Client.SetTimeZone("Europe/Amsterdam");
        var personId = (await user.Client.CreatePerson(null)).Int("id");

        var summer = await (await user.Client.PostJson("/api/follow-ups", new { personId, type = "task", dueAt = "2031-07-01" })).ShouldBe(201);
        var dstDay = await (await user.Client.PostJson("/api/follow-ups", new { personId, type = "task", dueAt = "2031-03-30T18:00:00-05:00", allDay = true })).ShouldBe(201);

        Assert.True(summer.Bool("allDay"));
        Assert.Equal(new DateTime(2031, 6, 30, 22, 0, 0, DateTimeKind.Utc), summer["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(new DateTime(2031, 3, 29, 23, 0, 0, DateTimeKind.Utc), dstDay["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Fact]
    public async Task ATimeZoneIsAnIanaNameAndAnUnknownOneIsRefused()
    {
        var user = await app.NewUser();
        var me = await user.Client.Get("/api/users/me");

        await (await user.Client.PatchJson("/api/users/me", new { timeZone = "Mars/Olympus" }, me.ETag())).ShouldBeInvalid("timeZone");
        await user.Client.SetTimeZone("America/New_York");

        Assert.Equal("America/New_York", (await user.Client.GetOk("/api/users/me")).Str("timeZone"));
        Assert.Equal("America/New_York", (await user.Client.GetOk("/api/me/day")).Str("timeZone"));
    }

    [Fact]
    public async Task APastFollowUpIsAcceptedAndMarkedOverdue()
    {
        var admin = await app.Admin();
        var personId = (await admin.CreatePerson(null)).Int("id");

        var f = await admin.PlanFollowUp(personId, Now.AddDays(-3));

        Assert.True(f.Bool("overdue"));
        var overdue = await admin.GetOk($"/api/follow-ups?personId={personId}&due=overdue");
        Assert.Equal([f.Int("id")], overdue["items"]!.Items().Select(i => i.Int("id")));
    }

    [Fact]
    public async Task AFollowUpIsChangedWithItsETagAndDeletedWhichRecomputesThePerson()
    {
        var admin = await app.Admin();
        var personId = (await admin.CreatePerson(null)).Int("id");
        var later = await admin.PlanFollowUp(personId, Now.AddDays(10));
        var sooner = await admin.PlanFollowUp(personId, Now.AddDays(5));
        var url = $"/api/follow-ups/{sooner.Int("id")}";
        var fetched = await admin.Get(url);

        var changed = await (await admin.PatchJson(url, new { dueAt = Now.AddDays(20).ToString("O"), type = "email" }, fetched.ETag())).ShouldBe(200);
        await (await admin.PatchJson(url, new { title = "Stale" }, fetched.ETag())).ShouldBeProblem(412, "preconditionFailed");

        Assert.Equal("email", changed.Str("type"));
        Assert.Equal(later["dueAt"]!.GetValue<DateTime>(), (await admin.GetPerson(personId))["nextFollowUpAt"]!.GetValue<DateTime>());
        await (await admin.Delete($"/api/follow-ups/{later.Int("id")}")).ShouldBe(204);
        var person = await admin.GetPerson(personId);
        Assert.Equal(1, person.Int("openFollowUps"));
        Assert.Equal(changed["dueAt"]!.GetValue<DateTime>(), person["nextFollowUpAt"]!.GetValue<DateTime>());
        await (await admin.Get($"/api/follow-ups/{later.Int("id")}")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task CompletingPlansTheNextAndChangesTheLeadStatusInOneGo()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var personId = (await admin.CreatePerson(company.Int("id"))).Int("id");
        var contacting = await admin.StatusId("Contacting");
        var first = await admin.PlanFollowUp(personId, Now.AddHours(-1));

        var done = await (await admin.PostJson($"/api/follow-ups/{first.Int("id")}/complete", new
        {
            outcome = "Reached her; wants a demo",
            next = new { type = "meeting", title = "Demo", dueAt = Now.AddDays(3).ToString("O") },
            leadStatusId = contacting,
        })).ShouldBe(200);

        Assert.Equal("done", done["completed"]!.Str("status"));
        Assert.Equal("Reached her; wants a demo", done["completed"]!.Str("outcome"));
        Assert.NotNull(done["completed"]!.IntOrNull("completedById"));
        Assert.Equal("Demo", done["next"]!.Str("title"));
        var person = await admin.GetPerson(personId);
        Assert.Equal(contacting, person.IntOrNull("leadStatusId"));
        Assert.Equal(1, person.Int("openFollowUps"));
        Assert.Equal(done["next"]!["dueAt"]!.GetValue<DateTime>(), person["nextFollowUpAt"]!.GetValue<DateTime>());
        Assert.NotNull(person["lastActivityAt"]);
        await (await admin.PostJson($"/api/follow-ups/{first.Int("id")}/complete", new { outcome = "again" })).ShouldBeProblem(409, "followUpAlreadyDone");
    }

    [Fact]
    public async Task ARefusedStatusChangeLeavesTheFollowUpOpenAndPlansNothing()
    {
        var admin = await app.Admin();
        var customer = await admin.CreateCompany("Customer");
        var personId = (await admin.CreatePerson(customer.Int("id"))).Int("id");
        var f = await admin.PlanFollowUp(personId, Now.AddDays(1));
        var before = await app.Snapshot();

        await (await admin.PostJson($"/api/follow-ups/{f.Int("id")}/complete", new
        {
            outcome = "Called",
            next = new { type = "call", dueAt = Now.AddDays(8).ToString("O") },
            leadStatusId = await admin.StatusId("Qualified"),
        })).ShouldBeProblem(409, "leadStatusNotActive");
        await (await admin.PostJson($"/api/follow-ups/{f.Int("id")}/complete", new
        {
            outcome = "Called", next = new { type = "call", dueAt = "next week" },
        })).ShouldBeInvalid("next.dueAt");

        await app.AssertUnchangedSince(before);
        Assert.Equal("open", (await admin.GetOk($"/api/follow-ups/{f.Int("id")}")).Str("status"));
    }

    [Fact]
    public async Task ACompletedFollowUpCanBeReopenedByMistake()
    {
        var admin = await app.Admin();
        var personId = (await admin.CreatePerson(null)).Int("id");
        var f = await admin.PlanFollowUp(personId, Now.AddDays(1));
        await (await admin.PostJson($"/api/follow-ups/{f.Int("id")}/complete", new { outcome = "Oops" })).ShouldBe(200);
        Assert.Equal(0, (await admin.GetPerson(personId)).Int("openFollowUps"));

        var reopened = await (await admin.PostJson($"/api/follow-ups/{f.Int("id")}/reopen", null)).ShouldBe(200);

        Assert.Equal("open", reopened.Str("status"));
        Assert.Null(reopened.Str("outcome"));
        Assert.Equal(1, (await admin.GetPerson(personId)).Int("openFollowUps"));
    }

    [Fact]
    public async Task FollowUpsPlannedAtTheSameTimeForOnePersonAreAllCounted()
    {
        var admin = await app.Admin();
        var personId = (await admin.CreatePerson(null)).Int("id");

        var planned = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            admin.PostJson("/api/follow-ups", new { personId, type = "call", dueAt = Now.AddDays(10 - i).ToString("O") })));

        Assert.All(planned, r => Assert.Equal(201, (int)r.StatusCode));
        var person = await admin.GetPerson(personId);
        Assert.Equal(8, person.Int("openFollowUps"));
        var soonest = (await admin.GetOk($"/api/follow-ups?personId={personId}&limit=1"))["items"]!.Items().Single();
        Assert.Equal(soonest["dueAt"]!.GetValue<DateTime>(), person["nextFollowUpAt"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task DeletingAPersonTakesItsFollowUpsWithIt()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePerson(null);
        var f = await admin.PlanFollowUp(person.Int("id"), Now.AddDays(1));

        await (await admin.Delete($"/api/persons/{person.Int("id")}")).ShouldBe(204);

        await (await admin.Get($"/api/follow-ups/{f.Int("id")}")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task TheListPagesByDueDateAndDoneOnesNewestFirst()
    {
        var admin = await app.Admin();
        var personId = (await admin.CreatePerson(null)).Int("id");
        var planned = new List<int>();
        for (var i = 5; i >= 1; i--)
        {
            planned.Insert(0, (await admin.PlanFollowUp(personId, Now.AddDays(i))).Int("id"));
        }

        var first = await admin.GetOk($"/api/follow-ups?personId={personId}&due=open&limit=3");
        var second = await admin.GetOk($"/api/follow-ups?personId={personId}&due=open&limit=3&cursor={first.Str("nextCursor")}");
        foreach (var id in planned.Take(2))
        {
            await (await admin.PostJson($"/api/follow-ups/{id}/complete", new { outcome = "ok" })).ShouldBe(200);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var done = await admin.GetOk($"/api/follow-ups?personId={personId}&due=done");

        Assert.Equal(planned, first["items"]!.Items().Concat(second["items"]!.Items()).Select(i => i.Int("id")));
        Assert.Null(second.Str("nextCursor"));
        Assert.Equal([planned[1], planned[0]], done["items"]!.Items().Select(i => i.Int("id")));
        await (await admin.Get("/api/follow-ups?due=someday")).ShouldBeInvalid("due");
        await (await admin.Get("/api/follow-ups?cursor=nonsense")).ShouldBeProblem(400, "invalidCursor");
    }

    [Fact]
    public async Task TheFourSeededTypesComeInBothLanguagesAndAnAdminAddsAndDeletesOne()
    {
        var admin = await app.Admin();
        var english = (await admin.GetOk("/api/follow-up-types?includeDeleted=true")).Items().Take(4).Select(t => (t.Str("key"), t.Str("name")));
        var dutch = (await admin.GetOk("/api/follow-up-types?includeDeleted=true", "nl")).Items().Take(4).Select(t => t.Str("name"));
        var name = Unique.Name("Visit");

        var type = await (await admin.PostJson("/api/follow-up-types", new { names = new { en = name, nl = name + " nl" } })).ShouldBe(201);
        var personId = (await admin.CreatePerson(null)).Int("id");
        var f = await admin.PlanFollowUp(personId, Now.AddDays(1), type: type.Int("id").ToString());
        await (await admin.Delete($"/api/follow-up-types/{type.Int("id")}")).ShouldBe(204);

        Assert.Equal([("call", "Call"), ("email", "E-mail"), ("meeting", "Meeting"), ("task", "Task")], english);
        Assert.Equal(["Bellen", "E-mail", "Afspraak", "Taak"], dutch);
        Assert.Equal(name, (await admin.GetOk($"/api/follow-ups/{f.Int("id")}")).Str("typeName"));
        await (await admin.PostJson("/api/follow-ups", new { personId, type = type.Int("id"), dueAt = "2031-01-01" })).ShouldBeInvalid("type");
        var user = (await app.NewUser()).Client;
        await (await user.PostJson("/api/follow-up-types", new { name = Unique.Name("Mine") })).ShouldBeProblem(403, "forbidden");
    }
}

public sealed class FollowUpsApiTestsOnSqlite(SqliteApp app) : FollowUpsApiTests(app), IClassFixture<SqliteApp>;

public sealed class FollowUpsApiTestsOnPostgres(PostgresApp app) : FollowUpsApiTests(app), IClassFixture<PostgresApp>;
