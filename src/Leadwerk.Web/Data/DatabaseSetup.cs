using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Data;

/// <summary>Chooses the database from `Database:Provider` and `ConnectionStrings:Leadwerk` (ADR 0002).</summary>
public static class DatabaseSetup
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static IServiceCollection AddLeadwerkDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = (config["Database:Provider"] ?? Sqlite).Trim().ToLowerInvariant();
        var connectionString = config.GetConnectionString("Leadwerk");
        services.AddSingleton<Search.LookupCache>();
        services.AddSingleton<AuditInterceptor>();
        services.AddDbContextFactory<LeadwerkDbContext>((sp, options) =>
        {
            switch (provider)
            {
                case Sqlite:
                    options.UseSqlite(SqliteConnectionString(connectionString, env),
                        o => o.MigrationsAssembly(MigrationsAssembly("Leadwerk.Migrations.Sqlite")))
                        .AddInterceptors(new SqliteUnicodeFunctions());
                    break;
                case Postgres or "postgresql" or "npgsql":
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        throw new InvalidOperationException(
                            "Database:Provider is postgres but ConnectionStrings:Leadwerk is empty. Set ConnectionStrings__Leadwerk, e.g. Host=127.0.0.1;Username=leadwerk;Password=...;Database=leadwerk");
                    }

                    options.UseNpgsql(connectionString, o => o.MigrationsAssembly(MigrationsAssembly("Leadwerk.Migrations.Postgres")));
                    break;
                default:
                    throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use 'sqlite' or 'postgres'.");
            }

            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        return services;
    }

    /// <summary>The default is data/leadwerk.db beside the app's content root, created when missing.</summary>
    private static string SqliteConnectionString(string? configured, IHostEnvironment env)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(env.ContentRootPath, "data", "leadwerk.db")}"
            : configured);
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
