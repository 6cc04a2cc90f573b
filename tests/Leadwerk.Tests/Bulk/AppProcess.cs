using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;

namespace Leadwerk.Tests.Bulk;

/// <summary>
/// The real app in a process of its own (`dotnet Leadwerk.Web.dll`, as the build places it beside
/// this test assembly) on a SQLite file or a PostgreSQL database, so a test can kill it as hard as a crash does.
/// </summary>
public sealed class AppProcess : IDisposable
{
    public const string AdminPassword = "kill-test-admin-password";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly List<HttpClient> _clients = [];
    private bool _disposed;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The process id, as the instance name in a job's lease holds it (host/pid/random).</summary>
    public int Id => _process.Id;

    /// <summary>
    /// Runtime settings for a process that lives seconds: no recompiling hot methods at tier 1 (with
    /// its PGO instrumentation) and workstation GC. Neither earns its start-up cost back before the
    /// kill; without them a start and a few requests cost about a fifth more CPU, and the app starts
    /// dozens of times in the kill tests. Without W^X (each page of new code mapped twice, writable
    /// and executable apart) a start costs about a fifth less again; a hardening for production, not
    /// for a test process on loopback.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ShortLivedRuntime = new Dictionary<string, string>
    {
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_TC_CallCountThreshold"] = "65535",
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_EnableWriteXorExecute"] = "0",
    };

    /// <summary>Starts the app on the SQLite file and returns once /health answers.</summary>
    public static Task<AppProcess> Start(string databaseFile, int batchSize) =>
        Start(DatabaseSetup.Sqlite, $"Data Source={databaseFile}", batchSize);

    /// <summary>Starts the app on the database, with more settings if given, and returns once /health answers.</summary>
    public static Task<AppProcess> Start(AppDatabase database, int batchSize, IReadOnlyDictionary<string, string>? settings = null) =>
        Start(database.Provider, database.ConnectionString, batchSize, settings);

    private static async Task<AppProcess> Start(string provider, string connectionString, int batchSize, IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = AppContext.BaseDirectory;
        var dll = Path.Combine(directory, "Leadwerk.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; the test project references Leadwerk.Web, so the build should put it there.");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in ShortLivedRuntime)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Leadwerk"] = connectionString;
        start.Environment["Leadwerk__Admin__UserName"] = LeadwerkApp.AdminUserName;
        start.Environment["Leadwerk__Admin__Password"] = AdminPassword;
        start.Environment["Leadwerk__DemoData"] = "false";
        start.Environment["Leadwerk__Bulk__BatchSize"] = batchSize.ToString();
        start.Environment["Leadwerk__Import__BatchSize"] = batchSize.ToString();
        start.Environment["Leadwerk__TokenRateLimitPerMinute"] = "1000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), address);
        app._process.OutputDataReceived += (_, e) => app.Log(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Log(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthy();
        }
        catch
        {
            app.Dispose();
            throw;
        }

        return app;
    }

    /// <summary>SIGKILL, the app and anything it started: no shutdown code runs, as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public HttpClient Anonymous()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        _clients.Add(client);
        return client;
    }

    public async Task<HttpClient> LogIn(string userName, string password)
    {
        var client = Anonymous();
        var token = (await (await client.PostJson("/api/auth/token", new { userName, password })).ShouldBe(200)).Str("accessToken");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> Admin() => LogIn(LeadwerkApp.AdminUserName, AdminPassword);

    /// <summary>The app's last lines of output, for a failure message.</summary>
    public string Output => string.Join(Environment.NewLine, _output.TakeLast(40));

    /// <summary>Everything the process wrote so far, line by line.</summary>
    public IReadOnlyList<string> Lines => [.. _output];

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthy()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"The app exited with {(_process.HasExited ? _process.ExitCode : 0)}:{Environment.NewLine}{Output}");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A slow first answer on a busy machine (the app still preparing): not healthy yet, ask again.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The app did not answer /health within 60 s:{Environment.NewLine}{Output}");
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
