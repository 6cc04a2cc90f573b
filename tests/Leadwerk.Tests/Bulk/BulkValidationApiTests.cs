using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Bulk;

/// <summary>Bad bulk requests are one clear 422 and write nothing; a run is its starter's and the administrators' business.</summary>
public abstract class BulkValidationApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task InvalidRequestsAreRefusedWith422NamingTheFieldAndWriteNothing()
    {
        var admin = await app.Admin();
        var person = (await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"))).Int("id");
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var open = await admin.StatusId("Open");
        var deletedStatus = (await admin.CreateStatus()).Int("id");
        await (await admin.Delete($"/api/lead-statuses/{deletedStatus}")).ShouldBe(204);
        var deletedCategory = (await admin.CreateCategory()).Int("id");
        await (await admin.Delete($"/api/categories/{deletedCategory}")).ShouldBe(204);
        var disabled = await app.NewUser();
        await (await admin.PatchJson($"/api/users/{disabled.Id}", new { disabled = true })).ShouldBe(200);
        var persons = Ids("person", person);
        var companies = Ids("company", company);
        var cases = new (object? Target, object[]? Actions, string Field)[]
        {
            (persons, null, "actions"),
            (persons, [], "actions"),
            (persons, [new { field = "person.email", op = "set", value = 1 }], "actions[0].field"),
            (persons, [Clear("person.leadStatus")], "actions[0].op"),
            (persons, [new { field = "person.leadStatus", op = "set" }], "actions[0].op"),
            (persons, [new { field = "person.owner", op = "toggle", value = 1 }], "actions[0].op"),
            (persons, [Set("person.leadStatus", deletedStatus)], "actions[0].value"),
            (persons, [Set("person.leadStatus", 987_654)], "actions[0].value"),
            (persons, [Set("person.owner", disabled.Id)], "actions[0].value"),
            (persons, [Set("person.leadStatus", open), Set("person.leadStatus", open)], "actions[1].field"),
            (companies, [Set("person.leadStatus", open)], "actions[0].field"),
            (companies, [Set("company.category", deletedCategory)], "actions[0].value"),
            (persons, [Set("company.owner", 1)], "actions[0].field"),
            (new { }, [Set("person.leadStatus", open)], "target"),
            (null, [Set("person.leadStatus", open)], "target"),
            (Ids("person"), [Set("person.leadStatus", open)], "target"),
            (Ids("lead", person), [Set("person.leadStatus", open)], "target"),
        };
        var before = await app.Snapshot();

        foreach (var (target, actions, field) in cases)
        {
            foreach (var dryRun in new[] { true, false })
            {
                var response = await admin.PostJson("/api/bulk-updates", new { target, actions, dryRun });
                await response.ShouldBeInvalid(field);
            }
        }

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task UsersSeeOnlyTheirOwnRunsAndAdministratorsSeeAll()
    {
        var starter = await app.NewUser();
        var stranger = await app.NewUser();
        var admin = await app.Admin();
        var person = (await starter.Client.CreatePerson((await starter.Client.CreateCompany("Customer")).Int("id"))).Int("id");
        var run = await starter.Client.RunBulk(Ids("person", person), Set("person.leadStatus", await starter.Client.StatusId("Open")));
        var id = run.Int("id");
        var before = await app.Snapshot();

        await (await stranger.Client.Get($"/api/bulk-updates/{id}")).ShouldBeProblem(404, "notFound");
        await (await stranger.Client.Get($"/api/bulk-updates/{id}/skipped.csv")).ShouldBeProblem(404, "notFound");
        await (await stranger.Client.PostJson($"/api/bulk-updates/{id}/cancel", null)).ShouldBeProblem(404, "notFound");
        await (await stranger.Client.PostJson($"/api/bulk-updates/{id}/resume", null)).ShouldBeProblem(404, "notFound");
        await (await stranger.Client.PostJson($"/api/bulk-updates/{id}/undo", null)).ShouldBeProblem(404, "notFound");
        await (await app.Anonymous().Get($"/api/bulk-updates/{id}")).ShouldBe(401);
        await (await app.Anonymous().PostBulk(Ids("person", person), dryRun: true, Clear("person.owner"))).ShouldBe(401);

        await app.AssertUnchangedSince(before);
        Assert.Equal("done", (await admin.BulkStatus(id)).Str("state"));
        Assert.Equal(run.ToJsonString(), (await starter.Client.BulkStatus(id)).ToJsonString());
        Assert.Equal([(person, "leadStatusNotActive")], (await admin.SkippedCsv(id)).Select(r => (r.Id, r.Code)));
    }

    [Fact]
    public async Task StatusResourceDescribesTheRun()
    {
        var user = await app.NewUser();
        var person = (await user.Client.CreatePerson((await user.Client.CreateCompany("Lead")).Int("id"))).Int("id");
        var qualified = await user.Client.StatusId("Qualified");

        var started = await user.Client.StartBulk(Ids("person", person), Set("person.leadStatus", qualified), Clear("person.owner"));
        var done = await user.Client.WaitForState(started.Int("id"), "done");

        Assert.Contains(started.Str("state"), new[] { "queued", "running", "done" });
        Assert.Equal(
            ["id", "entity", "state", "total", "done", "changed", "skipped", "undoSkipped", "actions", "createdAt", "finishedAt", "ruleId"],
            done.AsObject().Select(p => p.Key));
        Assert.Equal((1, 1, 1, 0, 0), (done.Int("total"), done.Int("done"), done.Int("changed"), done.Int("skipped"), done.Int("undoSkipped")));
        Assert.Equal("person.leadStatus", done["actions"]![0]!.Str("field"));
        Assert.Equal(qualified, done["actions"]![0]!.IntOrNull("value"));
        Assert.Equal("clear", done["actions"]![1]!.Str("op"));
        Assert.True(done["finishedAt"]!.GetValue<DateTime>() >= done["createdAt"]!.GetValue<DateTime>());
    }
}

public sealed class BulkValidationApiTestsOnSqlite(SqliteApp app) : BulkValidationApiTests(app), IClassFixture<SqliteApp>;

public sealed class BulkValidationApiTestsOnPostgres(PostgresApp app) : BulkValidationApiTests(app), IClassFixture<PostgresApp>;
