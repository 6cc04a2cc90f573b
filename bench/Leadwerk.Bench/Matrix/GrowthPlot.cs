using System.Globalization;
using System.Text.Json;
using ScottPlot;

namespace Leadwerk.Bench.Matrix;

/// <summary>The numbers of one matrix run, kept beside its report so runs at several data sizes can be drawn together.</summary>
public sealed record MatrixNumbers(string Provider, long Persons, List<MatrixNumbers.Row> Cells)
{
    public sealed record Row(string Id, double AppP95, double FloorP95);

    public static MatrixNumbers Of(string provider, long persons, IEnumerable<CellResult> results, IEnumerable<BrowserResult> browser) =>
        new(provider, persons, [.. results.Select(r => new Row(r.Cell.Id, r.App.P95, r.Floor.P95)), .. browser.Select(b => new Row("Browser: " + b.Name, b.Time.P95, 0))]);
}

/// <summary>
/// `plot` (issue 17): p95 over HTTP against the number of persons for the main scenarios, from the
/// numbers of matrix runs at several sizes (scripts/bench.sh runs them at 10k, 100k and the full size),
/// on log–log axes so that a cost that grows with the data shows as a rising line.
/// </summary>
public static class GrowthPlot
{
    /// <summary>The main scenarios: a part of the cell's name, and its label in the legend.</summary>
    private static readonly (string Cell, string Label)[] Main =
    [
        ("Find: no criteria, sort person.lastName, first page", "Find, no criteria, by last name"),
        ("Find: 2 lead statuses at potential customers, sort -person.createdAt, first page", "Find, 2 statuses at potential customers, newest first"),
        ("Find: one owner, sort person.lastName, page 1,000", "Find, one owner, page 1,000"),
        ("Find: count, 2 lead statuses at potential customers", "Count, 2 statuses at potential customers"),
        ("Contacts tab: largest company", "Contacts tab of the largest company (first grouping)"),
        ("Board:", "Board of two owners (first grouping)"),
        ("Quick search: persons list “jan”", "Quick search “jan”"),
        ("Get by id", "Get by id"),
        ("Browser: Find", "Browser: Find, first row"),
    ];

    public static bool IsMain(string cellId) => Main.Any(m => cellId.StartsWith(m.Cell, StringComparison.Ordinal) || m.Cell.StartsWith(cellId, StringComparison.Ordinal));

    public static async Task<int> Run(string[] args, TextWriter log)
    {
        var output = "docs/performance/growth.svg";
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--output" && i + 1 < args.Length)
            {
                output = args[++i];
            }
            else
            {
                inputs.Add(args[i]);
            }
        }

        if (inputs.Count == 0)
        {
            await Console.Error.WriteLineAsync("Usage: Leadwerk.Bench plot [--output docs/performance/growth.svg] <matrix numbers .json>...");
            return 2;
        }

        var runs = new List<MatrixNumbers>();
        foreach (var input in inputs)
        {
            runs.Add(JsonSerializer.Deserialize<MatrixNumbers>(await File.ReadAllTextAsync(input), JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"{input} holds no matrix numbers."));
        }

        foreach (var provider in runs.Select(r => r.Provider).Distinct())
        {
            var file = runs.Select(r => r.Provider).Distinct().Count() == 1 ? output : Path.ChangeExtension(output, null) + "-" + provider + Path.GetExtension(output);
            Draw(runs.Where(r => r.Provider == provider).OrderBy(r => r.Persons).ToList(), provider, file);
            log.WriteLine($"Plot written to {file}.");
        }

        return 0;
    }

    private static void Draw(List<MatrixNumbers> runs, string provider, string file)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var drawn = 0;
        foreach (var (cell, label) in Main)
        {
            var points = runs
                .Select(r => (r.Persons, Row: r.Cells.FirstOrDefault(c => c.Id.StartsWith(cell, StringComparison.Ordinal))))
                .Where(p => p.Row is not null && p.Row.AppP95 > 0).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(points.Select(p => Math.Log10(p.Persons)).ToArray(), points.Select(p => Math.Log10(p.Row!.AppP95)).ToArray());
            line.LegendText = label;
            line.Color = palette.GetColor(drawn++);
            line.LineWidth = 2;
            line.MarkerSize = 7;
        }

        var persons = runs.Select(r => (double)r.Persons).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. persons.Select(p => new Tick(Math.Log10(p), p.ToString("N0", CultureInfo.InvariantCulture), true))]);
        double[] ms = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000];
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. ms.Select(m => new Tick(Math.Log10(m), m.ToString(CultureInfo.InvariantCulture) + " ms", true))]);
        plot.Title($"p95 against data size ({(provider == "postgres" ? "PostgreSQL" : "SQLite")}, over HTTP)");
        plot.XLabel("persons (log scale)");
        plot.YLabel("p95 (log scale)");
        plot.ShowLegend(Edge.Right);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        if (file.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            plot.SaveSvg(file, 1300, 650);
        }
        else
        {
            plot.SavePng(file, 1300, 650);
        }
    }
}
