using Leadwerk.Web.Data;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Search;

/// <summary>
/// The lead statuses, categories and users that turn ids into names on every search page, board
/// and export: a few rows, read all the time, written rarely. Kept for the process and dropped by
/// <see cref="AuditInterceptor"/> whenever one of them is saved, here and (after the commit) in every
/// other instance; the age limit covers a reader that loaded between a save and its transaction's commit.
/// </summary>
public sealed class LookupCache
{
    /// <summary>The signal other instances drop theirs on (<see cref="Cluster.ClusterSignals"/>): sent once the save has committed.</summary>
    public const string Topic = "lists";

    private readonly Common.ProcessCache<Lookups> _cache;

    public LookupCache(TimeProvider time, Cluster.ClusterSignals cluster)
    {
        _cache = new(time, TimeSpan.FromSeconds(30));
        cluster.On(Topic, _ => Invalidate());
    }

    internal async Task<Lookups> Get(LeadwerkDbContext db) => await _cache.Get(async () => new Lookups(
        await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id),
        await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id),
        await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id)));

    public void Invalidate() => _cache.Invalidate();

    public static bool Holds(object entity) => entity is LeadStatus or Category or User;
}
