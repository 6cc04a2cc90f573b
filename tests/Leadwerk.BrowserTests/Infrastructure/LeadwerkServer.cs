using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real socket (a browser cannot use the in-memory test server), on a fresh
/// SQLite file. Development, because a plain build serves static web assets only there.
/// </summary>
public sealed class LeadwerkServer : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "browser-tests-admin-1";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"leadwerk-browser-{Guid.NewGuid():N}.db");

    public LeadwerkServer() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress { get; private set; } = default!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("ConnectionStrings:Leadwerk", $"Data Source={_databaseFile};Pooling=False");
        builder.UseSetting("Leadwerk:Admin:UserName", AdminUserName);
        builder.UseSetting("Leadwerk:Admin:Password", AdminPassword);
        builder.UseSetting("Leadwerk:DemoData", "false");
        // Open tabs re-check their session every 2 s instead of 30, so a test sees a tab stop working quickly.
        builder.UseSetting("Leadwerk:CircuitRevalidationSeconds", "2");
        // Every test user logs in through the form, from the same address.
        builder.UseSetting("Leadwerk:TokenRateLimitPerMinute", "10000");
        // The reverse-proxy tests put nginx (on loopback) in front; the others connect directly and send no forwarded headers.
        builder.UseSetting("Leadwerk:TrustedProxies", "127.0.0.1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless; the next run uses a new name.
            }
        }
    }
}
