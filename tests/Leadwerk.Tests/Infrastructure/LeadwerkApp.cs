using System.Net.Http.Headers;
using Leadwerk.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>
/// The whole app over real HTTP (in-memory server) on its own fresh database, migrated and seeded
/// at start like a first run. One instance per test class; tests create their own data.
/// </summary>
public abstract class LeadwerkApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "admin-password-for-tests";
    public const string UserPassword = "user-password-for-tests";

    private readonly SemaphoreSlim _adminLock = new(1, 1);
    private HttpClient? _admin;
    private bool _cleanedUp;

    /// <summary>`sqlite` or `postgres`, as `Database:Provider` takes it.</summary>
    public abstract string Provider { get; }

    /// <summary>Simulates another writer racing a save; see <see cref="ConcurrentWriter"/>.</summary>
    public ConcurrentWriter Race { get; } = new();

    /// <summary>The app's clock; tests in one class share it, so they only ever move it forward.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>What the app logged at warning level and above.</summary>
    public LogSink Logs { get; } = new();

    /// <summary>High by default, so that logging in many test users never trips the limiter.</summary>
    protected virtual int TokenRateLimitPerMinute => 100_000;

    protected abstract string ConnectionString { get; }

    public virtual async Task InitializeAsync()
    {
        // Starting the host migrates and seeds; a broken migration fails here, once, clearly.
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        var expectPostgres = Provider == DatabaseSetup.Postgres;
        if (db.IsPostgres != expectPostgres)
        {
            throw new InvalidOperationException($"The app runs on {db.Database.ProviderName}, not on {Provider} as configured.");
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        _adminLock.Dispose();
        await base.DisposeAsync();
        if (!_cleanedUp)
        {
            _cleanedUp = true;
            await DropDatabase();
        }
    }

    protected abstract Task DropDatabase();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, as `scripts/run.sh` serves it: error paths must not rely on developer pages.
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Leadwerk", ConnectionString);
        builder.UseSetting("Leadwerk:Admin:UserName", AdminUserName);
        builder.UseSetting("Leadwerk:Admin:Password", AdminPassword);
        builder.UseSetting("Leadwerk:DemoData", "false");
        builder.UseSetting("Leadwerk:TokenRateLimitPerMinute", TokenRateLimitPerMinute.ToString());
        builder.UseSetting("Leadwerk:CalendarRateLimitPerMinute", "100000");
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<LeadwerkDbContext>((_, options) => options.AddInterceptors(Race), ServiceLifetime.Singleton);
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    /// <summary>A client without credentials, from the given address if one is named.</summary>
    public HttpClient Anonymous(string? clientAddress = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (clientAddress is not null)
        {
            client.DefaultRequestHeaders.Add(TestClientAddress.Header, clientAddress);
        }

        return client;
    }

    /// <summary>
    /// A second instance of the app on the same database, sharing this one's data-protection keys as
    /// a multi-server deployment must (ADR 0003), but nothing held in memory. Disposed with this one.
    /// </summary>
    public WebApplicationFactory<Program> AnotherInstance()
    {
        var keys = Services.GetRequiredService<IDataProtectionProvider>();
        return WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(keys)));
    }

    /// <summary>The seeded administrator's client, logged in once per fixture.</summary>
    public async Task<HttpClient> Admin()
    {
        await _adminLock.WaitAsync();
        try
        {
            return _admin ??= await LogIn(AdminUserName, AdminPassword);
        }
        finally
        {
            _adminLock.Release();
        }
    }

    /// <summary>Gets a token through POST /api/auth/token and returns a client that sends it.</summary>
    public async Task<HttpClient> LogIn(string userName, string password)
    {
        var token = await Token(userName, password);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> Token(string userName, string password)
    {
        using var anonymous = Anonymous();
        var response = await anonymous.PostJson("/api/auth/token", new { userName, password });
        var json = await response.ShouldBe(200);
        return json.Str("accessToken")!;
    }

    /// <summary>Creates a user (role `user` unless told) through the admin API and logs it in.</summary>
    public async Task<TestUser> NewUser(string role = "user", string? language = null)
    {
        var admin = await Admin();
        var userName = Unique.Name("user").Replace(" ", "-");
        var response = await admin.PostJson("/api/users", new { userName, password = UserPassword, displayName = userName, role, language });
        var id = (await response.ShouldBe(201)).Int("id");
        return new TestUser(id, userName, UserPassword, await LogIn(userName, UserPassword));
    }

    /// <summary>Every row of every table, to prove that a refused request wrote nothing.</summary>
    public async Task<DbSnapshot> Snapshot()
    {
        await using var scope = Services.CreateAsyncScope();
        return await DbSnapshot.Take(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>());
    }

    public async Task AssertUnchangedSince(DbSnapshot before) => (await Snapshot()).AssertSameAs(before);
}

public sealed record TestUser(int Id, string UserName, string Password, HttpClient Client);
