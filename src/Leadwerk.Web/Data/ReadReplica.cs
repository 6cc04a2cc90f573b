using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Leadwerk.Web.Data;

/// <summary>
/// The optional read replica (<c>ConnectionStrings:LeadwerkReadOnly</c>, PostgreSQL only): requests
/// to endpoints marked <see cref="ReadReplica.ReadsFromReplica{TBuilder}"/> (Find, its count, the
/// board, the Contacts tab, dashboard tiles, exports) get their context on it; everything else,
/// and any write, stays on the primary. A replica lags its primary by a moment, so only reads that
/// need not see the caller's own last write are marked.
/// </summary>
public static class ReadReplica
{
    public const string ConnectionName = "LeadwerkReadOnly";

    /// <summary>Marks an endpoint whose request reads only, and may read a moment behind.</summary>
    public static TBuilder ReadsFromReplica<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Marker.Instance);

    /// <summary>After routing: a marked endpoint's request scope reads from the replica, when one is configured.</summary>
    public static IApplicationBuilder UseReadReplica(this WebApplication app)
    {
        if (app.Services.GetService<ReplicaContexts>() is null)
        {
            return app;
        }

        return app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null)
            {
                http.RequestServices.GetRequiredService<ReadRouting>().Replica = true;
            }

            await next(http);
        });
    }

    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }
}

/// <summary>Whether this scope's context comes from the replica; set before the endpoint resolves its services.</summary>
public sealed class ReadRouting
{
    public bool Replica { get; set; }
}

/// <summary>Contexts on the replica: pooled like the primary's, without the write interceptors (nothing is saved there).</summary>
public sealed class ReplicaContexts(string connectionString)
{
    private readonly PooledDbContextFactory<LeadwerkDbContext> _factory = new(new DbContextOptionsBuilder<LeadwerkDbContext>()
        .UseNpgsql(connectionString, o => o.MigrationsAssembly("Leadwerk.Migrations.Postgres"))
        .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
        .Options);

    public LeadwerkDbContext Create() => _factory.CreateDbContext();
}
