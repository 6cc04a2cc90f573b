using Leadwerk.Web.Leads;
using System.Text;
using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Import;
using Leadwerk.Web.Persons;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Import;

/// <summary>
/// Issue 5 "Safety" for imports: the real app process is killed (SIGKILL) in the middle of an
/// import and started again on the same database; the import shows as interrupted with exact
/// counts, can be resumed to the end and then rolled back as a whole.
/// </summary>
public sealed class ImportKillTestsOnSqlite : IDisposable
{
    private const int Count = 2000;
    private const int BatchSize = 25;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "leadwerk-tests", "import-kill-" + Guid.NewGuid().ToString("N"));

    private string DatabaseFile => Path.Combine(Directory.CreateDirectory(_directory).FullName, "kill.db");

    [Fact]
    public async Task AppKilledMidImportLeavesWholeBatchesAndExactCountsAndTheImportCanBeResumedAndRolledBack()
    {
        AppProcess? app = null;
        try
        {
            app = await AppProcess.Start(DatabaseFile, BatchSize);
            var admin = await app.Admin();
            var company = (await admin.CreateCompany("Lead")).Str("name");
            var csv = new StringBuilder("first name,last name,email,company\n");
            for (var i = 0; i < Count; i++)
            {
                csv.Append($"Killed,Import {i:D5},killed.{i}@example.com,{company}\n");
            }

            var id = (await (await admin.PostImport(Persons(dryRun: false), csv.ToString())).ShouldBe(202)).Int("id");
            var seen = await WaitFor(admin, id, s => s.Str("state") == "done" || (s.Str("state") == "running" && s.Int("done") > 0));
            app.Kill();
            Assert.True(seen.Str("state") == "running", $"The import ended before it could be killed: {seen.ToJsonString()}");
            app.Dispose();

            app = await AppProcess.Start(DatabaseFile, batchSize: 500);
            admin = await app.Admin();
            var interrupted = await admin.WaitForImport(id, "interrupted");
            var (done, created) = (interrupted.Int("done"), interrupted.Int("create"));
            Assert.True(done > 0 && done < Count && done % BatchSize == 0, interrupted.ToJsonString());
            Assert.Equal((done, Count), (created, interrupted.Int("rows")));
            await using (var db = Open())
            {
                Assert.Equal(created, await db.Persons.CountAsync(p => p.FirstName == "Killed"));
                Assert.Equal(created, await db.ImportRows.CountAsync(r => r.ImportId == id && r.State == ImportRowState.Created && r.EntityId != null));
                Assert.Equal(Count - done, await db.ImportRows.CountAsync(r => r.ImportId == id && r.State == ImportRowState.Pending));
                Assert.Equal(created, await db.LeadStatusChanges.CountAsync(c => c.Channel == Channel.Import && c.Person.FirstName == "Killed"));
            }

            await (await admin.PostAsync($"/api/imports/{id}/resume", null)).ShouldBe(202);
            var finished = await admin.WaitForImport(id, "done");
            Assert.Equal((Count, Count, 0, 0), (finished.Int("done"), finished.Int("create"), finished.Int("update"), finished.Int("errorCount")));

            var rolledBack = await admin.Rollback(id);
            Assert.Equal(0, rolledBack.Int("rollbackSkippedCount"));
            await using (var db = Open())
            {
                Assert.Equal(0, await db.Persons.CountAsync(p => p.FirstName == "Killed"));
                Assert.Equal(Count, await db.ImportRows.CountAsync(r => r.ImportId == id && r.State == ImportRowState.RolledBack));
            }
        }
        finally
        {
            app?.Dispose();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitFor(HttpClient client, int id, Func<System.Text.Json.Nodes.JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await client.GetOk($"/api/imports/{id}");
            if (condition(status) || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(5);
        }
    }

    private LeadwerkDbContext Open() => new(new DbContextOptionsBuilder<LeadwerkDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false, ForeignKeys = true, DefaultTimeout = 30 }.ToString())
        .Options);
}
