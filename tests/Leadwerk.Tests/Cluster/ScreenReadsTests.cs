using System.Security.Claims;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Tests.Rules;
using Leadwerk.Web.Components;
using Leadwerk.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Cluster;

/// <summary>
/// Issue 18: screens read lists (Find, board, Contacts tab, members, tiles) from the read replica,
/// except right after a write of their own, which they read back from the primary. Two databases
/// that differ in one name stand for a primary and a replica that has not caught up.
/// </summary>
public sealed class ScreenReadsOnPostgres : IAsyncLifetime
{
    private readonly AppDatabase _primary = AppDatabase.Postgres();
    private readonly AppDatabase _replica = AppDatabase.Postgres();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "leadwerk-screen-reads-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        foreach (var (database, name) in new[] { (_primary, "On the primary"), (_replica, "On the replica") })
        {
            await using var db = new LeadwerkDbContext(new DbContextOptionsBuilder<LeadwerkDbContext>()
                .UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly("Leadwerk.Migrations.Postgres")).Options);
            await db.Database.MigrateAsync();
            await Seed.WriteLists(db);
            await db.LeadStatuses.Where(s => s.Rank == db.LeadStatuses.Min(m => m.Rank)).ExecuteUpdateAsync(s => s.SetProperty(x => x.NameEn, name));
        }

        Directory.CreateDirectory(_directory);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseSetup.Postgres,
            ["ConnectionStrings:Leadwerk"] = _primary.ConnectionString,
            ["ConnectionStrings:LeadwerkReadOnly"] = _replica.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddOptions();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLeadwerkDatabase(config, new RulesDatabase.TestEnvironment(_directory));
        services.AddSingleton<AuthenticationStateProvider, Nobody>();
        services.AddScoped<UiActions>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _primary.DisposeAsync();
        await _replica.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private ManualClock Clock { get; } = new();

    [Fact]
    public async Task AScreenReadsFromTheReplicaUntilItWritesThenFromThePrimaryForAWhile()
    {
        await using var circuit = _services.CreateAsyncScope();
        var ui = circuit.ServiceProvider.GetRequiredService<UiActions>();
        Task<string> FirstStatus() => ui.Read<LeadwerkDbContext, string>(db => db.LeadStatuses.OrderBy(s => s.Rank).Select(s => s.NameEn).FirstAsync());

        Assert.Equal("On the replica", await FirstStatus());

        // A read through Run does not count as a write.
        await ui.Run<LeadwerkDbContext, int>(db => db.LeadStatuses.CountAsync());
        Assert.Equal("On the replica", await FirstStatus());

        await ui.Run<LeadwerkDbContext>(db => db.LeadStatuses.Where(s => s.Rank < 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.NameNl, "nothing")));
        Assert.Equal("On the primary", await FirstStatus());

        Clock.Advance(UiActions.OwnWritesWindow + TimeSpan.FromSeconds(1));
        Assert.Equal("On the replica", await FirstStatus());
    }

    [Fact]
    public async Task WithoutAReplicaEveryScreenReadGoesToThePrimary()
    {
        await using var circuit = _services.CreateAsyncScope();
        var ui = new UiActions(circuit.ServiceProvider.GetRequiredService<IServiceScopeFactory>(), new Nobody(), Clock);

        Assert.False(ui.FromReplica);
        Assert.Equal("On the primary", await ui.Read<LeadwerkDbContext, string>(db => db.LeadStatuses.OrderBy(s => s.Rank).Select(s => s.NameEn).FirstAsync()));
    }

    private sealed class Nobody : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
