using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Leadwerk.Web.Data;

/// <summary>
/// Sets up every SQLite connection the app opens:
/// - SQLite's built-in lower() and upper() fold only ASCII letters, so a case-insensitive search
///   for "Émile" or "Ökten" would never match; they are replaced by .NET's Unicode-aware versions,
///   which PostgreSQL's own functions already are.
/// - The database file is read through a memory map of up to <c>Database:SqliteMmapBytes</c>
///   (default 1 GiB, 0 turns it off): reads of pages the OS already caches cost no system call,
///   which took a third off "e-mail contains" at a million persons (issue 6). Set once per native
///   connection; pooled connections keep it.
/// - Commits wait for the disk as <c>Database:SqliteSynchronous</c> says: <c>normal</c> (default; in
///   WAL mode a commit survives the app's crash and never corrupts the file, only a power loss may take
///   the last commits back) or <c>full</c> (every commit waits for the disk). ADR 0010.
/// - The write-ahead log is copied back into the file once it holds <see cref="WalAutocheckpointPages"/>
///   pages (40 MiB) instead of SQLite's 1,000: a batch of a bulk update or an import dirties more than
///   1,000 pages, so every commit paid a checkpoint with its wait for the disk; pages written again by the
///   next batches are now copied once. 300,000 persons' owners in batches of 1,000 at 1M persons: 22.4 s
///   → 12.7 s (issue 17). The price: the log file grows to about 40 MiB, and the commit that crosses the
///   mark copies it (a fraction of a second).
/// </summary>
public sealed class SqliteConnectionSetup(long mmapBytes, string synchronous = SqliteConnectionSetup.DefaultSynchronous) : DbConnectionInterceptor
{
    public const string MmapSetting = "Database:SqliteMmapBytes";
    public const long DefaultMmapBytes = 1L << 30;
    public const string SynchronousSetting = "Database:SqliteSynchronous";
    public const string DefaultSynchronous = "normal";
    public const int WalAutocheckpointPages = 10_000;

    /// <summary>The setting as a PRAGMA value; anything else stops the start with the values it takes.</summary>
    public static string Synchronous(string? value) => (value ?? DefaultSynchronous).Trim().ToLowerInvariant() switch
    {
        "normal" => "NORMAL",
        "full" => "FULL",
        var other => throw new InvalidOperationException($"{SynchronousSetting} '{other}' is not supported; use 'normal' or 'full'."),
    };

    private static readonly ConditionalWeakTable<sqlite3, object> Mapped = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Setup(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Setup(connection);
        return Task.CompletedTask;
    }

    private void Setup(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        sqlite.CreateFunction<string?, string?>("lower", s => s?.ToLowerInvariant(), isDeterministic: true);
        sqlite.CreateFunction<string?, string?>("upper", s => s?.ToUpperInvariant(), isDeterministic: true);
        if (sqlite.Handle is { } handle && Mapped.TryAdd(handle, true))
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = (mmapBytes > 0 ? $"PRAGMA mmap_size = {mmapBytes}; " : "") + $"PRAGMA synchronous = {Synchronous(synchronous)}; PRAGMA wal_autocheckpoint = {WalAutocheckpointPages};";
            command.ExecuteNonQuery();
        }
    }
}
