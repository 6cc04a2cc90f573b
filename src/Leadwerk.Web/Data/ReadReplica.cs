using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Leadwerk.Web.Data;

/// <summary>
/// The optional read replica (<c>ConnectionStrings:LeadwerkReadOnly</c>, PostgreSQL only): requests
/// to endpoints marked <see cref="ReadReplica.ReadsFromReplica{TBuilder}"/> (Find, its count, the
/// board, the Contacts tab, dashboard tiles, exports) get their context on it; everything else,
/// and any write, stays on the primary. A replica lags its primary by a moment, so only reads that
/// need not see the caller's own last write are marked. Screens read through
/// <see cref="Components.UiActions.Read{TService, T}"/>, which uses the replica unless the circuit
/// wrote a moment ago.
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

/// <summary>
/// Notes on the scope's <see cref="CurrentActor"/> that its context wrote (an insert, update or
/// delete statement: a save, ExecuteUpdate or ExecuteDelete), so a screen knows to read its own
/// write back from the primary.
/// </summary>
public sealed class WriteMarker : DbCommandInterceptor
{
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Mark(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Mark(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Mark(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Mark(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is LeadwerkDbContext { AttachedActor: { Wrote: false } actor } && Writes(command.CommandText))
        {
            actor.Wrote = true;
        }
    }

    private static bool Writes(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
    }
}
