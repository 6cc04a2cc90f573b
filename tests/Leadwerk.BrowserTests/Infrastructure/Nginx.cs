using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>
/// nginx from Debian's packages in front of the app, as docs/deploy.md configures it: the same
/// proxy settings (deploy/nginx/leadwerk-proxy.conf, included from the repository), sticky
/// upstream, WebSocket upgrade; plain HTTP on a loopback port of its own.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string Variable = "LEADWERK_NGINX";

    private readonly Process _process;
    private readonly string _directory;

    private Nginx(Process process, string directory, Uri address) => (_process, _directory, Address) = (process, directory, address);

    public Uri Address { get; }

    public static async Task<Nginx> Start(Uri upstream)
    {
        var binary = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : "/usr/sbin/nginx";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"nginx was not found at {binary}. Run the tests through scripts/test.sh, which installs it " +
                $"(apt-get install -y nginx), or point {Variable} at an nginx binary.");
        }

        var directory = Directory.CreateTempSubdirectory("leadwerk-nginx-").FullName;
        var port = FreePort();
        var proxySettings = Path.Combine(RepositoryRoot(), "deploy", "nginx", "leadwerk-proxy.conf");
        // Workers of a root master run as nobody unless told; they only need this directory.
        var user = Environment.UserName == "root" ? "user root;" : "";
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            {{user}}
            worker_processes 1;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                upstream leadwerk {
                    hash $remote_addr consistent;
                    server {{upstream.Host}}:{{upstream.Port}};
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://leadwerk;
                        include {{proxySettings}};
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-e", Path.Combine(directory, "error.log") })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var nginx = new Nginx(process, directory, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await Listening(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = File.Exists(Path.Combine(directory, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(directory, "error.log")) : "";
                await nginx.DisposeAsync();
                throw new InvalidOperationException($"nginx did not listen on {port}: {await process.StandardError.ReadToEndAsync()} {log}");
            }

            await Task.Delay(50);
        }

        return nginx;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<bool> Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
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

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Leadwerk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Leadwerk.sln) was not found above the test assembly.");
    }
}
