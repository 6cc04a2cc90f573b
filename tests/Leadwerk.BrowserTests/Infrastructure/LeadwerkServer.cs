using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real socket (a browser cannot use the in-memory test server), on a fresh
/// SQLite file, or on a PostgreSQL database other servers may share (as instances of one
/// deployment). Development, because a plain build serves static web assets only there.
/// </summary>
/// <param name="postgres">A PostgreSQL connection string with its database; the app creates the database if it is missing.</param>
/// <param name="quickTabChecks">Open tabs re-check their session every 2 s instead of the app's default, so a test sees a tab stop working quickly.</param>
public sealed class LeadwerkServer(string? postgres = null, bool quickTabChecks = true) : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "browser-tests-admin-1";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"leadwerk-browser-{Guid.NewGuid():N}.db");

    public Uri BaseAddress { get; private set; } = default!;

    public void Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", postgres is null ? "sqlite" : "postgres");
        builder.UseSetting("ConnectionStrings:Leadwerk", postgres ?? $"Data Source={_databaseFile};Pooling=False");
        builder.UseSetting("Leadwerk:Admin:UserName", AdminUserName);
        builder.UseSetting("Leadwerk:Admin:Password", AdminPassword);
        builder.UseSetting("Leadwerk:DemoData", "false");
        if (quickTabChecks)
        {
            builder.UseSetting("Leadwerk:CircuitRevalidationSeconds", "2");
        }

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
