using Leadwerk.Web.Leads;
using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Bulk;

/// <summary>
/// Issue 5 "Safety": the real app process is killed (SIGKILL) in the middle of a bulk update and
/// started again on the same database. SQLite only: the guarantee comes from one transaction per
/// batch, which both providers give; a separate process on a file database is what this adds.
/// </summary>
public sealed class BulkKillTestsOnSqlite(ITestOutputHelper output) : IDisposable
{
    private const int Count = 2000;
    private const int BatchSize = 25;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "leadwerk-tests", "kill-" + Guid.NewGuid().ToString("N"));

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private string DatabaseFile => Path.Combine(Directory.CreateDirectory(_directory).FullName, "kill.db");

    [Fact]
    public async Task AppKilledMidRunLeavesWholeRecordsAndExactCountsAndTheRunCanBeUndoneOrResumed()
    {
        AppProcess? app = null;
        try
        {
            app = await AppProcess.Start(DatabaseFile, BatchSize);
            Step("app started");
            var admin = await app.Admin();
            var (open, contacting, qualified) = (await admin.StatusId("Open"), await admin.StatusId("Contacting"), await admin.StatusId("Qualified"));
            // The administrator is the new owner in both runs: a user more would only cost a password hash.
            var owner = (await admin.GetOk("/api/users/me")).Int("id");
            var ids = await SeedPersons(await admin.CategoryId("Lead"), open);
            Step("persons seeded");

            // First run: killed, then undone.
            var undone = (await admin.StartBulk(Ids("person", ids), Set("person.leadStatus", contacting), Set("person.owner", owner))).Int("id");
            await KillMidRun(app, admin, undone);
            Step("killed");
            app.Dispose();
            app = await AppProcess.Start(DatabaseFile, BatchSize);
            Step("app started");
            admin = await app.Admin();
            var interrupted = await admin.WaitForState(undone, "interrupted");
            await AssertExact(interrupted, contacting, owner);

            await (await admin.PostJson($"/api/bulk-updates/{undone}/undo", null)).ShouldBe(202);
            var back = await admin.WaitForState(undone, "undone");
            Step("undone");

            Assert.Equal((interrupted.Int("changed"), 0), (back.Int("changed"), back.Int("undoSkipped")));
            await using (var db = Open())
            {
                Assert.True(await db.Persons.Where(p => p.FirstName == "Killed").AllAsync(p => p.LeadStatusId == open && p.OwnerId == null));
                Assert.Equal(back.Int("changed"), await db.BulkUpdateItems.CountAsync(i => i.BulkUpdateId == undone && i.State == BulkItemState.Undone));
            }

            Assert.Equal(back.Int("changed"), await BulkHistoryRows(contacting));
            Assert.Equal(back.Int("changed"), await BulkHistoryRows(open));

            // Second run: killed, then resumed to the end.
            var resumed = (await admin.StartBulk(Ids("person", ids), Set("person.leadStatus", qualified), Set("person.owner", owner))).Int("id");
            await KillMidRun(app, admin, resumed);
            Step("killed");
            app.Dispose();

            // Nothing is killed after this start, so larger batches only save time.
            app = await AppProcess.Start(DatabaseFile, batchSize: 500);
            Step("app started");
            admin = await app.Admin();
            var killedAgain = await admin.WaitForState(resumed, "interrupted");
            await AssertExact(killedAgain, qualified, owner);

            await (await admin.PostJson($"/api/bulk-updates/{resumed}/resume", null)).ShouldBe(202);
            var done = await admin.WaitForState(resumed, "done");
            Step("resumed");

            Assert.Equal((Count, Count, Count, 0), (done.Int("total"), done.Int("done"), done.Int("changed"), done.Int("skipped")));
            await AssertPersons(Count, qualified, owner);
            Assert.Equal(Count, await BulkHistoryRows(qualified));
        }
        finally
        {
            app?.Dispose();
        }
    }

    public void Dispose()
    {
        Step("end");
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private void Step(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {what}");

    private static async Task KillMidRun(AppProcess app, HttpClient client, int id)
    {
        var status = await client.WaitFor(id, s => s.Str("state") == "done" || (s.Str("state") == "running" && s.Int("done") > 0), "running with a batch done");
        app.Kill();
        Assert.True(status.Str("state") == "running", $"The run ended before it could be killed; give it more persons: {status.ToJsonString()}");
    }

    /// <summary>After the crash: the counters match the items and the records, and no record is half-changed.</summary>
    private async Task AssertExact(JsonNode status, int statusId, int ownerId)
    {
        var (id, total, done, changed) = (status.Int("id"), status.Int("total"), status.Int("done"), status.Int("changed"));
        await using var db = Open();
        var items = await db.BulkUpdateItems.Where(i => i.BulkUpdateId == id).GroupBy(i => i.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        Assert.Equal(Count, total);
        Assert.True(done > 0 && done < total, $"The kill should come mid-run: {status.ToJsonString()}");
        Assert.Equal(0, done % BatchSize);
        Assert.Equal(done, total - items.GetValueOrDefault(BulkItemState.Pending));
        Assert.Equal(changed, items.GetValueOrDefault(BulkItemState.Changed));
        Assert.Equal((0, 0), (status.Int("skipped"), items.GetValueOrDefault(BulkItemState.Skipped)));
        Assert.Equal(done, changed);
        await AssertPersons(changed, statusId, ownerId);
        Assert.Equal(changed, await BulkHistoryRows(statusId));
    }

    /// <summary>Exactly <paramref name="expected"/> persons have the status, the same ones have the owner.</summary>
    private async Task AssertPersons(int expected, int statusId, int ownerId)
    {
        await using var db = Open();
        var persons = await db.Persons.Where(p => p.FirstName == "Killed").Select(p => new { p.Id, p.LeadStatusId, p.OwnerId }).ToListAsync();
        Assert.Equal(Count, persons.Count);
        Assert.Equal(expected, persons.Count(p => p.LeadStatusId == statusId));
        Assert.DoesNotContain(persons, p => (p.LeadStatusId == statusId) != (p.OwnerId == ownerId));
    }

    private async Task<int> BulkHistoryRows(int toStatusId)
    {
        await using var db = Open();
        return await db.LeadStatusChanges.CountAsync(c => c.Channel == Channel.Bulk && c.ToId == toStatusId && c.Person.FirstName == "Killed");
    }

    /// <summary>
    /// One INSERT straight into the file, in the columns and formats the app's model maps (as
    /// Microsoft.Data.Sqlite writes a DateTime); thousands of API calls would take too long.
    /// </summary>
    private async Task<List<int>> SeedPersons(int categoryId, int statusId)
    {
        await using var db = Open();
        var now = DateTime.UtcNow;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO Persons (FirstName, LastName, CategoryId, LeadStatusId, LeadStatusChangedAt, CreatedAt, UpdatedAt, Version)
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {Count})
            SELECT 'Killed', printf('Run %05d', i), {categoryId}, {statusId}, {now}, {now}, {now}, 1 FROM n
            """);
        var ids = await db.Persons.Where(p => p.FirstName == "Killed").OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var seeded = Assert.Single(await db.Persons.Where(p => p.Id == ids[0]).ToListAsync());
        Assert.Equal((now, 1, statusId), (seeded.CreatedAt, seeded.Version, seeded.LeadStatusId));
        return ids;
    }

    private LeadwerkDbContext Open() => new(new DbContextOptionsBuilder<LeadwerkDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false, ForeignKeys = true, DefaultTimeout = 30 }.ToString())
        .Options);
}
