using Microsoft.Data.Sqlite;

namespace Leadwerk.Web.Backup;

/// <summary>
/// Backup and restore of a SQLite database through SQLite's online backup API
/// (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>), safe while the app runs.
/// </summary>
internal static class SqliteBackup
{
    public static int Backup(SqliteConnectionStringBuilder app, string file, TextWriter log)
    {
        var source = Path.GetFullPath(app.DataSource);
        if (!File.Exists(source))
        {
            log.WriteLine($"ERROR: there is no SQLite database at {source} (Database:Provider, ConnectionStrings:Leadwerk).");
            return DatabaseCommands.Failed;
        }

        // Written under another name first: a backup that fails half-way never looks like a backup.
        var partial = file + ".partial";
        File.Delete(partial);
        log.WriteLine($"Backing up {source} to {file} ...");
        Copy(source, partial);
        using (var copy = Open(partial, SqliteOpenMode.ReadWrite))
        {
            // One file, no -wal beside it: the copy can be moved and mailed as it is.
            Execute(copy, "PRAGMA journal_mode=DELETE;");
        }

        var problems = Problems(partial);
        if (problems.Count > 0)
        {
            problems.ForEach(p => log.WriteLine($"ERROR: {p}"));
            log.WriteLine($"ERROR: the copy failed its checks; it is left at {partial} for a look.");
            return DatabaseCommands.Failed;
        }

        File.Move(partial, file);
        log.WriteLine($"Backup written and checked (integrity_check ok): {file}");
        return DatabaseCommands.Done;
    }

    public static int Restore(string backup, string target, bool force, TextWriter log)
    {
        var problems = Problems(backup);
        if (problems.Count > 0)
        {
            problems.ForEach(p => log.WriteLine($"ERROR: {p}"));
            log.WriteLine($"ERROR: {backup} failed its checks; nothing was restored.");
            return DatabaseCommands.Failed;
        }

        var user = OpenedBy(target);
        if (File.Exists(target) && !force)
        {
            log.WriteLine(user is null
                ? $"ERROR: {target} exists. Restore into a new directory, or add --force to overwrite it."
                : $"ERROR: {target} is open in process {user} (a running app?). Stop it first, or add --force to overwrite its database in place.");
            return DatabaseCommands.Refused;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Through the backup API also when overwriting: it takes the target's write lock and its
        // readers see the old database or the new one whole, never a mix; a file copy could not promise that.
        Copy(backup, target);
        problems = Problems(target);
        if (problems.Count > 0)
        {
            problems.ForEach(p => log.WriteLine($"ERROR: {p}"));
            return DatabaseCommands.Failed;
        }

        log.WriteLine($"Restored {backup} into {target} (integrity_check ok).");
        log.WriteLine(user is null
            ? $"Start the app on it with: ConnectionStrings__Leadwerk=\"Data Source={target}\" scripts/run.sh"
            : $"WARNING: process {user} had the database open; restart it now, as it caches lists and sessions.");
        return DatabaseCommands.Done;
    }

    /// <summary>
    /// What is wrong with a database file: SQLite's integrity check, foreign keys, the full-text
    /// indexes (their own integrity check), and whether it is a Leadwerk database at all. Empty when sound.
    /// The crash tests run the same checks after each kill.
    /// </summary>
    public static List<string> Problems(string file)
    {
        var problems = new List<string>();
        using var db = Open(file, SqliteOpenMode.ReadWrite);
        var integrity = Rows(db, "PRAGMA integrity_check;");
        if (integrity is not ["ok"])
        {
            problems.AddRange(integrity.Select(r => $"integrity_check: {r}"));
        }

        problems.AddRange(Rows(db, "SELECT \"table\" || ' row ' || rowid || ' points to a missing ' || parent FROM pragma_foreign_key_check;")
            .Select(r => $"foreign_key_check: {r}"));
        foreach (var table in Rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%';"))
        {
            try
            {
                var quoted = "\"" + table.Replace("\"", "\"\"") + "\"";
                Execute(db, $"INSERT INTO {quoted}({quoted}) VALUES ('integrity-check');");
            }
            catch (SqliteException e)
            {
                problems.Add($"full-text index {table}: {e.Message}");
            }
        }

        if (!Rows(db, "SELECT name FROM sqlite_master WHERE name = '__EFMigrationsHistory';").Any())
        {
            problems.Add($"{file} has no __EFMigrationsHistory table: it is not a Leadwerk database.");
        }

        return problems;
    }

    /// <summary>
    /// The whole database in one step of the backup API: one read transaction, so the copy holds
    /// every transaction committed before it began, whole, and none that committed later. In WAL
    /// mode the app's writers go on meanwhile; they are not blocked and do not restart the copy.
    /// </summary>
    private static void Copy(string from, string to)
    {
        using var source = Open(from, SqliteOpenMode.ReadWrite);
        using var target = Open(to, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(target);
    }

    /// <summary>Linux: a process other than this one that has the database (or its WAL) open, as a running app does.</summary>
    private static int? OpenedBy(string file)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return null;
        }

        string[] names = [file, file + "-wal", file + "-shm"];
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")).Any(fd => names.Contains(new FileInfo(fd).LinkTarget)))
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's: not ours to look at.
            }
        }

        return null;
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Rows(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetValue(0)?.ToString() ?? "");
        }

        return rows;
    }
}
