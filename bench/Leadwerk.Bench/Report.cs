using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Leadwerk.Bench;

/// <summary>docs/performance.md: the results with the floor and ratio, the machine, the date, the sizes, and how to reproduce.</summary>
public static class Report
{
    private const double MaxFindRatio = 2;

    public static string Markdown(BenchOptions options, DataSizes sizes, IReadOnlyList<ResultRow> rows, IReadOnlyList<HttpRow> http, int warmup, int iterations)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Leadwerk performance ({(options.Provider == "postgres" ? "PostgreSQL" : "SQLite")})");
        md.AppendLine();
        md.AppendLine("Measured by `bench/Leadwerk.Bench` (issue 6, SPEC B8): the app's own services in-process, a fresh scope (DbContext) per call as");
        md.AppendLine("a request has, against the same question written by hand in plain SQL over ADO.NET on the same database (the *floor*).");
        md.AppendLine("Times in milliseconds; ratio = Leadwerk p50 / floor p50.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Machine()}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Runtime: {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Provider: {options.Provider}{(options.Quick ? " (quick mode: a smoke test, not a measurement)" : "")}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Data: {sizes.Companies:N0} companies, {sizes.Persons:N0} persons, {sizes.History:N0} lead status history rows, {sizes.FollowUps:N0} follow-ups");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Iterations: {warmup} warm-up, {iterations} measured per scenario{Hot()}");
        md.AppendLine();
        md.AppendLine("| Scenario | Details | Leadwerk p50 | p95 | p99 | Floor p50 | p95 | p99 | Ratio | Goal | Met |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|");
        foreach (var row in rows)
        {
            var ratio = row.Floor is { } f ? row.Leadwerk.P50 / Math.Max(0.001, f.P50) : (double?)null;
            var floor = row.Floor is { } g ? $"{F(g.P50)} | {F(g.P95)} | {F(g.P99)} | {ratio:0.0}×" : "— | — | — | —";
            // Find pages also promise to stay within twice the hand-written query (issue 6).
            var find = row.Scenario.StartsWith("Find", StringComparison.Ordinal) && ratio is not null;
            var met = row.Leadwerk.P95 < row.GoalMs && (!find || ratio <= MaxFindRatio);
            var goal = find ? $"p95 < {row.GoalMs:0}, ≤ {MaxFindRatio:0}×" : $"p95 < {row.GoalMs:0}";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Scenario} | {row.Detail} | {F(row.Leadwerk.P50)} | {F(row.Leadwerk.P95)} | {F(row.Leadwerk.P99)} | {floor} | {goal} | {(met ? "yes" : "**no**")} |");
        }

        md.AppendLine();
        md.AppendLine("The jobs (bulk update, import) are timed once each, from the request to the finished run.");
        if (rows.Any(r => r.Scenario.StartsWith("Dashboard", StringComparison.Ordinal)))
        {
            md.AppendLine("The dashboard rows are timed over HTTP: the real app as its own process (as in the HTTP table below), one request at a");
            md.AppendLine("time from the benchmark (the whole page: its tile requests at once, until the last answers); a scenario slower than 1 s");
            md.AppendLine("at its first call gets 2 warm-up and 20 measured calls (over 3 s: 1 and 10; over 10 s: none and 3, not run hot first) instead of the");
            md.AppendLine("iterations above, its floor too.");
        }
        md.AppendLine();
        HttpTable(md, http, options.Quick);
        md.AppendLine();
        md.AppendLine("## Reproduce");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("scripts/bench.sh            # generates and runs on SQLite and on a throwaway PostgreSQL cluster");
        md.AppendLine(CultureInfo.InvariantCulture, $"# this report: dotnet run -c Release --project bench/Leadwerk.Bench -- {Redact(options.CommandLine)}");
        md.AppendLine("# the dashboard scenarios alone (issue 14): the same run with --only Dashboard");
        md.AppendLine("```");
        return md.ToString();
    }

    /// <summary>Scenario 7: throughput of the real app over HTTP, with latency under that load.</summary>
    private static void HttpTable(StringBuilder md, IReadOnlyList<HttpRow> rows, bool quick)
    {
        md.AppendLine("## HTTP throughput under concurrent load");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"The real app as its own process ({AppProcess.BuildConfiguration} build, Production environment) on a loopback port over the same database;");
        md.AppendLine(CultureInfo.InvariantCulture, $"[wrk](https://github.com/wg/wrk) on the same machine keeps {(quick ? Wrk.QuickConnections : Wrk.Connections)} connections busy from {Wrk.Threads} threads, each request with a bearer");
        md.AppendLine(CultureInfo.InvariantCulture, $"token. Per scenario: {(quick ? "1 s warm-up, then 3 s measured" : WarmupText())}.");
        md.AppendLine("Latency is per request under that load, so it includes the wait for a free core; a single request's time is in the");
        md.AppendLine("table above. A run with any non-2xx response or socket error fails.");
        md.AppendLine();
        md.AppendLine("| Scenario | Details | Requests/s | p50 (ms) | p90 | p99 | Goal | Met |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|:---:|");
        foreach (var row in rows)
        {
            var r = row.Result;
            var (goal, met) = row.GoalPerSecond is { } g ? ($"≥ {g:N0}/s", r.RequestsPerSecond >= g ? "yes" : "**no**") : ("—", "—");
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Scenario} | {row.Detail} | {r.RequestsPerSecond:N0} | {F(r.P50)} | {F(r.P90)} | {F(r.P99)} | {goal} | {met} |");
        }
    }

    private static string Hot() => Runner.WarmFor > TimeSpan.Zero
        ? $"; each query (and its floor) first runs {Runner.WarmFor.TotalSeconds:N0} s unmeasured, so both run the JIT's optimized code as a running server does"
        : "";

    private static string WarmupText()
    {
        var w = HttpScenarios.Warmup;
        return $"warm-up in {w.Seconds} s rounds, at least {w.MinRounds} and until the last two agree within 5 % (at most {w.MaxRounds}), then {HttpScenarios.MeasuredSeconds} s measured";
    }

    private static string F(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>A connection string can hold a password; the report only needs its shape.</summary>
    private static string Redact(string commandLine) =>
        System.Text.RegularExpressions.Regex.Replace(commandLine, "(?i)password=[^;\"]*", "Password=***");

    private static string Machine()
    {
        var cpu = Read("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = Read("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture, out var kb)
            ? $"{kb / 1024.0 / 1024.0:0.0} GiB" : "unknown";
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory} memory";
    }

    private static string[] Read(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
