using Leadwerk.Web.Data;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Search;

/// <summary>
/// The lead statuses, categories and users that turn ids into names on every search page, board
/// and export: a few rows, read all the time, written rarely. Kept for the process and dropped by
/// <see cref="AuditInterceptor"/> whenever one of them is saved; the age limit covers a reader that
/// loaded between a save and its transaction's commit.
/// </summary>
public sealed class LookupCache(TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private (Lookups Lists, DateTimeOffset At)? _current;
    private int _generation;

    internal async Task<Lookups> Get(LeadwerkDbContext db)
    {
        int generation;
        lock (_gate)
        {
            if (_current is { } cached && time.GetUtcNow() - cached.At < MaxAge)
            {
                return cached.Lists;
            }

            generation = _generation;
        }

        var at = time.GetUtcNow();
        var fresh = new Lookups(
            await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id),
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id),
            await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id));
        lock (_gate)
        {
            // A save while these were read may have changed them: use them once, keep them not.
            if (generation == _generation)
            {
                _current = (fresh, at);
            }
        }

        return fresh;
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _current = null;
        }
    }

    public static bool Holds(object entity) => entity is LeadStatus or Category or User;
}
