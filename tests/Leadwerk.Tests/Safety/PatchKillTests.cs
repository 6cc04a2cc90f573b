using System.Net.Http.Json;
using System.Text.Json;
using Leadwerk.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Leadwerk.Tests.Safety;

/// <summary>
/// Issue 12: a 2xx means the write is durable. The app is killed with SIGKILL the moment the status
/// line of a PATCH's 200 arrives, before its body is even read, and started again: the change, its
/// version and its history row are there, ten times over. SQLite, whose engine lives inside the
/// killed process: a commit is in the OS's page cache (the WAL file) before the answer leaves, which
/// a process kill cannot take back. Power loss is another matter: see docs/security.md.
/// </summary>
[RunsLong]
public sealed class PatchKillTestsOnSqlite(ITestOutputHelper output)
{
    private const int Rounds = 10;

    [Fact]
    public async Task APatchAnsweredWith200IsThereAfterTheAppIsKilledRightAfterTheAnswer()
    {
        await using var database = AppDatabase.Sqlite();
        using var app = new CrashApp(database);
        await app.Start();
        var company = (await app.Client.CreateCompany("Lead")).Int("id");
        var person = (await app.Client.CreatePerson(company, firstName: "Patched")).Int("id");
        int[] statuses = [await app.Client.StatusId("Contacting"), await app.Client.StatusId("Qualified")];
        output.WriteLine(await JournalSettings(database));

        for (var round = 1; round <= Rounds; round++)
        {
            var (title, status) = ($"round {round}", statuses[round % 2]);
            using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/persons/{person}")
            {
                Content = JsonContent.Create(new { title, leadStatusId = status }, options: JsonSerializerOptions.Web),
            };
            using var response = await app.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            app.Kill();
            Assert.Equal(200, (int)response.StatusCode);

            await app.Restart();
            var after = await app.Client.GetPerson(person);
            Assert.Equal((title, status, 1 + round), (after.Str("title"), after.Int("leadStatusId"), after.Int("version")));
            var history = await app.Client.History(person);
            Assert.Equal(1 + round, history.Count);
            await Consistency.Check(database, CrashApp.BatchSize);
            output.WriteLine($"round {round,2}: killed right after 200, the change is there (version {after.Int("version")}); restart {app.StartTime.TotalSeconds:F1} s");
        }
    }

    /// <summary>How the database file commits, as a new connection sees it (the app sets journal_mode and leaves synchronous at its default).</summary>
    private static async Task<string> JournalSettings(AppDatabase database)
    {
        await using var db = database.Open();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT journal_mode FROM pragma_journal_mode) || ', synchronous=' || (SELECT synchronous FROM pragma_synchronous);";
        return $"SQLite journal_mode={await command.ExecuteScalarAsync()} (0 off, 1 normal, 2 full, 3 extra)";
    }
}
