using System.Diagnostics;

namespace Leadwerk.Bench;

/// <summary>Latencies of one measured operation, in milliseconds.</summary>
public sealed record Timing(IReadOnlyList<double> Ms)
{
    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);

    /// <summary>Nearest-rank percentile: with few iterations p99 is simply the slowest run.</summary>
    private double Percentile(int p)
    {
        var sorted = Ms.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>One line of the report: Leadwerk's time, and for queries the hand-written SQL floor.</summary>
public sealed record ResultRow(string Scenario, string Detail, double GoalMs, Timing Leadwerk, Timing? Floor);

public static class Measure
{
    /// <summary>
    /// Runs <paramref name="action"/> warm-up times unmeasured, then measures each of the iterations.
    /// A read may first be repeated for <paramref name="warmFor"/>: .NET compiles a method again,
    /// optimized, only after some 30 calls and a pause, and a server runs hot.
    /// </summary>
    public static async Task<Timing> Time(int warmup, int iterations, Func<int, Task> action, TimeSpan warmFor = default)
    {
        for (var hot = Stopwatch.StartNew(); hot.Elapsed < warmFor;)
        {
            await action(0);
        }

        for (var i = 0; i < warmup; i++)
        {
            await action(i);
        }

        var ms = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await action(warmup + i);
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Timing(ms);
    }
}
