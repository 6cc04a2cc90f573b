using System.Text.Json.Nodes;
using Leadwerk.Tests.FollowUps;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Tests.Search;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Bulk;

/// <summary>F15: the bulk action "plan a follow-up": preview, run with each person's owner or a chosen one, undo, refusals.</summary>
public abstract class BulkFollowUpApiTests(LeadwerkApp app)
{
    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private static object Plan(object followUp) => new { field = "person.followUp", op = "plan", followUp };

    [Fact]
    public async Task ThePreviewCountsWhoGetsOneAndWhoHasAnOpenOneAlreadyAndWritesNothing()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        int[] ids = [(await admin.CreatePerson(company)).Int("id"), (await admin.CreatePerson(company)).Int("id"), (await admin.CreatePerson(company)).Int("id")];
        await admin.PlanFollowUp(ids[1], Now.AddDays(2));
        var before = await FollowUpCount();

        var preview = await admin.Preview(Ids("person", [.. ids, 987654]), Plan(new { type = "call", dueAt = "2031-02-03" }));

        Assert.Equal((4, 3, 0, 1), (preview.Int("matched"), preview.Int("toChange"), preview.Int("unchanged"), preview.Int("skippedCount")));
        Assert.Equal(1, preview.Int("alreadyPlanned"));
        Assert.Equal(ids, preview["firstToChange"]!.Items().Select(i => i.GetValue<int>()));
        Assert.Equal(before, await FollowUpCount());
    }

    [Fact]
    public async Task EveryPersonGetsOneOwnedByItsOwnerOrTheRunnerAndUndoRemovesExactlyThose()
    {
        var admin = await app.Admin();
        var runner = await app.NewUser();
        var colleague = await app.NewUser();
        var other = await app.NewUser();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var owned = (await admin.Person(new { companyId = company, lastName = Unique.Name("Owned"), ownerId = colleague.Id })).Int("id");
        var unowned = (await admin.Person(new { companyId = company, lastName = Unique.Name("Unowned") })).Int("id");
        var busy = (await admin.Person(new { companyId = company, lastName = Unique.Name("Busy"), ownerId = other.Id })).Int("id");
        var existing = await admin.PlanFollowUp(busy, new DateTimeOffset(2031, 1, 10, 9, 0, 0, TimeSpan.Zero));
        var busyBefore = await admin.GetPerson(busy);

        var run = await runner.Client.RunBulk(Ids("person", owned, unowned, busy), Plan(new
        {
            type = "email", title = "Send the offer", dueAt = "2031-02-03T10:00:00+01:00", durationMinutes = 20, notes = "Attach the price list",
        }));

        Assert.Equal((3, 3, 0), (run.Int("done"), run.Int("changed"), run.Int("skipped")));
        var planned = new Dictionary<int, JsonNode>();
        foreach (var (person, owner) in new[] { (owned, colleague.Id), (unowned, runner.Id), (busy, other.Id) })
        {
            var f = (await OpenFollowUps(admin, person)).Single(x => x.Str("title") == "Send the offer");
            Assert.Equal(("email", owner, 20, "Attach the price list"), (f.Str("type"), f.Int("ownerId"), f.Int("durationMinutes"), f.Str("notes")));
            Assert.Equal(new DateTime(2031, 2, 3, 9, 0, 0, DateTimeKind.Utc), f["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
            planned[person] = f;
        }

        Assert.Equal(2, (await admin.GetPerson(busy)).Int("openFollowUps"));
        Assert.Equal(1, (await admin.GetPerson(owned)).Int("openFollowUps"));
        Assert.NotNull((await admin.GetPerson(unowned))["nextFollowUpAt"]);

        await (await runner.Client.PostJson($"/api/bulk-updates/{run.Int("id")}/undo", null)).ShouldBe(202);
        var undone = await runner.Client.WaitForState(run.Int("id"), "undone");

        Assert.Equal(0, undone.Int("undoSkipped"));
        foreach (var person in new[] { owned, unowned })
        {
            var after = await admin.GetPerson(person);
            Assert.Equal((0, null), (after.Int("openFollowUps"), after.Str("nextFollowUpAt")));
            Assert.Empty(await OpenFollowUps(admin, person));
        }

        var busyAfter = await admin.GetPerson(busy);
        Assert.Equal((1, busyBefore.Str("nextFollowUpAt")), (busyAfter.Int("openFollowUps"), busyAfter.Str("nextFollowUpAt")));
        Assert.Equal([existing.Int("id")], (await OpenFollowUps(admin, busy)).Select(f => f.Int("id")));
        await (await admin.Get($"/api/follow-ups/{planned[busy].Int("id")}")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task UndoKeepsAFollowUpThatWasDoneSinceAndSaysSo()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        int[] ids = [(await admin.CreatePerson(company)).Int("id"), (await admin.CreatePerson(company)).Int("id")];
        var run = await admin.RunBulk(Ids("person", ids), Plan(new { type = "task", dueAt = "2031-03-01" }));
        var done = (await OpenFollowUps(admin, ids[0])).Single();
        await (await admin.PostJson($"/api/follow-ups/{done.Int("id")}/complete", new { outcome = "Handled" })).ShouldBe(200);

        await (await admin.PostJson($"/api/bulk-updates/{run.Int("id")}/undo", null)).ShouldBe(202);
        var undone = await admin.WaitForState(run.Int("id"), "undone");

        Assert.Equal(1, undone.Int("undoSkipped"));
        Assert.Equal("done", (await admin.GetOk($"/api/follow-ups/{done.Int("id")}")).Str("status"));
        Assert.Empty(await OpenFollowUps(admin, ids[1]));
        var skipped = await admin.SkippedCsv(run.Int("id"));
        Assert.Equal([(ids[0], "concurrencyConflict")], skipped.Select(s => (s.Id, s.Code)));
    }

    [Fact]
    public async Task AChosenOwnerGetsEveryOneAndAnAllDayOneStartsTheDayInTheirTimeZone()
    {
        var admin = await app.Admin();
        var chosen = await app.NewUser();
        await chosen.Client.SetTimeZone("Europe/Amsterdam");
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var owner = await app.NewUser();
        var person = (await admin.Person(new { companyId = company, lastName = Unique.Name("P"), ownerId = owner.Id })).Int("id");

        await admin.RunBulk(Ids("person", person), Plan(new { type = "meeting", dueAt = "2031-02-03", ownerId = chosen.Id }));

        var f = (await OpenFollowUps(admin, person)).Single();
        Assert.Equal((chosen.Id, true, "Meeting"), (f.Int("ownerId"), f.Bool("allDay"), f.Str("title")));
        Assert.Equal(new DateTime(2031, 2, 2, 23, 0, 0, DateTimeKind.Utc), f["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Theory]
    [InlineData("""{ "field": "person.followUp", "op": "plan", "followUp": { "type": "fax", "dueAt": "2031-02-03" } }""", "actions[0].followUp.type")]
    [InlineData("""{ "field": "person.followUp", "op": "plan", "followUp": { "type": "call", "dueAt": "tomorrow" } }""", "actions[0].followUp.dueAt")]
    [InlineData("""{ "field": "person.followUp", "op": "plan", "followUp": { "type": "call" } }""", "actions[0].followUp.dueAt")]
    [InlineData("""{ "field": "person.followUp", "op": "plan", "followUp": { "type": "call", "dueAt": "2031-02-03", "durationMinutes": 0 } }""", "actions[0].followUp.durationMinutes")]
    [InlineData("""{ "field": "person.followUp", "op": "plan", "followUp": { "type": "call", "dueAt": "2031-02-03", "ownerId": 987654 } }""", "actions[0].followUp.ownerId")]
    [InlineData("""{ "field": "person.followUp", "op": "set", "value": 1 }""", "actions[0].op")]
    [InlineData("""{ "field": "person.followUp", "op": "plan" }""", "actions[0].followUp")]
    public async Task BadInputIsRefusedNamingTheFieldAndNothingIsWritten(string action, string field)
    {
        var admin = await app.Admin();
        var person = (await admin.CreatePerson(null)).Int("id");
        var before = await app.Snapshot();
        var followUps = await FollowUpCount();

        foreach (var dryRun in new[] { true, false })
        {
            var response = await admin.PostJson("/api/bulk-updates", new { target = Ids("person", person), actions = new[] { JsonNode.Parse(action) }, dryRun });
            await response.ShouldBeInvalid(field);
        }

        await app.AssertUnchangedSince(before);
        Assert.Equal(followUps, await FollowUpCount());
    }

    [Fact]
    public async Task AFollowUpIsPlannedInABulkUpdateOfItsOwnAndOnlyForPersons()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var person = (await admin.CreatePerson(company)).Int("id");
        var plan = Plan(new { type = "call", dueAt = "2031-02-03" });

        await (await admin.PostBulk(Ids("person", person), false, Set("person.leadStatus", await admin.StatusId("Contacting")), plan))
            .ShouldBeInvalid("actions[1].field");
        await (await admin.PostBulk(Ids("company", company), false, plan)).ShouldBeInvalid("actions[0].field");
        var title = await (await admin.PostBulk(Ids("person", person), true, Plan(new { type = "call", dueAt = "2031-02-03", title = new string('x', 201) })))
            .ShouldBeInvalid("actions[0].followUp.title");
        Assert.Contains("200", title.ToJsonString());
    }

    private static async Task<List<JsonNode>> OpenFollowUps(HttpClient client, int personId) =>
        (await client.GetOk($"/api/follow-ups?personId={personId}&due=open&limit=100"))["items"]!.Items();

    private async Task<int> FollowUpCount()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>().FollowUps.CountAsync();
    }
}

/// <summary>Runs of several batches (two persons each): every batch plans, refreshes and undoes its own persons.</summary>
public abstract class BulkFollowUpBatchesApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ARunOfManyBatchesPlansForEveryPersonAndItsUndoRemovesThemAll()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var ids = await app.SeedPersons(company, 7, statusId: null);

        var run = await admin.RunBulk(Ids("person", ids), new { field = "person.followUp", op = "plan", followUp = new { type = "call", dueAt = "2031-04-05" } });

        Assert.Equal((7, 7), (run.Int("done"), run.Int("changed")));
        Assert.All(await app.Persons(ids), p => Assert.Equal(1, p.OpenFollowUps));
        await (await admin.PostJson($"/api/bulk-updates/{run.Int("id")}/undo", null)).ShouldBe(202);
        await admin.WaitForState(run.Int("id"), "undone");
        Assert.All(await app.Persons(ids), p => Assert.Equal((0, null), (p.OpenFollowUps, p.NextFollowUpAt)));
    }
}

public sealed class BulkFollowUpBatchesApiTestsOnSqlite(SqliteSmallBatchApp app) : BulkFollowUpBatchesApiTests(app), IClassFixture<SqliteSmallBatchApp>;

public sealed class BulkFollowUpBatchesApiTestsOnPostgres(PostgresSmallBatchApp app) : BulkFollowUpBatchesApiTests(app), IClassFixture<PostgresSmallBatchApp>;

public sealed class BulkFollowUpApiTestsOnSqlite(SqliteApp app) : BulkFollowUpApiTests(app), IClassFixture<SqliteApp>;

public sealed class BulkFollowUpApiTestsOnPostgres(PostgresApp app) : BulkFollowUpApiTests(app), IClassFixture<PostgresApp>;
