using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Leadwerk.Bench;

/// <summary>What wrk measured: throughput and the latency of one request under that load, in milliseconds.</summary>
public sealed record WrkResult(long Requests, double Seconds, double RequestsPerSecond, double P50, double P90, double P99);

/// <summary>
/// The load generator: wrk (apt-get install wrk), bounded in time, with a Lua script for the
/// requests. A run with any error response or socket error fails instead of reporting a number.
/// </summary>
public static partial class Wrk
{
    public const int Threads = 2;
    public const int Connections = 32;

    /// <summary>Quick mode (the test suite's smoke run) loads lightly: on a busy machine 32 requests at once can outlast a 2-second run.</summary>
    public const int QuickConnections = 4;

    /// <summary>A request slower than this counts as a socket timeout, i.e. fails the run.</summary>
    public const int TimeoutSeconds = 30;

    public static string Executable() => FindOnPath("wrk") ?? throw new InvalidOperationException(
        "wrk is not on PATH; the HTTP throughput scenario needs it. Install it with `apt-get install -y wrk` (scripts/bench.sh does so when run as root).");

    /// <param name="warmup">A warm-up may end before any slow request completes; errors still fail it.</param>
    public static async Task<WrkResult> Run(string wrk, Uri url, string script, int seconds, bool warmup = false, int connections = Connections)
    {
        var start = new ProcessStartInfo(wrk)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "-t", Threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--timeout", $"{TimeoutSeconds}s", "--latency", "-s", script, url.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {wrk}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + TimeoutSeconds + 60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"wrk did not finish within {seconds + TimeoutSeconds + 60} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with code {process.ExitCode}: {await error}{await output}");
        }

        return Parse(await output, requireRequests: !warmup);
    }

    /// <summary>Reads wrk's summary; throws when any response was not 2xx/3xx or any socket failed.</summary>
    public static WrkResult Parse(string output, bool requireRequests = true)
    {
        var summary = RequestsLine().Match(output);
        var rate = RateLine().Match(output);
        if (!summary.Success || !rate.Success)
        {
            throw new InvalidOperationException($"Could not read wrk's output:\n{output}");
        }

        var requests = long.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture);
        var problems = new List<string>();
        if (NonSuccessLine().Match(output) is { Success: true } failed)
        {
            problems.Add($"{failed.Groups[1].Value} responses were not 2xx or 3xx");
        }

        if (SocketErrorsLine().Match(output) is { Success: true } socket)
        {
            problems.Add($"socket errors: {socket.Groups[1].Value.Trim()}");
        }

        if (requests == 0 && requireRequests)
        {
            problems.Add("no request completed");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The load run had errors ({string.Join("; ", problems)}), so its throughput means nothing:\n{output}");
        }

        return new WrkResult(requests, Duration(summary.Groups[2].Value), double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, 50), Percentile(output, 90), Percentile(output, 99));
    }

    private static double Percentile(string output, int p)
    {
        var match = Regex.Match(output, $@"^\s*{p}(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", RegexOptions.Multiline);
        return match.Success
            ? Milliseconds(match.Groups[1].Value, match.Groups[2].Value)
            : throw new InvalidOperationException($"wrk's output has no {p}% latency (was --latency given?):\n{output}");
    }

    private static double Duration(string text)
    {
        var match = Regex.Match(text, @"^([\d.]+)(us|ms|s|m|h)$");
        return match.Success ? Milliseconds(match.Groups[1].Value, match.Groups[2].Value) / 1000 : double.NaN;
    }

    private static double Milliseconds(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        _ => 3_600_000,
    };

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);

    [GeneratedRegex(@"^\s*(\d+) requests in ([\d.]+\w+),", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"^\s*Non-2xx or 3xx responses:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"^\s*Socket errors:(.*)$", RegexOptions.Multiline)]
    private static partial Regex SocketErrorsLine();
}
