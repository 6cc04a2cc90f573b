using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Leadwerk.Bench;

/// <summary>
/// The real app as a process of its own, as it runs in production: Leadwerk.Web.dll from the
/// bench's output folder (the bench references the web project, so the same build lands there),
/// Production environment, a free loopback port, the benchmark database. Always stopped on dispose.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    /// <summary>The generator's first user, an administrator with <see cref="Generator.Password"/>.</summary>
    public const string UserName = "user1";

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly EventHandler _stopOnExit;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        // Ctrl-C or a kill of the bench must not leave the app running on its port.
        _stopOnExit = (_, _) => Stop();
        AppDomain.CurrentDomain.ProcessExit += _stopOnExit;
    }

    /// <summary>"Release" or "Debug": how the app's assembly was compiled (the report says which it measured).</summary>
    public static string BuildConfiguration =>
        typeof(Program).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? "Debug" : "Release";

    public Uri BaseAddress { get; }

    /// <summary>The app's process id (its memory is read from /proc).</summary>
    public int Pid => _process.Id;
    public HttpClient Client { get; }

    public static async Task<AppProcess> Start(BenchOptions options, TextWriter log, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = typeof(Program).Assembly.Location;
        var directory = Path.GetDirectoryName(dll)!;
        if (!File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"{dll} has no runtimeconfig.json beside it, so it cannot run as its own process; build bench/Leadwerk.Bench (scripts/bench.sh does).");
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        var port = FreePort();
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        // Environment rather than arguments: a PostgreSQL connection string may hold a password.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["Database__Provider"] = options.Provider;
        start.Environment["ConnectionStrings__Leadwerk"] = options.Connection;
        // The generated database has its users already, so Startup creates no admin; were it empty,
        // it would create this same one.
        start.Environment["Leadwerk__Admin__UserName"] = UserName;
        start.Environment["Leadwerk__Admin__Password"] = Generator.Password;
        start.Environment["Leadwerk__DemoData"] = "false";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            log.WriteLine($"  app: {start.FileName} {dll} on {app.BaseAddress} (pid {process.Id}, Production)");
            await app.WaitUntilHealthy();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A bearer token for the generator's administrator, through the app's own login.</summary>
    public async Task<string> Token()
    {
        using var response = await Client.PostAsJsonAsync("api/auth/token", new { userName = UserName, password = Generator.Password });
        await EnsureSuccess(response, "POST /api/auth/token");
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())?.AccessToken;
        return string.IsNullOrEmpty(token) ? throw Failure("POST /api/auth/token returned no access token.") : token;
    }

    /// <summary>One request before the load, so a wrong token or a broken endpoint fails with the app's own answer.</summary>
    public async Task Check(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (request)
        {
            using var response = await Client.SendAsync(request);
            await EnsureSuccess(response, $"{request.Method} {request.RequestUri}");
        }
    }

    /// <summary>
    /// Waits until the app uses less than a tenth of a core: when wrk stops, the requests it was
    /// waiting for still run to their end, and must not eat into the next run's time.
    /// </summary>
    public async Task WaitUntilIdle()
    {
        var watch = Stopwatch.StartNew();
        _process.Refresh();
        var before = _process.TotalProcessorTime;
        while (watch.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(500);
            _process.Refresh();
            var now = _process.TotalProcessorTime;
            if (now - before < TimeSpan.FromMilliseconds(50))
            {
                return;
            }

            before = now;
        }
    }

    public InvalidOperationException Failure(string problem)
    {
        string[] lines;
        lock (_output)
        {
            lines = [.. _output];
        }

        return new InvalidOperationException($"Benchmark scenario failed: {problem}\nLast output of the app:\n  {string.Join("\n  ", lines)}");
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _stopOnExit;
        Client.Dispose();
        Stop();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Never started, or did not go within the timeout: nothing more to do for it here.
        }

        _process.Dispose();
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Not started.
        }
    }

    private async Task WaitUntilHealthy()
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw Failure($"the app exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                using var response = await Client.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw Failure("GET /health did not answer 200 within 2 minutes.");
    }

    private async Task EnsureSuccess(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw Failure($"{what} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>The dotnet host that runs this bench (also under `dotnet test`), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            return Environment.ProcessPath!;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record TokenBody(string? AccessToken);
}
