using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leadwerk.Bench;

/// <summary>
/// The raw-SQL floor: the same question written by hand in plain SQL over ADO.NET, with the same
/// result shape (the page plus one row to know there is a next page), read to the end.
/// </summary>
public sealed class Floor(DbConnection connection) : IAsyncDisposable
{
    public const string PersonColumns = """
        p."Id", p."FirstName", p."LastName", p."Email", p."Phone", p."OwnerId", u."DisplayName", p."CompanyId", c."Name", p."CategoryId",
        p."LeadStatusId", p."LeadStatusChangedAt", p."CreatedAt", p."Version"
        """;

    public const string PersonJoins = """
        FROM "Persons" p LEFT JOIN "Companies" c ON c."Id" = p."CompanyId" LEFT JOIN "Users" u ON u."Id" = p."OwnerId"
        """;

    public const string AfterKey = """p."LastNameKey" >= @lastName AND (p."LastNameKey" > @lastName OR p."Id" > @id)""";

    public static async Task<Floor> Open(BenchOptions options)
    {
        DbConnection connection = options.Provider == "postgres" ? new NpgsqlConnection(options.Connection) : new SqliteConnection(options.Connection);
        await connection.OpenAsync();
        return new Floor(connection);
    }

    /// <summary>For floors that write: the connection itself, to prepare statements once and run them in transactions.</summary>
    public DbConnection Connection => connection;

    /// <summary>
    /// The app reads SQLite through a memory map (<c>SqliteConnectionSetup</c>, 1 GiB by default); a floor that reads
    /// through system calls pays for what the app does not (on the dashboard's scans, about as much system as user time);
    /// and it syncs and checkpoints at the app's levels, so a floor that writes commits as the app does.
    /// </summary>
    public async Task MapLikeTheApp()
    {
        if (connection is SqliteConnection)
        {
            await using var command = Command($"PRAGMA mmap_size = {Leadwerk.Web.Data.SqliteConnectionSetup.DefaultMmapBytes}; " +
                $"PRAGMA synchronous = {Leadwerk.Web.Data.SqliteConnectionSetup.DefaultSynchronous}; " +
                $"PRAGMA wal_autocheckpoint = {Leadwerk.Web.Data.SqliteConnectionSetup.WalAutocheckpointPages};", []);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// The page's floor on PostgreSQL: eight queries at once on two cores are faster without parallel workers
    /// (their workers only compete for the same cores), as the app reads its tiles.
    /// </summary>
    public async Task SerialLikeTheApp()
    {
        if (connection is NpgsqlConnection)
        {
            await using var command = Command("SET max_parallel_workers_per_gather = 0", []);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Reads every row; returns the first column of each (the ids).</summary>
    public async Task<List<long>> Ids(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            ids.Add(Convert.ToInt64(values[0], System.Globalization.CultureInfo.InvariantCulture));
        }

        return ids;
    }

    public async Task<List<object?[]>> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            rows.Add(values.Select(v => v is DBNull ? null : v).ToArray());
        }

        return rows;
    }

    public async Task<long> Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string> Text(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
