using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Bulk;

/// <summary>
/// Cancelling a run that is still going, on an app with batches of <see cref="SmallBatch.Size"/>
/// records: what is done stays done, whole records only, and the counters say exactly what.
/// </summary>
public abstract class BulkCancelApiTests(LeadwerkApp app)
{
    private const int Persons = 400;

    [Fact]
    public async Task CancelledRunKeepsWhatItDidWithExactCounters()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        var (open, qualified) = (await admin.StatusId("Open"), await admin.StatusId("Qualified"));
        var company = (await admin.CreateCompany("Lead")).Int("id");
        // Every seventh person already has both values, so the run meets unchanged records on its way.
        var ids = await app.SeedPersons(company, Persons, i => i % 7 == 3 ? (qualified, owner.Id) : (open, null));
        var preset = (await app.Persons(ids)).Where(p => p.OwnerId == owner.Id).Select(p => p.Id).ToHashSet();
        var started = await admin.StartBulk(Ids("person", ids), Set("person.leadStatus", qualified), Set("person.owner", owner.Id));
        var id = started.Int("id");
        await admin.WaitFor(id, s => s.Int("done") > 0, "its first batch");

        var cancel = await (await admin.PostJson($"/api/bulk-updates/{id}/cancel", null)).ShouldBe(200);
        var cancelled = await admin.WaitForState(id, "cancelled");

        Assert.Contains(cancel.Str("state"), new[] { "running", "cancelled" });
        var done = cancelled.Int("done");
        Assert.InRange(done, 1, Persons - 1);
        Assert.Equal(0, done % SmallBatch.Size);
        Assert.NotNull(cancelled["finishedAt"]?.GetValue<DateTime>());
        var reached = ids.Take(done).ToList();
        Assert.Equal(done, cancelled.Int("changed") + cancelled.Int("skipped") + reached.Count(preset.Contains));
        Assert.Equal(0, cancelled.Int("skipped"));
        var persons = await app.Persons(ids);
        Assert.All(persons, p => Assert.Equal(p.LeadStatusId == qualified, p.OwnerId == owner.Id));
        Assert.All(persons.Take(done), p => Assert.Equal((qualified, owner.Id), (p.LeadStatusId, p.OwnerId)));
        Assert.All(persons.Skip(done).Where(p => !preset.Contains(p.Id)), p => Assert.Equal((open, null), (p.LeadStatusId, p.OwnerId)));
        Assert.Equal(cancelled.Int("changed"), persons.Count(p => p.OwnerId == owner.Id && !preset.Contains(p.Id)));
        Assert.Equal(cancelled.Int("changed"), await app.BulkHistoryRows(ids));
        await Task.Delay(100);
        Assert.Equal(cancelled.ToJsonString(), (await admin.BulkStatus(id)).ToJsonString());
    }

    [Fact]
    public async Task ARunningRunCannotBeUndoneButOnceCancelledItCan()
    {
        var admin = await app.Admin();
        var open = await admin.StatusId("Open");
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var ids = await app.SeedPersons(company, Persons, open);
        var started = await admin.StartBulk(Ids("person", ids), Set("person.leadStatus", await admin.StatusId("Contacting")), Set("person.owner", (await app.NewUser()).Id));
        var id = started.Int("id");

        var refused = await (await admin.PostJson($"/api/bulk-updates/{id}/undo", null)).ShouldBeProblem(409, "bulkStateConflict");
        await (await admin.PostJson($"/api/bulk-updates/{id}/resume", null)).ShouldBeProblem(409, "bulkStateConflict");
        await (await admin.PostJson($"/api/bulk-updates/{id}/cancel", null)).ShouldBe(200);
        var cancelled = await admin.WaitForState(id, "cancelled");
        await (await admin.PostJson($"/api/bulk-updates/{id}/undo", null)).ShouldBe(202);
        var undone = await admin.WaitForState(id, "undone");

        Assert.Contains("finished, cancelled or interrupted", refused.Str("detail"));
        Assert.True(cancelled.Int("done") < Persons, cancelled.ToJsonString());
        Assert.Equal((cancelled.Int("done"), cancelled.Int("changed"), 0), (undone.Int("done"), undone.Int("changed"), undone.Int("undoSkipped")));
        Assert.All(await app.Persons(ids), p => Assert.Equal((open, null), (p.LeadStatusId, p.OwnerId)));
        Assert.Equal(2 * cancelled.Int("changed"), await app.BulkHistoryRows(ids));
    }
}

public sealed class BulkCancelApiTestsOnSqlite(SqliteSmallBatchApp app) : BulkCancelApiTests(app), IClassFixture<SqliteSmallBatchApp>;

public sealed class BulkCancelApiTestsOnPostgres(PostgresSmallBatchApp app) : BulkCancelApiTests(app), IClassFixture<PostgresSmallBatchApp>;
