using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Leadwerk.Bench.Matrix;

/// <summary>The matrix as markdown: the slowest cells first, then every cell by group, and how to rerun one.</summary>
public static class MatrixReport
{
    public static string Markdown(BenchOptions options, DataSizes sizes, IReadOnlyList<CellResult> results, IReadOnlyList<BrowserResult> browser)
    {
        var md = new StringBuilder();
        var provider = options.Provider == "postgres" ? "PostgreSQL" : "SQLite";
        md.AppendLine(CultureInfo.InvariantCulture, $"# What users do, over HTTP, against the best SQL ({provider})");
        md.AppendLine();
        md.AppendLine("Measured by `Leadwerk.Bench matrix` (issue 17): the real app as its own process (Production, loopback HTTP, one client,");
        md.AppendLine("one request at a time, the response read to its end), call by call in turn with the *floor*: the fastest plain SQL we");
        md.AppendLine("know for the same answer on the same database and indexes (keyset form; a nullable sort key read as two index ranges).");
        md.AppendLine("Before timing, both answers are compared (first id, rows, counts); a cell where they differ fails the run.");
        md.AppendLine();
        md.AppendLine("Goal per cell (Find pages and counts, Contacts tab, board, quick search, get-by-id): app p95 ≤ max(3 × floor p95,");
        md.AppendLine("floor p95 + 2 ms) and < 50 ms. The CSV export is reported, not ruled. A ratio below 1 means the floor is not the");
        md.AppendLine("fastest SQL and must be rewritten.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Provider: {provider}{(options.Quick ? " (quick mode: a smoke test, not a measurement)" : "")}; app build: {AppProcess.BuildConfiguration}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Data: {sizes.Companies:N0} companies, {sizes.Persons:N0} persons, {sizes.History:N0} history rows, {sizes.FollowUps:N0} follow-ups");
        if (options.Main)
        {
            md.AppendLine("- Only the main cells (`--main`, the ones the growth plot draws), not the whole matrix");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- Cells: {results.Count}; goal met: {results.Count(r => r.Met)}; not met: {results.Count(r => !r.Met)}; answers differing: {results.Count(r => r.Disagreement is not null)}");
        md.AppendLine(options.Quick
            ? "- Calls per cell: a first call (compared), then one measured call per side."
            : "- Calls per cell: a first call (compared), then 5 warm-up and 30 measured calls per side; 2 and 10 when the first call took over 100 ms, 1 and 5 over 1 s.");
        md.AppendLine();
        md.AppendLine("## The slowest 10 (by ratio to the floor)");
        md.AppendLine();
        Table(md, results.OrderByDescending(r => r.Ratio).Take(10));
        foreach (var group in results.GroupBy(r => r.Cell.Group))
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {group.Key}");
            md.AppendLine();
            Table(md, group.OrderByDescending(r => r.Ratio));
        }

        if (browser.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## In the browser");
            md.AppendLine();
            md.AppendLine("Chromium (headless, 1366 × 900, driven by Playwright), logged in once; each visit opens a new tab and times from the");
            md.AppendLine($"navigation to the first link to a person in the page's main region. Goal: p95 < 1 s. Calls: {(options.Quick ? "one, measured" : "3 warm-up, 20 measured")}.");
            md.AppendLine();
            md.AppendLine("| Page | p50 | p95 | p99 | Goal p95 | Met |");
            md.AppendLine("|---|---:|---:|---:|---:|:---:|");
            foreach (var b in browser)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {b.Name} | {F(b.Time.P50)} | {F(b.Time.P95)} | {F(b.Time.P99)} | {F(BrowserResult.GoalMs)} | {(b.Met ? "yes" : "**no**")} |");
            }
        }

        md.AppendLine();
        md.AppendLine("## Rerun one cell");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("dotnet build bench/Leadwerk.Bench -c Release -o /tmp/bench");
        md.AppendLine($"/tmp/bench/Leadwerk.Bench matrix --provider {options.Provider} --connection \"<the generated database>\" --only \"<any part of the cell's name>\" --output /tmp/cell.md");
        md.AppendLine("```");
        return md.ToString();
    }

    private static void Table(StringBuilder md, IEnumerable<CellResult> rows)
    {
        md.AppendLine("| Cell | App p50 | p95 | p99 | Floor p50 | p95 | Ratio (p95) | Allowed p95 | Met |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|:---:|");
        foreach (var r in rows)
        {
            var met = r.Disagreement is not null ? "**answers differ**" : !r.Cell.Ruled ? "—" : r.Met ? "yes" : "**no**";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Cell.Id} | {F(r.App.P50)} | {F(r.App.P95)} | {F(r.App.P99)} | {F(r.Floor.P50)} | {F(r.Floor.P95)} | {r.Ratio:0.0}× | {(r.Cell.Ruled ? F(r.Allowed) : "—")} | {met} |");
        }
    }

    private static string F(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
