using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Leadwerk.Web.Data;

/// <summary>Chooses the database from `Database:Provider` and `ConnectionStrings:Leadwerk` (ADR 0002).</summary>
public static class DatabaseSetup
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static IServiceCollection AddLeadwerkDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = ProviderName(config);
        var connectionString = config.GetConnectionString("Leadwerk");
        // The cluster signals log; hosts without logging of their own (the rule tests, tools) get it here.
        services.AddLogging();
        services.AddSingleton<Cluster.ClusterSignals>();
        services.AddSingleton<Cluster.CommitSignals>();
        services.AddSingleton<Search.LookupCache>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<Webhooks.WebhookCache>();
        services.AddSingleton<Webhooks.WebhookSignal>();
        services.AddSingleton<Webhooks.WebhookInterceptor>();
        // Pooled: setting up a new context's internal services costs more than the query of a
        // GET /api/persons/{id} (issue 6); a pooled one is reset and reused. A request (or a Blazor
        // call) still gets its own instance for its scope, a job its own from the factory.
        services.AddPooledDbContextFactory<LeadwerkDbContext>((sp, options) =>
        {
            switch (provider)
            {
                case Sqlite:
                    options.UseSqlite(SqliteConnectionString(connectionString, env),
                        o => o.MigrationsAssembly(MigrationsAssembly("Leadwerk.Migrations.Sqlite")))
                        .AddInterceptors(new SqliteConnectionSetup(config.GetValue(SqliteConnectionSetup.MmapSetting, SqliteConnectionSetup.DefaultMmapBytes),
                            SqliteConnectionSetup.Synchronous(config[SqliteConnectionSetup.SynchronousSetting]).ToLowerInvariant()));
                    break;
                case Postgres:
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        throw new InvalidOperationException(
                            "Database:Provider is postgres but ConnectionStrings:Leadwerk is empty. Set ConnectionStrings__Leadwerk, e.g. Host=127.0.0.1;Username=leadwerk;Password=...;Database=leadwerk");
                    }

                    options.UseNpgsql(PostgresConnectionString(connectionString), o => o.MigrationsAssembly(MigrationsAssembly("Leadwerk.Migrations.Postgres")));
                    break;
            }

            // Addressed to whoever writes a migration (SQLite's table rebuilds switch foreign keys off outside the
            // transaction; an index built concurrently cannot be inside one); at an operator's start it only alarms.
            options.ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)));

            // In this order: the audit interceptor adds the history rows the webhook events come from; the
            // bulk insert writes what both made ready.
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Webhooks.WebhookInterceptor>(), new BulkWriteInterceptor(),
                sp.GetRequiredService<Cluster.CommitSignals>(), Marker);
        });
        services.AddScoped<CurrentActor>();

        // Whatever writes with a context may need these: admin changes write the audit log in their
        // own transaction, imports consult the erased addresses (app, benchmark and rule tests alike).
        services.AddScoped<Audit.AuditLog>();
        services.AddSingleton(sp => new Privacy.Suppression(
            sp.GetRequiredService<IDbContextFactory<LeadwerkDbContext>>(), config[Privacy.Suppression.KeySetting]));
        services.AddScoped<ReadRouting>();
        if (config.GetConnectionString(ReadReplica.ConnectionName) is { Length: > 0 } replica)
        {
            if (provider != Postgres)
            {
                throw new InvalidOperationException($"ConnectionStrings:{ReadReplica.ConnectionName} is set, but a read replica needs Database:Provider postgres.");
            }

            services.AddSingleton(new ReplicaContexts(PostgresConnectionString(replica)));
        }

        services.AddScoped(sp => (sp.GetRequiredService<ReadRouting>().Replica
                ? sp.GetRequiredService<ReplicaContexts>().Create()
                : sp.GetRequiredService<IDbContextFactory<LeadwerkDbContext>>().CreateDbContext())
            .WithActor(sp.GetRequiredService<CurrentActor>()));
        return services;
    }

    private static readonly WriteMarker Marker = new();

    /// <summary>The default is data/leadwerk.db beside the app's content root, created when missing.</summary>
    private static string SqliteConnectionString(string? configured, IHostEnvironment env)
    {
        var builder = SqliteSettings(configured, env);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        builder.ForeignKeys = true;
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    /// <summary>The SQLite connection string the app uses, without touching the disk (the backup command reads it too).</summary>
    internal static SqliteConnectionStringBuilder SqliteSettings(string? configured, IHostEnvironment env) =>
        new(string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(env.ContentRootPath, "data", "leadwerk.db")}" : configured);

    /// <summary>`sqlite` or `postgres` from `Database:Provider`, as the app reads it.</summary>
    internal static string ProviderName(IConfiguration config) =>
        (config["Database:Provider"] ?? Sqlite).Trim().ToLowerInvariant() switch
        {
            Sqlite => Sqlite,
            Postgres or "postgresql" or "npgsql" => Postgres,
            var other => throw new InvalidOperationException($"Database:Provider '{other}' is not supported; use 'sqlite' or 'postgres'."),
        };

    /// <summary>
    /// Unless the connection string sets it, Npgsql prepares a statement once it has run a few times
    /// on a connection, and keeps it across pooled opens: PostgreSQL then skips parsing and planning,
    /// which was most of its work for a GET /api/persons/{id} (issue 6). Statements are
    /// recycled least-recently-used beyond this many per connection.
    /// </summary>
    private static string PostgresConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 100;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The migrations assemblies reference this one, so they are not in its dependency list; the
    /// build copies them beside it and they are loaded from there.
    /// </summary>
    private static Assembly MigrationsAssembly(string name)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);
        if (loaded is not null)
        {
            return loaded;
        }

        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"The migrations assembly {name}.dll is missing next to the app; build the whole solution.");
            }

            return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
    }
}
