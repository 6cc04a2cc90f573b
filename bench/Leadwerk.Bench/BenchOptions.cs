using System.Globalization;

namespace Leadwerk.Bench;

/// <summary>The command line: `generate` or `run`, the database, the sizes and where the report goes.</summary>
public sealed record BenchOptions
{
    public const int QuickCompanies = 2_000;
    public const int QuickPersons = 10_000;

    public string Command { get; init; } = "";
    public string Provider { get; init; } = "sqlite";
    public string Connection { get; init; } = "";
    public int Companies { get; init; } = 200_000;
    public int Persons { get; init; } = 1_000_000;
    public int Seed { get; init; } = 42;
    public bool Quick { get; init; }

    /// <summary>`jobs`: the rows of the imported file, which the bulk update then changes (quick: 2,000).</summary>
    public int Rows { get; init; } = 1_000_000;

    /// <summary>Runs only the scenarios whose name holds this text ("HTTP" for scenario 7): for profiling one.</summary>
    public string? Only { get; init; }

    /// <summary>`matrix --main`: only the main scenarios, the ones the growth plot draws.</summary>
    public bool Main { get; init; }

    /// <summary>`matrix --no-browser`: leaves out the cells timed in Chromium (they do not depend on the database).</summary>
    public bool NoBrowser { get; init; }
    public string Output { get; init; } = "docs/performance/run.md";

    /// <summary>How the run was started, for the report's "reproduce" line.</summary>
    public string CommandLine { get; init; } = "";

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("generate" or "run" or "matrix" or "jobs" or "index-costs" or "screenshots"))
        {
            throw new ArgumentException(Usage);
        }

        var options = new BenchOptions { Command = args[0], CommandLine = string.Join(' ', args.Select(Quote)) };
        var sizesGiven = false;
        var outputGiven = false;
        var rowsGiven = false;
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--provider":
                    options = options with { Provider = Next().ToLowerInvariant() };
                    break;
                case "--connection":
                    options = options with { Connection = Next() };
                    break;
                case "--companies":
                    options = options with { Companies = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    sizesGiven = true;
                    break;
                case "--persons":
                    options = options with { Persons = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    sizesGiven = true;
                    break;
                case "--seed":
                    options = options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--output":
                    options = options with { Output = Next() };
                    outputGiven = true;
                    break;
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--rows":
                    options = options with { Rows = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    rowsGiven = true;
                    break;
                case "--main":
                    options = options with { Main = true };
                    break;
                case "--no-browser":
                    options = options with { NoBrowser = true };
                    break;
                case "--only":
                    options = options with { Only = Next() };
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }
        }

        if (!outputGiven)
        {
            options = options with { Output = options.Command == "screenshots" ? "docs" : $"docs/performance/{options.Command}-{options.Provider}.md" };
        }

        if (options.Quick && !rowsGiven)
        {
            options = options with { Rows = 2_000 };
        }

        if (options.Quick && !sizesGiven)
        {
            options = options with { Companies = QuickCompanies, Persons = QuickPersons };
        }

        if (options.Provider is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--provider must be sqlite or postgres.\n{Usage}");
        }

        if (string.IsNullOrWhiteSpace(options.Connection))
        {
            throw new ArgumentException($"--connection is required.\n{Usage}");
        }

        if (options.Companies < 10 || options.Persons < 100)
        {
            throw new ArgumentException("At least 10 companies and 100 persons.");
        }

        return options;
    }

    public const string Usage = """
        Usage:
          Leadwerk.Bench generate --provider sqlite|postgres --connection "<cs>" [--companies 200000] [--persons 1000000] [--seed 42] [--quick]
          Leadwerk.Bench run      --provider sqlite|postgres --connection "<cs>" [--quick] [--output docs/performance/run-<provider>.md] [--only TEXT]
          Leadwerk.Bench matrix   --provider sqlite|postgres --connection "<cs>" [--quick] [--output docs/performance/matrix-<provider>.md] [--only TEXT] [--main] [--no-browser]
          Leadwerk.Bench plot     [--output docs/performance/growth.svg] <matrix numbers .json>...
          Leadwerk.Bench jobs     --provider sqlite|postgres --connection "<cs>" [--rows 1000000] [--quick] [--only import|bulk] [--output docs/performance/jobs-<provider>.md]
          Leadwerk.Bench screenshots --provider sqlite --connection "Data Source=<new file>" [--output docs]
          Leadwerk.Bench index-costs --provider sqlite --connection "<cs>" [--rows 1000000] [--output docs/performance/index-costs-sqlite.md]
        --quick: generate 2,000 companies and 10,000 persons (unless sizes are given); run few iterations.
        jobs: imports a CSV of --rows new persons, bulk-updates their owner, undoes that and rolls the import back,
          over HTTP, with the app's peak memory; it leaves the data as it found it (quick: 2,000 rows).
        screenshots: the README's pictures (docs/screenshot.png, docs/dashboard.png) from a new database with the demo data
          (--connection names a new SQLite file), in Chromium at 1366 px.
        index-costs: the import's floor of --rows persons on a copy of the database without each index and trigger in turn.
        --only TEXT: run only the scenarios (matrix: cells) whose name holds TEXT ("HTTP" for the load test), to profile one.
        """;

    private static string Quote(string arg) => arg.Contains(' ', StringComparison.Ordinal) || arg.Contains(';', StringComparison.Ordinal) ? $"\"{arg}\"" : arg;
}
