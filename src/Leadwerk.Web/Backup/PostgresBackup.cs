using System.Diagnostics;
using Npgsql;

namespace Leadwerk.Web.Backup;

/// <summary>
/// Backup and restore of a PostgreSQL database with pg_dump (custom format) and pg_restore, which
/// connect with the app's connection string handed over as libpq's PG* environment variables (the
/// password never shows on a command line).
/// </summary>
internal static class PostgresBackup
{
    /// <summary>Where pg_dump and pg_restore are, when neither Debian's versioned directories nor PATH have the right ones.</summary>
    public const string BinVariable = "LEADWERK_PG_BIN";

    public static async Task<int> Backup(string connectionString, string file, TextWriter log)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            log.WriteLine("ERROR: Database:Provider is postgres but ConnectionStrings:Leadwerk is empty.");
            return DatabaseCommands.Failed;
        }

        var partial = file + ".partial";
        File.Delete(partial);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        log.WriteLine($"Backing up database {settings.Database} on {settings.Host} to {file} with {Tool("pg_dump")} ...");
        // pg_dump reads the whole database in one repeatable-read snapshot: every transaction
        // committed before it started, whole, and none after; the app's writers go on meanwhile.
        var (code, output) = await Run("pg_dump", settings, ["--format=custom", "--no-password", "--file", partial]);
        if (code != 0)
        {
            log.WriteLine(output);
            log.WriteLine($"ERROR: pg_dump exited with {code}.");
            return DatabaseCommands.Failed;
        }

        var problems = await Problems(partial);
        if (problems.Count > 0)
        {
            problems.ForEach(p => log.WriteLine($"ERROR: {p}"));
            return DatabaseCommands.Failed;
        }

        File.Move(partial, file);
        log.WriteLine($"Backup written and checked (pg_restore --list ok): {file}");
        return DatabaseCommands.Done;
    }

    public static async Task<int> Restore(string backup, string serverConnectionString, string database, bool force, TextWriter log)
    {
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            log.WriteLine("ERROR: set ConnectionStrings:Leadwerk (ConnectionStrings__Leadwerk) to the PostgreSQL server to restore on; its Database is replaced by the one given.");
            return DatabaseCommands.Failed;
        }

        var problems = await Problems(backup);
        if (problems.Count > 0)
        {
            problems.ForEach(p => log.WriteLine($"ERROR: {p}"));
            return DatabaseCommands.Failed;
        }

        var target = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database };
        var server = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        var quoted = "\"" + database.Replace("\"", "\"\"") + "\"";
        var exists = await Scalar(server, "SELECT count(*) FROM pg_database WHERE datname = @name", database) > 0;
        if (!exists)
        {
            await Scalar(server, $"CREATE DATABASE {quoted}", null);
        }
        else
        {
            var sessions = await Scalar(server, "SELECT count(*) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", database);
            var tables = await Scalar(target, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", null);
            if ((sessions > 0 || tables > 0) && !force)
            {
                log.WriteLine(sessions > 0
                    ? $"ERROR: {sessions} session(s) are connected to database {database} (a running app?). Stop them first, or add --force."
                    : $"ERROR: database {database} already has {tables} table(s). Restore into a new database, or add --force to replace them.");
                return DatabaseCommands.Refused;
            }
        }

        // One transaction: the database ends up as the backup, or as it was when anything fails.
        string[] options = ["--no-owner", "--no-privileges", "--no-password", "--exit-on-error", "--single-transaction",
            .. (exists ? new[] { "--clean", "--if-exists" } : []), "--dbname", database, backup];
        var (code, output) = await Run("pg_restore", target, options);
        if (code != 0)
        {
            log.WriteLine(output);
            log.WriteLine($"ERROR: pg_restore exited with {code}; the database was left as it was.");
            return DatabaseCommands.Failed;
        }

        var migrations = await Scalar(target, "SELECT count(*) FROM \"__EFMigrationsHistory\"", null);
        target.Password = null;
        log.WriteLine($"Restored {backup} into database {database} ({migrations} migrations applied in it).");
        log.WriteLine($"Start the app on it with ConnectionStrings__Leadwerk=\"{target.ConnectionString}\" (and the password).");
        return DatabaseCommands.Done;
    }

    /// <summary>pg_restore can read the whole table of contents, and it holds Leadwerk's tables. Empty when sound.</summary>
    public static async Task<List<string>> Problems(string file)
    {
        var (code, output) = await Run("pg_restore", null, ["--list", file]);
        if (code != 0)
        {
            return [$"pg_restore --list {file} exited with {code}: {output.Trim()}"];
        }

        return output.Contains("TABLE DATA public __EFMigrationsHistory", StringComparison.Ordinal)
            && output.Contains("TABLE DATA public Persons", StringComparison.Ordinal)
            ? []
            : [$"{file} holds no Leadwerk tables (pg_restore --list shows no data for __EFMigrationsHistory and Persons)."];
    }

    private static async Task<long> Scalar(NpgsqlConnectionStringBuilder settings, string sql, string? name)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (name is not null)
        {
            command.Parameters.AddWithValue("name", name);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    private static async Task<(int Code, string Output)> Run(string tool, NpgsqlConnectionStringBuilder? settings, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Tool(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (settings is not null)
        {
            Set(start, "PGHOST", settings.Host);
            Set(start, "PGPORT", settings.Port.ToString());
            Set(start, "PGUSER", settings.Username);
            Set(start, "PGPASSWORD", settings.Password);
            Set(start, "PGPASSFILE", settings.Passfile);
            Set(start, "PGDATABASE", settings.Database);
            Set(start, "PGSSLMODE", settings.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            });
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"{tool} was not found ({e.Message}). Install the PostgreSQL client (apt-get install -y postgresql-client) or set {BinVariable}.");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await errors);
        }
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
    }

    /// <summary>
    /// LEADWERK_PG_BIN, else the newest of Debian's /usr/lib/postgresql/N/bin (pg_dump must be at
    /// least as new as the server), else PATH.
    /// </summary>
    private static string Tool(string name)
    {
        if (Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } bin)
        {
            return Path.Combine(bin, name);
        }

        var newest = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Path: Path.Combine(d, "bin", name)))
                .Where(t => File.Exists(t.Path)).OrderByDescending(t => t.Version).Select(t => t.Path).FirstOrDefault()
            : null;
        return newest ?? name;
    }
}
