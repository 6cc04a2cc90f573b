using Npgsql;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>
/// A fresh database on the PostgreSQL server scripts/test.sh starts, for instances that share it;
/// dropped on dispose.
/// </summary>
public sealed class SharedPostgres : IAsyncDisposable
{
    public const string Variable = "LEADWERK_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name = "lw_browser_" + Guid.NewGuid().ToString("N");

    public SharedPostgres() => _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
        ? server.TrimEnd(';')
        : throw new InvalidOperationException($"{Variable} is not set; run the tests through scripts/test.sh, which starts PostgreSQL.");

    public string ConnectionString => $"{_server};Database={_name}";

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
