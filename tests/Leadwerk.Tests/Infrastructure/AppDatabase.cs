using Leadwerk.Web.Backup;
using Leadwerk.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>
/// The database a test runs an app process on (<see cref="Bulk.AppProcess"/>): a SQLite file in a
/// directory of its own, or a fresh database in the PostgreSQL cluster scripts/test.sh names in
/// LEADWERK_TEST_POSTGRES (the app creates it when it migrates). Removed on dispose.
/// </summary>
public abstract class AppDatabase : IAsyncDisposable
{
    /// <summary>`sqlite` or `postgres`, as `Database:Provider` takes it.</summary>
    public abstract string Provider { get; }

    /// <summary>`ConnectionStrings:Leadwerk` for the app.</summary>
    public abstract string ConnectionString { get; }

    public static AppDatabase Sqlite() => new SqliteFile(Path.Combine(Path.GetTempPath(), "leadwerk-tests", "app-" + Guid.NewGuid().ToString("N")));

    public static AppDatabase Postgres() => new PostgresDatabase("lw_" + Guid.NewGuid().ToString("N"));

    public static AppDatabase Of(string provider) => provider == DatabaseSetup.Postgres ? Postgres() : Sqlite();

    /// <summary>Where scripts/restore.sh should put a backup to make this database: the SQLite file's directory, or the PostgreSQL database's name.</summary>
    public abstract string RestoreTarget { get; }

    /// <summary>A context straight on the database, for checks beside the app; no interceptors, so it writes nothing the app would stamp.</summary>
    public abstract LeadwerkDbContext Open();

    /// <summary>What the engine itself finds wrong with the database; empty when sound.</summary>
    public abstract Task<List<string>> IntegrityProblems();

    public abstract ValueTask DisposeAsync();

    public override string ToString() => $"{Provider}: {ConnectionString}";

    private sealed class SqliteFile(string directory) : AppDatabase
    {
        private string File => Path.Combine(Directory.CreateDirectory(directory).FullName, "leadwerk.db");

        public override string Provider => DatabaseSetup.Sqlite;

        public override string ConnectionString => $"Data Source={File}";

        public override string RestoreTarget => directory;

        public override LeadwerkDbContext Open() => new(new DbContextOptionsBuilder<LeadwerkDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = File, Pooling = false, ForeignKeys = true, DefaultTimeout = 30 }.ToString())
            .Options);

        /// <summary>The checks of the verify step of scripts/backup.sh: integrity_check, foreign keys, the full-text index.</summary>
        public override Task<List<string>> IntegrityProblems() => Task.FromResult(SqliteBackup.Problems(File));

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresDatabase(string database) : AppDatabase
    {
        private static string Server => Environment.GetEnvironmentVariable(PostgresApp.EnvironmentVariable) is { Length: > 0 } server
            ? server.TrimEnd(';')
            : throw new InvalidOperationException($"{PostgresApp.EnvironmentVariable} is not set; run the tests through scripts/test.sh, which starts PostgreSQL.");

        public override string Provider => DatabaseSetup.Postgres;

        public override string ConnectionString => $"{Server};Database={database}";

        public override string RestoreTarget => database;

        // Pooled: every check opens connections, and a new one costs PostgreSQL a process; the pool
        // is cleared and the database dropped WITH (FORCE) at the end.
        public override LeadwerkDbContext Open() => new(new DbContextOptionsBuilder<LeadwerkDbContext>()
            .UseNpgsql(ConnectionString).Options);

        /// <summary>
        /// amcheck over every B-tree index of the app's tables, heap included: each index entry
        /// points to a row and each row has its entries. Constraints PostgreSQL checks itself.
        /// </summary>
        public override async Task<List<string>> IntegrityProblems()
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using (var extension = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS amcheck", connection))
            {
                await extension.ExecuteNonQueryAsync();
            }

            var problems = new List<string>();
            await using var indexes = new NpgsqlCommand("""
                SELECT c.relname FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE a.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence <> 't' AND i.indisready AND i.indisvalid
                """, connection);
            var names = new List<string>();
            await using (var reader = await indexes.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var name in names)
            {
                try
                {
                    await using var check = new NpgsqlCommand("SELECT bt_index_check(@index::regclass, true)", connection);
                    check.Parameters.AddWithValue("index", $"public.\"{name}\"");
                    await check.ExecuteNonQueryAsync();
                }
                catch (PostgresException e)
                {
                    problems.Add($"index {name}: {e.MessageText}");
                }
            }

            return names.Count == 0 ? ["no indexes found: not a Leadwerk database?"] : problems;
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection($"{Server};Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
