using System.Diagnostics;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Leadwerk.Tests.Safety;

/// <summary>
/// Issue 12: scripts/backup.sh copies the database of a running app while a client keeps creating
/// persons, scripts/restore.sh refuses to put the copy over the running app's database, checks it and
/// puts it into a new place, and an app started there has them.
/// The guarantee tested: the backup is the database as of one moment after the script started, so
/// it holds every write acknowledged before the script started, and of the writes made while it ran
/// a first part, with no gaps (if it has a write, it has every write before it).
/// </summary>
public abstract class BackupTests(string provider, ITestOutputHelper output) : IDisposable
{
    private readonly string _backups = Path.Combine(Path.GetTempPath(), "leadwerk-tests", "backups-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ABackupTakenDuringWritesHasEveryWriteAcknowledgedBeforeItStartedAndRestoresIntoANewPlace()
    {
        await using var database = AppDatabase.Of(provider);
        await using var restored = AppDatabase.Of(provider);
        var clock = Stopwatch.StartNew();
        using var app = new CrashApp(database);
        await app.Start();
        var company = (await app.Client.CreateCompany("Lead")).Int("id");

        var (sent, acknowledged) = (new List<string>(), new List<int>());
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var lastName = $"Backup {i:D5}";
                lock (sent)
                {
                    sent.Add(lastName);
                }

                var id = (await (await app.Client.PostJson("/api/persons", new { companyId = company, firstName = "Backed", lastName })).ShouldBe(201)).Int("id");
                lock (sent)
                {
                    acknowledged.Add(id);
                }
            }
        });
        await WaitFor(() => acknowledged.Count >= 20, writer);
        List<int> before;
        lock (sent)
        {
            before = [.. acknowledged];
        }

        var file = (await Script("backup.sh", database, expectedExit: 0, _backups)).Trim().Split('\n')[^1];
        int sentByTheEnd;
        lock (sent)
        {
            sentByTheEnd = sent.Count;
        }

        var during = sentByTheEnd - before.Count;
        var refused = await Script("restore.sh", database, expectedExit: 2, file, database.RestoreTarget);
        Assert.Contains("--force", refused);
        await WaitFor(() => acknowledged.Count >= sentByTheEnd + 5, writer);
        await stop.CancelAsync();
        await writer;
        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F1} s  backup {Path.GetFileName(file)}: {before.Count} writes acknowledged before it started, {during} sent while it ran");

        await Script("restore.sh", database, expectedExit: 0, "--verify", file);
        await Script("restore.sh", database, expectedExit: 0, file, restored.RestoreTarget);
        app.Dispose();
        using var copy = new CrashApp(restored);
        await copy.Start();
        foreach (var id in before)
        {
            Assert.StartsWith("Backup ", (await copy.Client.GetPerson(id)).Str("lastName"));
        }

        await using var db = restored.Open();
        var names = await db.Persons.Where(p => p.FirstName == "Backed").OrderBy(p => p.Id).Select(p => p.LastName).ToListAsync();
        Assert.Equal(sent.Take(names.Count), names);
        Assert.InRange(names.Count, before.Count, sentByTheEnd);
        await Consistency.Check(restored, CrashApp.BatchSize);
        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F1} s  restored and started: the first {names.Count} writes, {names.Count - before.Count} of them made while the backup ran");
    }

    public void Dispose()
    {
        if (Directory.Exists(_backups))
        {
            Directory.Delete(_backups, recursive: true);
        }
    }

    private static async Task WaitFor(Func<bool> condition, Task writer)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.False(writer.IsCompleted, $"The writer stopped: {writer.Exception}");
            Assert.True(DateTime.UtcNow < deadline, "The writer made too few writes within 60 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>Runs scripts/NAME with the app's settings for the database, on the build under test; returns its standard output, or its errors when it is to fail.</summary>
    private async Task<string> Script(string name, AppDatabase database, int expectedExit, params string[] arguments)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "scripts", name)))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException($"scripts/{name} not found above {AppContext.BaseDirectory}");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "scripts", name));
        arguments.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (key, value) in Bulk.AppProcess.ShortLivedRuntime)
        {
            start.Environment[key] = value;
        }

        start.Environment["LEADWERK_APP_DLL"] = Path.Combine(AppContext.BaseDirectory, "Leadwerk.Web.dll");
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Leadwerk"] = database.ConnectionString;
        using var process = Process.Start(start)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        output.WriteLine($"scripts/{name}: {(await stderr).Trim()}");
        Assert.True(process.ExitCode == expectedExit, $"scripts/{name} exited with {process.ExitCode}, not {expectedExit}: {await stderr}");
        return expectedExit == 0 ? await stdout : await stderr;
    }
}

public sealed class BackupTestsOnSqlite(ITestOutputHelper output) : BackupTests(DatabaseSetup.Sqlite, output);

public sealed class BackupTestsOnPostgres(ITestOutputHelper output) : BackupTests(DatabaseSetup.Postgres, output);
