using Leadwerk.Web.Common;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Leadwerk.Web.Data;

/// <summary>
/// Sets created/updated stamps and versions, and has <see cref="LeadHistory"/> record every tracked
/// change of a person's lead status, so no code path can forget either.
/// </summary>
public sealed class AuditInterceptor(TimeProvider time, LookupCache lookups, Cluster.ClusterSignals cluster) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Lists changed: drop the cached names again now that the rows are written.</summary>
    private void Saved(DbContext? context)
    {
        if (context is LeadwerkDbContext { ListsChanged: true } db)
        {
            db.ListsChanged = false;
            lookups.Invalidate();
            _ = db.SignalAfterCommit(cluster, LookupCache.Topic);
        }
    }

    private void Stamp(DbContext? context)
    {
        if (context is not LeadwerkDbContext db)
        {
            return;
        }

        // Entries() detects changes on every call: once here, then the passes below only read (a
        // bulk batch tracks thousands of entities). Values are set through the entry, so they
        // count as changed without another detection.
        db.ChangeTracker.DetectChanges();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && LookupCache.Holds(e.Entity)))
            {
                db.ListsChanged = true;
                lookups.Invalidate();
            }

            Attribution.RecordSource.Stamp(db);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var entry in db.ChangeTracker.Entries<IAuditable>().ToList())
            {
                if (entry.State == EntityState.Added)
                {
                    entry.Property(e => e.CreatedAt).CurrentValue = now;
                    entry.Property(e => e.UpdatedAt).CurrentValue = now;
                    entry.Property(e => e.Version).CurrentValue = 1;
                }
                else if (entry.State == EntityState.Modified)
                {
                    entry.Property(e => e.UpdatedAt).CurrentValue = now;
                    entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
                }
            }

            LeadHistory.RecordTracked(db, now);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }
}
