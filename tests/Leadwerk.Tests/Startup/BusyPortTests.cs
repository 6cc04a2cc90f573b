using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Leadwerk.Web.Common;

namespace Leadwerk.Tests.Startup;

public sealed class BusyPortTests
{
    [Fact]
    public async Task StartingOnAPortAnotherProgramHoldsPrintsOneLineNamingThePortAndExitsWithAnError()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("leadwerk-busy-port").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(directory, "Leadwerk.Web.dll"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in Bulk.AppProcess.ShortLivedRuntime)
        {
            start.Environment[key] = value;
        }

        // A database that must not be created: the port is checked before anything is touched.
        var database = Path.Combine(start.WorkingDirectory, "never.db");
        start.Environment["ConnectionStrings__Leadwerk"] = $"Data Source={database}";

        using var process = Process.Start(start)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        var lines = ((await stdout) + (await stderr)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.Contains($"port {port} is already in use", line);
        Assert.Contains("--urls", line);
        Assert.DoesNotContain("   at ", line);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public void AFreePortIsNotReportedBusy()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        Assert.Null(StartupAddress.Busy($"http://127.0.0.1:{port};http://localhost:{port}"));
    }
}
