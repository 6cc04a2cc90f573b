using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Leadwerk.Bench.Jobs;

/// <summary>
/// `index-costs` (SQLite): what each index and trigger on the tables an import writes costs it. The import's floor
/// (<see cref="JobFloors.Import"/>) runs on a fresh copy of the database without that one object, beside the floor on
/// plain copies before and after; the difference is the object's share of the import's writes.
/// </summary>
internal static class IndexCosts
{
    private static readonly string[] Tables = ["Persons", "LeadStatusChanges", "ImportRows"];

    public static async Task Run(BenchOptions options, TextWriter log)
    {
        if (options.Provider != "sqlite")
        {
            throw new ArgumentException("index-costs runs on SQLite: it copies the database file once per index or trigger.");
        }

        var source = new SqliteConnectionStringBuilder(options.Connection).DataSource;
        List<object?[]> objects;
        long category, status, user;
        await using (var floor = await Floor.Open(options))
        {
            // Write-ahead log into the file first: each copy is of the file alone.
            await floor.Text("PRAGMA wal_checkpoint(TRUNCATE)");
            objects = await floor.Rows($"""
                SELECT "type", "name", "tbl_name" FROM sqlite_master WHERE "type" IN ('index', 'trigger') AND "sql" IS NOT NULL
                AND "tbl_name" IN ({string.Join(", ", Tables.Select(t => $"'{t}'"))}) ORDER BY "tbl_name", "type", "name"
                """);
            category = await floor.Scalar("""SELECT "Id" FROM "Categories" WHERE "LeadStatusEnabled" AND NOT "Deleted" ORDER BY "Rank", "Id" LIMIT 1""");
            status = await floor.Scalar("""SELECT "Id" FROM "LeadStatuses" WHERE NOT "Deleted" ORDER BY "Rank", "Id" LIMIT 1""");
            user = await floor.Scalar("""SELECT MIN("Id") FROM "Users" """);
        }

        async Task<double> Import(string? type, string? name)
        {
            var ms = await Once(options, source, type, name, category, status, user);
            log.WriteLine($"- {(name is null ? "all in place" : $"without {type} {name}")}: {ms / 1000:N1} s");
            return ms;
        }

        // The first copy is read from a cold cache: a warm-up, not a baseline.
        await Import(null, null);
        var baseline = new List<double> { await Import(null, null) };
        var results = new List<(string Type, string Name, string Table, double Ms)>();
        foreach (var row in objects)
        {
            var (type, name, table) = ((string)row[0]!, (string)row[1]!, (string)row[2]!);
            results.Add((type, name, table, await Import(type, name)));
        }

        baseline.Add(await Import(null, null));
        await File.WriteAllTextAsync(options.Output, Markdown(options, baseline, results));
        log.WriteLine($"Report written to {options.Output}.");
    }

    private static async Task<double> Once(BenchOptions options, string source, string? type, string? name, long category, long status, long user)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"leadwerk-index-costs-{Guid.NewGuid():N}.db");
        File.Copy(source, copy);
        try
        {
            await using var floor = await Floor.Open(options with { Connection = $"Data Source={copy}" });
            await floor.MapLikeTheApp();
            if (type is not null)
            {
                await using var drop = floor.Connection.CreateCommand();
                drop.CommandText = $"""DROP {type.ToUpperInvariant()} "{name}" """;
                await drop.ExecuteNonQueryAsync();
            }

            var (ms, _) = await new JobFloors(floor.Connection, postgres: false).Import(options.Rows, "Cost" + Guid.NewGuid().ToString("N")[..8], category, status, user);
            return ms;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static string Markdown(BenchOptions options, List<double> baseline, List<(string Type, string Name, string Table, double Ms)> results)
    {
        var all = baseline.Average();
        var md = new StringBuilder();
        md.AppendLine("# What each index and trigger costs an import (SQLite)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Measured by `Leadwerk.Bench index-costs` (issue 17): the floor of a CSV import of {options.Rows:N0} new persons");
        md.AppendLine("(`Jobs/JobFloors.cs`: the persons, their history rows and the file's lines, by hand) on a fresh copy of the database");
        md.AppendLine("without one index or trigger, beside the same floor with everything in place (run first and last, after a warm-up). *Saved* is what");
        md.AppendLine("the import gains without the object; differences of a few percent are within the run-to-run noise.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Everything in place: {string.Join(" and ", baseline.Select(b => $"{b / 1000:0.0} s"))} (mean {all / 1000:0.0} s)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Reproduce: `Leadwerk.Bench index-costs --provider sqlite --connection \"Data Source=<a copy of the generated database>\" --rows {options.Rows}`");
        md.AppendLine();
        md.AppendLine("| Without | On | Import floor (s) | Saved (s) | Saved |");
        md.AppendLine("|---|---|---:|---:|---:|");
        foreach (var (type, name, table, ms) in results.OrderBy(r => r.Ms))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {type} `{name}` | {table} | {ms / 1000:0.0} | {(all - ms) / 1000:0.0} | {(all - ms) / all:0%} |");
        }

        return md.ToString();
    }
}
