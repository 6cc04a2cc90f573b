using System.Diagnostics;
using Leadwerk.Bench;
using Leadwerk.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Leadwerk.Tests.Bench;

/// <summary>
/// The benchmark suite in quick mode (tiny data, few iterations), so it cannot rot: generate and
/// run must work against the current schema and services and write every row of the report,
/// including the HTTP rows, for which the real app is started and loaded with wrk (installed by
/// scripts/test.sh); the matrix with its browser cells (Chromium), the growth plot and the 1M-row jobs
/// at 2,000 rows.
/// </summary>
[RunsLong]
public sealed class BenchSmokeTests(ITestOutputHelper testOutput)
{
    private static readonly string[] Scenarios =
    [
        "| Find, first page |", "| Find, page ", "| Find, last name starts with |", "| Find, e-mail contains |",
        "| Contacts tab, grouped |", "| Board of a dynamic selection |", "| Lead status change |", "| My day |",
        "| Bulk update, preview |", "| Bulk update, run |", "| CSV import |",
        "| GET /api/persons/{id} |", "| Find API |",
    ];

    [Fact]
    public async Task QuickBenchmarkOnSqliteGeneratesDataAndWritesEveryResultRow()
    {
        var directory = Path.Combine(Path.GetTempPath(), "leadwerk-bench-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var connection = $"Data Source={Path.Combine(directory, "bench.db")};Pooling=False";
            await GenerateAndRun("sqlite", connection, Path.Combine(directory, "performance.md"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task QuickBenchmarkOnPostgresGeneratesDataAndWritesEveryResultRow()
    {
        var server = Environment.GetEnvironmentVariable(PostgresApp.EnvironmentVariable);
        Assert.False(string.IsNullOrWhiteSpace(server), $"{PostgresApp.EnvironmentVariable} is not set; run the tests through scripts/test.sh.");
        var database = "lw_bench_" + Guid.NewGuid().ToString("N");
        var output = Path.Combine(Path.GetTempPath(), $"leadwerk-bench-{database}.md");
        try
        {
            await GenerateAndRun("postgres", $"{server!.TrimEnd(';')};Database={database}", output);
        }
        finally
        {
            File.Delete(output);
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection($"{server.TrimEnd(';')};Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task GenerateAndRun(string provider, string connection, string output)
    {
        // The bench's log with the seconds since the start, in the test's output: where a slow smoke run spends its time.
        using var log = new ElapsedWriter();
        try
        {
            await GenerateAndCheck(provider, connection, output, log);
        }
        finally
        {
            testOutput.WriteLine(log.ToString());
        }
    }

    private static async Task GenerateAndCheck(string provider, string connection, string output, TextWriter log)
    {
        await Generator.Run(BenchOptions.Parse(["generate", "--provider", provider, "--connection", connection, "--quick"]), log);
        await Runner.Run(BenchOptions.Parse(["run", "--provider", provider, "--connection", connection, "--quick", "--output", output]), log);

        var matrix = Path.ChangeExtension(output, ".matrix.md");
        var plot = Path.ChangeExtension(output, ".growth.svg");
        var jobs = Path.ChangeExtension(output, ".jobs.md");
        try
        {
            // The matrix fails itself when any cell's answer differs from its floor's.
            // The browser cells and the plot do not depend on the database: once, on SQLite, is enough to keep them working.
            var everything = provider == "sqlite";
            await Leadwerk.Bench.Matrix.MatrixRun.Run(BenchOptions.Parse(
                ["matrix", "--provider", provider, "--connection", connection, "--quick", "--output", matrix, .. everything ? Array.Empty<string>() : ["--no-browser"]]), log);
            var cells = await File.ReadAllTextAsync(matrix);
            foreach (var group in new[] { "## Find", "## Contacts tab", "## Board", "## Selection members", "## Quick search", "## Get by id" })
            {
                Assert.Contains(group, cells, StringComparison.Ordinal);
            }

            Assert.Contains("answers differing: 0", cells, StringComparison.Ordinal);
            Assert.Contains("| Find: 2 lead statuses at potential customers, sort -company.owner, first page |", cells, StringComparison.Ordinal);
            if (everything)
            {
                Assert.Contains("## In the browser", cells, StringComparison.Ordinal);
                Assert.Contains("| Board: two owners' persons by lead status, first card |", cells, StringComparison.Ordinal);

                // The growth plot draws from the numbers beside the report (one size here: one point per scenario).
                Assert.Equal(0, await Leadwerk.Bench.Matrix.GrowthPlot.Run(["--output", plot, Path.ChangeExtension(matrix, ".json")], log));
                var svg = await File.ReadAllTextAsync(plot);
                Assert.Contains("<svg", svg, StringComparison.Ordinal);
                Assert.Contains("Find, no criteria, by last name", svg, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("## In the browser", cells, StringComparison.Ordinal);
            }

            // The jobs check their own results (history rows, undo, rollback) and fail the run when one is off.
            await Leadwerk.Bench.Jobs.JobsRun.Run(BenchOptions.Parse(["jobs", "--provider", provider, "--connection", connection, "--quick", "--output", jobs]), log);
            var jobReport = await File.ReadAllTextAsync(jobs);
            foreach (var job in new[] { "| CSV import |", "| Bulk update |", "| Bulk undo |", "| Import rollback |" })
            {
                Assert.Contains(job, jobReport, StringComparison.Ordinal);
            }

            Assert.Contains("| Floor (s) |", jobReport, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(matrix);
            File.Delete(Path.ChangeExtension(matrix, ".json"));
            File.Delete(plot);
            File.Delete(jobs);
        }

        var report = await File.ReadAllTextAsync(output);
        Assert.Contains("2,000 companies, 10,000 persons", report, StringComparison.Ordinal);
        foreach (var scenario in Scenarios)
        {
            Assert.Contains(scenario, report, StringComparison.Ordinal);
        }

        Assert.Contains($"user with {DataSet.MyDayOpen:N0} open follow-ups", report, StringComparison.Ordinal);
        // Until the criterion exists (issue 13, Find), its scenarios are skipped; once it does, they must run.
        if (Leadwerk.Web.Search.SearchFields.Find("person.nextFollowUp") is not null)
        {
            Assert.Contains("| Find, next follow-up in 7 days |", report, StringComparison.Ordinal);
            Assert.Contains("| Find, no follow-up planned |", report, StringComparison.Ordinal);
        }

        Assert.Contains("Machine: ", report, StringComparison.Ordinal);
    }
}

/// <summary>Keeps what is written, each line prefixed with the seconds since the writer was made.</summary>
internal sealed class ElapsedWriter : StringWriter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _lineStart = true;

    public override void Write(char value)
    {
        if (_lineStart)
        {
            base.Write($"{_clock.Elapsed.TotalSeconds,7:F1} s  ");
        }

        base.Write(value);
        _lineStart = value == '\n';
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }
}
