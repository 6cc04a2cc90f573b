using Leadwerk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Leadwerk.Tests.Safety;

/// <summary>
/// Issue 12: the app process is killed with SIGKILL at random moments while a bulk update, an import
/// and single API writes run at once, and started again; see <see cref="CrashRounds"/> for what each
/// round proves. Twenty rounds on each provider: SQLite, whose engine runs inside the killed process,
/// and PostgreSQL, whose server survives the kill and rolls back what was open. Each round costs an
/// app start, which dominates the suite's time; LEADWERK_CRASH_ROUNDS runs more.
/// </summary>
[RunsLong]
public sealed class CrashRoundTestsOnSqlite(ITestOutputHelper output)
{
    [Fact]
    public async Task KillsAtRandomMomentsLoseNoAcknowledgedWriteAndLeaveNoBatchHalfApplied()
    {
        await using var database = AppDatabase.Sqlite();
        await new CrashRounds(database, output).Run(rounds: 20);
    }
}

[RunsLong]
public sealed class CrashRoundTestsOnPostgres(ITestOutputHelper output)
{
    [Fact]
    public async Task KillsAtRandomMomentsLoseNoAcknowledgedWriteAndLeaveNoBatchHalfApplied()
    {
        await using var database = AppDatabase.Postgres();
        await new CrashRounds(database, output).Run(rounds: 20);
    }
}
