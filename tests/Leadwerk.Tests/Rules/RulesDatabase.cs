using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Leadwerk.Tests.Rules;

/// <summary>
/// The services of the app on a real, migrated and seeded SQLite file, without HTTP. Each
/// <see cref="Run{TService, T}"/> gets a fresh DI scope (so a fresh DbContext), as one request or
/// one UI action does, so a test never reads what a context remembered instead of the database.
/// </summary>
public sealed class RulesDatabase : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "leadwerk-rules-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;

    /// <summary>A database of its own, for a test that changes what all others rely on (the default status).</summary>
    public static async Task<RulesDatabase> Start()
    {
        var database = new RulesDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseSetup.Sqlite,
            ["ConnectionStrings:Leadwerk"] = $"Data Source={Path.Combine(_directory, "rules.db")};Pooling=False",
        }).Build();

        var services = new ServiceCollection();
        services.AddOptions();
        services.AddSingleton(TimeProvider.System);
        services.AddLeadwerkDatabase(config, new TestEnvironment(_directory));
        services.AddScoped<ListService>();
        services.AddScoped<CompanyService>();
        services.AddScoped<PersonService>();
        services.AddScoped<LeadTransitions>();
        services.AddScoped<Leadwerk.Web.Automation.LeadAutomation>();
        services.AddScoped<Leadwerk.Web.Automation.SuggestionService>();
        services.AddScoped<CategoryHistory>();
        services.AddSingleton<IConfiguration>(config);
        services.AddScoped<Leadwerk.Web.FollowUps.UserTime>();
        services.AddScoped<UserService>();
        services.AddSingleton<SessionCache>();
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        await db.Database.MigrateAsync();
        await Seed.WriteLists(db);
    }

    /// <summary>One scope, as one request: its changes are made by <paramref name="actor"/> (the API's system actor unless told).</summary>
    public async Task<T> Run<TService, T>(Func<TService, Task<T>> work, Actor? actor = null) where TService : notnull
    {
        await using var scope = Scope(actor);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task Run<TService>(Func<TService, Task> work, Actor? actor = null) where TService : notnull
    {
        await using var scope = Scope(actor);
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A scope nobody set an actor for: a change that needs one (R13) must fail.</summary>
    public async Task RunWithoutActor<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private AsyncServiceScope Scope(Actor? actor)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(actor ?? Actor.System(Channel.Api));
        return scope;
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
            _services = null;
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("The rules database is not started.");

    internal sealed class TestEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Leadwerk.Tests";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
