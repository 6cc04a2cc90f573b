using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>
/// A database the app has started on once (migrated, seeded, first admin), per provider and test
/// run. Each fixture's app then starts on a copy of it instead of migrating and seeding a new one,
/// which took most of a fixture's start; the app's start on the copy still runs every step and
/// finds them done, as at any later start. Removed when the test process exits.
/// </summary>
internal static class DatabaseTemplates
{
    private static readonly string SqliteDirectory = Path.Combine(Path.GetTempPath(), "leadwerk-tests", "template-" + Guid.NewGuid().ToString("N"));
    private static readonly string PostgresName = "lw_template_" + Guid.NewGuid().ToString("N");
    private static readonly Lazy<Task<string>> Sqlite = new(MakeSqlite);
    private static readonly Lazy<Task<string>> Postgres = new(MakePostgres);

    /// <summary>Copies the SQLite template to <paramref name="file"/>.</summary>
    public static async Task CopySqlite(string file)
    {
        var template = await Sqlite.Value;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Copy(template, file);
    }

    /// <summary>Creates <paramref name="database"/> as a copy of the PostgreSQL template.</summary>
    public static async Task CopyPostgres(string server, string database)
    {
        var template = await Postgres.Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Execute(server, $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // Another copy being made from it at this moment.
                await Task.Delay(100);
            }
        }
    }

    private static async Task<string> MakeSqlite()
    {
        var file = Path.Combine(SqliteDirectory, "template.db");
        await using (var app = new SqliteTemplateApp(file))
        {
            await app.InitializeAsync();
        }

        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(SqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        };
        return file;
    }

    private static async Task<string> MakePostgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresApp.EnvironmentVariable) is { Length: > 0 } configured
            ? configured.TrimEnd(';') : throw new InvalidOperationException($"{PostgresApp.EnvironmentVariable} is not set.");
        await using (var app = new PostgresTemplateApp($"{server};Database={PostgresName}"))
        {
            await app.InitializeAsync();
        }

        // A template must have no sessions while it is copied.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute(server, $"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The throwaway cluster may be gone already.
            }
        };
        return PostgresName;
    }

    private static async Task Execute(string server, string sql)
    {
        await using var connection = new NpgsqlConnection($"{server.TrimEnd(';')};Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class SqliteTemplateApp(string file) : LeadwerkApp
    {
        public override string Provider => Leadwerk.Web.Data.DatabaseSetup.Sqlite;

        protected override string ConnectionString => $"Data Source={file};Pooling=False";

        protected override Task DropDatabase() => Task.CompletedTask;
    }

    private sealed class PostgresTemplateApp(string connectionString) : LeadwerkApp
    {
        public override string Provider => Leadwerk.Web.Data.DatabaseSetup.Postgres;

        protected override string ConnectionString => connectionString;

        protected override Task DropDatabase() => Task.CompletedTask;
    }
}
