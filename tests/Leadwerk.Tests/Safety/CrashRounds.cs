using System.Diagnostics;
using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Data;
using Leadwerk.Web.Import;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Leadwerk.Tests.Safety;

/// <summary>
/// A kind of write the crash rounds make and then kill: it writes through the app until the app
/// dies, remembering what the app acknowledged (a 2xx read back) and what was still in flight, and
/// after the restart checks that every acknowledged write is there, whole, and nothing half.
/// Form submissions, once the app has them, are one more implementation in <see cref="CrashRounds.AllScenarios"/>.
/// </summary>
public interface ICrashScenario
{
    string Name { get; }

    /// <summary>Once, before the first round and without a kill: the data the scenario works on.</summary>
    Task Prepare(CrashApp app);

    /// <summary>One round's writes, until the app is killed (its requests then fail) or <paramref name="killed"/> fires.</summary>
    Task Write(CrashRound round, CancellationToken killed);

    /// <summary>
    /// Whether this round's work has got <paramref name="fraction"/> of the way, as committed in the
    /// database (<paramref name="db"/>) or acknowledged; the runner kills at such a point.
    /// </summary>
    Task<bool> Reached(CrashRound round, LeadwerkDbContext db, double fraction);

    /// <summary>After the restart, on the restarted app and its database; adds a line for the round's report.</summary>
    Task Verify(CrashRound round);
}

/// <summary>One round: its number, the app, and what the scenarios noted for the report.</summary>
public sealed class CrashRound(int number, CrashApp app)
{
    private readonly List<string> _notes = [];

    public int Number => number;

    public CrashApp App => app;

    public void Note(string note)
    {
        lock (_notes)
        {
            _notes.Add(note);
        }
    }

    public override string ToString() => string.Join("; ", _notes);
}

/// <summary>The app process of the crash tests on its database, restarted after each kill; one admin client per process.</summary>
public sealed class CrashApp(AppDatabase database) : IDisposable
{
    /// <summary>Small batches, and a pause between a bulk update's, so that a kill lands between many commits.</summary>
    public const int BatchSize = 10;

    /// <summary>
    /// On PostgreSQL a killed instance's jobs are taken over once their lease expires (ADR 0012): a
    /// short lease and a short look for work, so the restarted app finishes them within the round.
    /// </summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Leadwerk:Bulk:PauseBetweenBatchesMs"] = "20",
        ["Leadwerk:Jobs:LeaseSeconds"] = "1",
        ["Leadwerk:Jobs:PollSeconds"] = "0.5",
    };

    private AppProcess? _process;

    public AppDatabase Database => database;

    public HttpClient Client { get; private set; } = null!;

    public TimeSpan StartTime { get; private set; }

    public async Task Start()
    {
        var clock = Stopwatch.StartNew();
        _process = await AppProcess.Start(database, BatchSize, Settings);
        Client = await _process.Admin();
        StartTime = clock.Elapsed;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash.</summary>
    public void Kill() => _process?.Kill();

    public async Task Restart()
    {
        _process?.Dispose();
        await Start();
        await JobsAtRest();
    }

    /// <summary>
    /// Until no job is queued or working. On SQLite the restart marked them interrupted; on
    /// PostgreSQL the restarted app takes them over and finishes them, and the checks must not read
    /// a job halfway through a batch.
    /// </summary>
    private async Task JobsAtRest()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        await using var db = database.Open();
        while (await db.BulkUpdates.AnyAsync(b => b.State == BulkState.Queued || b.State == BulkState.Running || b.State == BulkState.Undoing)
            || await db.Imports.AnyAsync(j => j.State == ImportState.Queued || j.State == ImportState.Running || j.State == ImportState.RollingBack))
        {
            Assert.True(DateTime.UtcNow < deadline, "The restarted app did not finish the jobs it took over within 90 s.");
            await Task.Delay(100);
        }
    }

    public string Output => _process?.Output ?? "";

    public void Dispose() => _process?.Dispose();
}

