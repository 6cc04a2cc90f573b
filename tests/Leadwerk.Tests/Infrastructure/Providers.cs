using Leadwerk.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>A fresh SQLite file per fixture (a copy of <see cref="DatabaseTemplates"/>), deleted afterwards.</summary>
public class SqliteApp : LeadwerkApp
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "leadwerk-tests", Guid.NewGuid().ToString("N"));

    public override string Provider => DatabaseSetup.Sqlite;

    // Pooling off, so no pooled connection keeps the file open when it is deleted.
    protected override string ConnectionString => $"Data Source={Path.Combine(_directory, "x.db")};Pooling=False";

    public override async Task InitializeAsync()
    {
        await DatabaseTemplates.CopySqlite(Path.Combine(_directory, "x.db"));
        await base.InitializeAsync();
    }

    protected override Task DropDatabase()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A fresh database per fixture (a copy of <see cref="DatabaseTemplates"/>) in the throwaway cluster
/// that scripts/test.sh starts and names in LEADWERK_TEST_POSTGRES; dropped afterwards. Without
/// that variable the tests fail, never skip.
/// </summary>
public class PostgresApp : LeadwerkApp
{
    public const string EnvironmentVariable = "LEADWERK_TEST_POSTGRES";

    private readonly string _database = "lw_" + Guid.NewGuid().ToString("N");
    private readonly string? _server = Environment.GetEnvironmentVariable(EnvironmentVariable);

    public override string Provider => DatabaseSetup.Postgres;

    protected override string ConnectionString => $"{ServerConnectionString.TrimEnd(';')};Database={_database}";

    private string ServerConnectionString => string.IsNullOrWhiteSpace(_server)
        ? throw new InvalidOperationException(
            $"{EnvironmentVariable} is not set, so the PostgreSQL tests have no server. Run them through scripts/test.sh, " +
            $"which starts a throwaway PostgreSQL cluster and sets {EnvironmentVariable} " +
            "(e.g. Host=127.0.0.1;Port=55432;Username=postgres).")
        : _server;

    public override async Task InitializeAsync()
    {
        await DatabaseTemplates.CopyPostgres(ServerConnectionString, _database);
        await base.InitializeAsync();
    }

    protected override async Task DropDatabase()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{_server.TrimEnd(';')};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Token endpoint limited to a few requests a minute, for the rate limit test alone.</summary>
public sealed class SqliteRateLimitedApp : SqliteApp
{
    public const int Limit = 3;

    protected override int TokenRateLimitPerMinute => Limit;
}

public sealed class PostgresRateLimitedApp : PostgresApp
{
    protected override int TokenRateLimitPerMinute => SqliteRateLimitedApp.Limit;
}
