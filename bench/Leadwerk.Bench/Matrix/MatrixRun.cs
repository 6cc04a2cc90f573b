using System.Diagnostics;

namespace Leadwerk.Bench.Matrix;

/// <summary>
/// `matrix` (issue 17): what users do, timed through the real app over loopback HTTP (one client, one
/// request at a time), each cell beside the fastest hand-written SQL on the same database in the same run.
/// </summary>
public static class MatrixRun
{
    public static async Task Run(BenchOptions options, TextWriter log)
    {
        var postgres = options.Provider == "postgres";
        await using var floor = await Floor.Open(options);
        await floor.MapLikeTheApp();
        await using var app = await AppProcess.Start(options, log);
        Http.Authorize(app.Client, await app.Token());
        bool Wanted(string id) => (options.Only is null || id.Contains(options.Only, StringComparison.OrdinalIgnoreCase))
            && (!options.Main || GrowthPlot.IsMain(id));

        log.WriteLine("Building the matrix (untimed: boundaries of deep pages, a selection for the board)");
        var cells = await FindCells.Build(floor, await FindCells.Criteria(floor, postgres), Wanted, options.Quick, postgres, log);
        var landmarks = await Landmarks.Of(floor);
        cells.AddRange(await ListCells.Build(floor, app.Client, landmarks, Wanted, options.Quick));
        log.WriteLine($"{cells.Count} cells");

        // .NET's tiered JIT reaches its optimized code after some seconds of calls; the first cells must not pay for it.
        var warm = Stopwatch.StartNew();
        for (var i = 0; cells.Count > 0 && warm.Elapsed < (options.Quick ? TimeSpan.Zero : TimeSpan.FromSeconds(15)); i++)
        {
            await cells[i % Math.Min(cells.Count, 20)].App(app.Client);
        }

        var results = new List<CellResult>();
        foreach (var cell in cells)
        {
            CellResult result;
            try
            {
                result = await CellTimer.Run(cell, app.Client, options.Quick);
            }
            catch (InvalidOperationException e)
            {
                throw app.Failure($"{cell.Id}: {e.Message}");
            }

            results.Add(result);
            log.WriteLine($"- {cell.Id}: app p95 {result.App.P95:N1} ms, floor p95 {result.Floor.P95:N1} ms, {result.Ratio:N1}×"
                + (result.Met ? "" : " NOT MET") + (result.Disagreement is { } d ? $" — answers differ: {d}" : ""));
        }

        var browser = !options.NoBrowser && Wanted("Browser") ? await BrowserCells.Run(app.BaseAddress, landmarks, app.Client, options.Quick, log) : [];
        var sizes = new DataSizes(
            await floor.Scalar("""SELECT COUNT(*) FROM "Companies" """), await floor.Scalar("""SELECT COUNT(*) FROM "Persons" """),
            await floor.Scalar("""SELECT COUNT(*) FROM "LeadStatusChanges" """), await floor.Scalar("""SELECT COUNT(*) FROM "FollowUps" """));
        await File.WriteAllTextAsync(options.Output, MatrixReport.Markdown(options, sizes, results, browser));
        var numbers = Path.ChangeExtension(options.Output, ".json");
        await File.WriteAllTextAsync(numbers, System.Text.Json.JsonSerializer.Serialize(
            MatrixNumbers.Of(options.Provider, sizes.Persons, results, browser), System.Text.Json.JsonSerializerOptions.Web));
        log.WriteLine($"Report written to {options.Output} (numbers in {numbers}); {results.Count(r => r.Met)} of {results.Count} cells met.");
        if (results.Any(r => r.Disagreement is not null))
        {
            throw new InvalidOperationException($"{results.Count(r => r.Disagreement is not null)} cells answered differently from their floor; see the report.");
        }
    }
}
