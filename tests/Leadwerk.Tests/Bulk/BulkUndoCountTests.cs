using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Bulk;

/// <summary>The number the undo confirmation names: the records an undo would still put back, not the run's counters.</summary>
public abstract class BulkUndoCountTests(LeadwerkApp app)
{
    [Fact]
    public async Task AnUndoInterruptedAfterItsFirstBatchCountsOnlyTheRecordsItHasNotPutBackYet()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var open = await admin.StatusId("Open");
        var ids = await app.SeedPersons(company, 3, open);
        var run = (await admin.RunBulk(Ids("person", ids), Set("person.leadStatus", await admin.StatusId("Contacting")))).Int("id");
        Assert.Equal(3, await StillToUndo(run));

        // What a process that dies after the undo's first batch leaves: that batch put back and saved, the run interrupted.
        await UndoOneBatchThenInterrupt(run);
        var interrupted = await admin.BulkStatus(run);
        Assert.Equal(("interrupted", 3, 0), (interrupted.Str("state"), interrupted.Int("changed"), interrupted.Int("undoSkipped")));

        Assert.Equal(2, await StillToUndo(run));

        await (await admin.PostJson($"/api/bulk-updates/{run}/undo", null)).ShouldBe(202);
        await admin.WaitForState(run, "undone");
        Assert.Equal(0, await StillToUndo(run));
        Assert.All(await app.Persons(ids), p => Assert.Equal(open, p.LeadStatusId));
    }

    [Fact]
    public async Task ARecordChangedSinceTheRunIsStillCountedUntilTheUndoReachesIt()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var ids = await app.SeedPersons(company, 2, await admin.StatusId("Open"));
        var run = (await admin.RunBulk(Ids("person", ids), Set("person.leadStatus", await admin.StatusId("Contacting")))).Int("id");
        await admin.PatchPerson(ids[1], new { title = "Changed since" });
        Assert.Equal(2, await StillToUndo(run));

        await (await admin.PostJson($"/api/bulk-updates/{run}/undo", null)).ShouldBe(202);
        var undone = await admin.WaitForState(run, "undone");

        Assert.Equal((2, 1), (undone.Int("changed"), undone.Int("undoSkipped")));
        Assert.Equal(0, await StillToUndo(run));
    }

    private async Task<int> StillToUndo(int run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BulkService>().StillToUndo(run, Actor.System(Channel.Api));
    }

    private async Task UndoOneBatchThenInterrupt(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Channel.Bulk));
        var run = await db.BulkUpdates.SingleAsync(b => b.Id == id);
        var defaultStatusId = await scope.ServiceProvider.GetRequiredService<ListService>().DefaultStatusId();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkBatch.Undo(db, run, batchSize: 1, defaultStatusId, DateTime.UtcNow, after: 0);
            await transaction.CommitAsync();
        }

        await db.BulkUpdates.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BulkState.Interrupted));
    }
}

public sealed class BulkUndoCountTestsOnSqlite(SqliteApp app) : BulkUndoCountTests(app), IClassFixture<SqliteApp>;

public sealed class BulkUndoCountTestsOnPostgres(PostgresApp app) : BulkUndoCountTests(app), IClassFixture<PostgresApp>;
