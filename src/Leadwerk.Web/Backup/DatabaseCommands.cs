using Leadwerk.Web.Data;

namespace Leadwerk.Web.Backup;

/// <summary>
/// The app's maintenance commands behind scripts/backup.sh and scripts/restore.sh:
/// <code>
/// Leadwerk.Web.dll backup DIR|FILE              a consistent copy of the database the app serves, verified
/// Leadwerk.Web.dll restore BACKUP DIR|FILE|DB [--force]
/// Leadwerk.Web.dll verify BACKUP
/// </code>
/// They read the settings exactly as the app does (appsettings.json, environment, <c>--Key=value</c>),
/// so a backup copies the very database a start with the same settings would serve. They are built
/// into the app rather than left to the sqlite3 command-line tool so that a machine with only the
/// .NET SDK can make and check a SQLite backup. Exit codes: 0 done, 1 failed, 2 refused or misused.
/// </summary>
public static class DatabaseCommands
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int Refused = 2;

    public static bool IsCommand(string[] args) => args is ["backup" or "restore" or "verify", ..];

    public static async Task<int> Run(string[] args)
    {
        var log = Console.Error;
        var positional = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var force = args.Contains("--force");
        var settings = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--force").ToArray();
        if (settings.FirstOrDefault(a => !a.Contains('=')) is { } bare)
        {
            log.WriteLine($"ERROR: {bare}: give settings as --Key=value.");
            return Refused;
        }

        // The same configuration sources, in the same order, as the app's own start.
        var builder = WebApplication.CreateBuilder(settings);
        try
        {
            return (args[0], positional.Count) switch
            {
                ("backup", 1) => await Backup(builder.Configuration, builder.Environment, positional[0], log),
                ("restore", 2) => await Restore(builder.Configuration, positional[0], positional[1], force, log),
                ("verify", 1) => await Verify(positional[0], log),
                _ => Usage(log),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            log.WriteLine($"ERROR: {e.Message}");
            return Failed;
        }
    }

    private static async Task<int> Backup(IConfiguration config, IHostEnvironment env, string destination, TextWriter log)
    {
        var provider = DatabaseSetup.ProviderName(config);
        var file = BackupFile(destination, provider == DatabaseSetup.Sqlite ? ".db" : ".dump");
        if (File.Exists(file))
        {
            log.WriteLine($"ERROR: {file} exists; a backup never overwrites one.");
            return Refused;
        }

        var connectionString = config.GetConnectionString("Leadwerk");
        var result = provider == DatabaseSetup.Sqlite
            ? SqliteBackup.Backup(DatabaseSetup.SqliteSettings(connectionString, env), file, log)
            : await PostgresBackup.Backup(connectionString ?? "", file, log);
        if (result == Done)
        {
            // The only line on standard output, for scripts.
            Console.WriteLine(file);
        }

        return result;
    }

    private static async Task<int> Restore(IConfiguration config, string backup, string target, bool force, TextWriter log) =>
        Kind(backup) switch
        {
            BackupKind.Sqlite => SqliteBackup.Restore(Path.GetFullPath(backup), SqliteTarget(target), force, log),
            BackupKind.Postgres => await PostgresBackup.Restore(Path.GetFullPath(backup), config.GetConnectionString("Leadwerk") ?? "", target, force, log),
            _ => NotABackup(backup, log),
        };

    private static async Task<int> Verify(string backup, TextWriter log)
    {
        var problems = Kind(backup) switch
        {
            BackupKind.Sqlite => SqliteBackup.Problems(Path.GetFullPath(backup)),
            BackupKind.Postgres => await PostgresBackup.Problems(Path.GetFullPath(backup)),
            _ => null,
        };
        if (problems is null)
        {
            return NotABackup(backup, log);
        }

        problems.ForEach(p => log.WriteLine($"ERROR: {p}"));
        log.WriteLine(problems.Count == 0 ? $"{backup}: ok" : $"{backup}: {problems.Count} problem(s)");
        return problems.Count == 0 ? Done : Failed;
    }

    /// <summary>A directory (existing, or a path without a file extension) gets a timestamped file name.</summary>
    private static string BackupFile(string destination, string extension)
    {
        if (!IsDirectory(destination))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
            return Path.GetFullPath(destination);
        }

        Directory.CreateDirectory(destination);
        return Path.GetFullPath(Path.Combine(destination, $"leadwerk-{DateTime.UtcNow:yyyyMMdd-HHmmss}Z{extension}"));
    }

    /// <summary>A directory gets leadwerk.db, as the app names its default database.</summary>
    private static string SqliteTarget(string target) =>
        Path.GetFullPath(IsDirectory(target) ? Path.Combine(target, "leadwerk.db") : target);

    private static bool IsDirectory(string path) =>
        Directory.Exists(path) || path.EndsWith('/') || (Path.GetExtension(path) == "" && !File.Exists(path));

    private enum BackupKind { Unknown, Sqlite, Postgres }

    /// <summary>What a backup file is, by its first bytes: SQLite's file header or pg_dump's custom format.</summary>
    private static BackupKind Kind(string file)
    {
        if (!File.Exists(file))
        {
            return BackupKind.Unknown;
        }

        var head = new byte[16];
        using var stream = File.OpenRead(file);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = System.Text.Encoding.ASCII.GetString(head, 0, read);
        return text.StartsWith("SQLite format 3\0", StringComparison.Ordinal) ? BackupKind.Sqlite
            : text.StartsWith("PGDMP", StringComparison.Ordinal) ? BackupKind.Postgres
            : BackupKind.Unknown;
    }

    private static int NotABackup(string file, TextWriter log)
    {
        log.WriteLine($"ERROR: {file} is not a Leadwerk backup (neither a SQLite database nor a pg_dump custom-format file).");
        return Failed;
    }

    private static int Usage(TextWriter log)
    {
        log.WriteLine("usage: Leadwerk.Web.dll backup DIR|FILE [--Key=value...]");
        log.WriteLine("       Leadwerk.Web.dll restore BACKUP DIR|FILE|DATABASE [--force] [--Key=value...]");
        log.WriteLine("       Leadwerk.Web.dll verify BACKUP");
        return Refused;
    }
}