/// <summary>
/// Kill -9 rounds: the scenarios write at once, each starting at a random offset, and the app is
/// killed at a random moment: in a third of the rounds a random time after the start (which often
/// falls while a job is being queued, before its 202), in the others at a random point of one
/// scenario's work (say 40 % of the bulk update's items committed) plus a few milliseconds, so that
/// the kill lands inside the work however fast the machine is. After each restart the database
/// must pass <see cref="Consistency"/> and every scenario's own check. The seed is printed;
/// LEADWERK_CRASH_SEED replays another (the moments follow it, the machine's speed decides the rest)
/// and LEADWERK_CRASH_ROUNDS runs more rounds.
/// </summary>
public sealed class CrashRounds(AppDatabase database, ITestOutputHelper output)
{
    public const string SeedVariable = "LEADWERK_CRASH_SEED";
    public const string RoundsVariable = "LEADWERK_CRASH_ROUNDS";
    public const int DefaultSeed = 1212;

    /// <summary>The kill comes within this long of the round's start; the scenarios start within the first third.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1200);

    public static IReadOnlyList<ICrashScenario> AllScenarios() => [new BulkUpdateScenario(), new ImportScenario(), new ApiWritesScenario()];

    public async Task Run(int rounds)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var chosen) ? chosen : DefaultSeed;
        rounds = int.TryParse(Environment.GetEnvironmentVariable(RoundsVariable), out var more) && more > rounds ? more : rounds;
        output.WriteLine($"Crash rounds on {database.Provider}: {rounds} rounds, seed {seed} (set {SeedVariable} to replay another).");
        var random = new Random(seed);
        var scenarios = AllScenarios();
        var clock = Stopwatch.StartNew();
        using var app = new CrashApp(database);
        await app.Start();
        foreach (var scenario in scenarios)
        {
            await scenario.Prepare(app);
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  started and prepared");
        for (var number = 1; number <= rounds; number++)
        {
            var round = new CrashRound(number, app);
            var offsets = scenarios.Select(_ => random.Next((int)Window.TotalMilliseconds / 3)).ToList();
            var (byTime, killAt) = (random.Next(3) == 0, random.Next((int)Window.TotalMilliseconds));
            var (target, fraction, jitter) = (scenarios[random.Next(scenarios.Count)], 0.05 + (random.NextDouble() * 0.9), random.Next(20));
            using var killed = new CancellationTokenSource();
            var started = Stopwatch.StartNew();
            var writes = scenarios.Select((s, i) => Write(s, round, offsets[i], killed.Token)).ToList();
            var moment = byTime
                ? $"at {killAt} ms"
                : $"at {fraction:P0} of the {target.Name} + {jitter} ms";
            await (byTime ? Task.Delay(killAt) : WaitUntil(target, round, fraction, jitter, writes));
            app.Kill();
            await killed.CancelAsync();
            await Task.WhenAll(writes);
            moment += $" ({started.ElapsedMilliseconds} ms)";

            await app.Restart();
            await Consistency.Check(database, CrashApp.BatchSize);
            foreach (var scenario in scenarios)
            {
                await scenario.Verify(round);
            }

            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  round {number,2}: killed {moment}, " +
                $"starts at {string.Join("/", offsets)} ms, restart {app.StartTime.TotalSeconds:F1} s; {round}");
        }
    }

    /// <summary>Polls the database until the scenario's work got that far, then waits the jitter.</summary>
    private async Task WaitUntil(ICrashScenario scenario, CrashRound round, double fraction, int jitter, List<Task> writes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await using var db = database.Open();
        // One connection for all the polls: a new one each time costs PostgreSQL a backend process.
        await db.Database.OpenConnectionAsync();
        while (!await scenario.Reached(round, db, fraction))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The {scenario.Name} did not get {fraction:P0} of the way within 60 s.");
            if (writes.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }

            await Task.Delay(5);
        }

        await Task.Delay(jitter);
    }

    /// <summary>The scenario's writes; a request that fails because the app died ends them, anything else fails the test.</summary>
    private static async Task Write(ICrashScenario scenario, CrashRound round, int offset, CancellationToken killed)
    {
        try
        {
            await Task.Delay(offset, killed);
            await scenario.Write(round, killed);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // Killed.
        }
    }
}
