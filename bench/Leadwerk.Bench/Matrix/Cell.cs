using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Leadwerk.Bench.Matrix;

/// <summary>
/// One question a user asks: the app's answer over HTTP and the floor's answer in plain SQL. Both
/// return a signature (first id, row count, totals) so the run can check they answer the same
/// question before it compares their times.
/// </summary>
/// <param name="Ruled">Whether the cell falls under the latency goal (exports and jobs are reported, not ruled).</param>
public sealed record Cell(string Group, string Name, Func<HttpClient, Task<string>> App, Func<Task<string>> Floor, bool Ruled = true)
{
    /// <summary>How to ask the app for this cell alone again: `--only` takes any part of the name.</summary>
    public string Id => $"{Group}: {Name}";
}

/// <summary>A measured cell: both sides' latencies and whether their answers agreed.</summary>
public sealed record CellResult(Cell Cell, Timing App, Timing Floor, string? Disagreement)
{
    /// <summary>p95 over HTTP ≤ max(3 × floor, floor + 2 ms) — the 2 ms leave room for the round trip of a tiny floor — and &lt; 50 ms.</summary>
    public double Allowed => Math.Min(50, Math.Max(3 * Floor.P95, Floor.P95 + 2));

    public double Ratio => App.P95 / Math.Max(0.001, Floor.P95);

    public bool Met => Disagreement is null && (!Cell.Ruled || App.P95 <= Allowed);
}

/// <summary>Requests of the matrix: one client, one request at a time, the body read to its end.</summary>
public static class Http
{
    public static async Task<JsonElement> Json(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A streamed download (CSV export): counted in lines as it arrives.</summary>
    public static async Task<long> Lines(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }

    public static void Authorize(HttpClient client, string token) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public static string Signature(params object?[] parts) =>
        string.Join(" / ", parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
}

public static class CellTimer
{
    /// <summary>
    /// The app and the floor take turns call by call, so both see the same machine. A cell whose first
    /// call is slow gets fewer calls (the matrix has hundreds of cells); nearest-rank p95 of 10 calls
    /// is the slowest but one.
    /// </summary>
    public static async Task<CellResult> Run(Cell cell, HttpClient client, bool quick)
    {
        var first = Stopwatch.StartNew();
        var app = await cell.App(client);
        var slow = first.Elapsed.TotalMilliseconds;
        var floor = await cell.Floor();
        var disagreement = app == floor ? null : $"app {app}; floor {floor}";
        // Quick mode is CI's smoke test: every cell must answer as its floor does; its times are not read.
        var (warmup, iterations) = quick ? (0, 1) : slow switch { > 1_000 => (1, 5), > 100 => (2, 10), _ => (5, 30) };
        for (var i = 0; i < warmup; i++)
        {
            await cell.App(client);
            await cell.Floor();
        }

        var appMs = new List<double>(iterations);
        var floorMs = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await cell.App(client);
            appMs.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await cell.Floor();
            floorMs.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new CellResult(cell, new Timing(appMs), new Timing(floorMs), disagreement);
    }
}
