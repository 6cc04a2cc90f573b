using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Leads;

/// <summary>
/// Writes the lead status and owner of a batch of untracked persons as one UPDATE per group that
/// gets the same values from the same version, instead of one UPDATE per person (issue 6: 100,000
/// persons in under 10 s). It writes what a save adds: UpdatedAt, Version + 1 and, for a status
/// change, the since-date and the history row through <see cref="LeadHistory"/>; the history rows
/// are added to the context for the save that follows.
/// </summary>
public static class LeadWrites
{
    /// <param name="Person">Untracked, with its new status and owner (decided by <see cref="LeadRules"/>).</param>
    /// <param name="FromStatusId">Its status as read.</param>
    /// <param name="Version">Its version as read: a person changed meanwhile fails the batch.</param>
    /// <param name="Since">
    /// The since-date of a status put back by undo (<see cref="LeadTransitions.Restore"/>); null
    /// for a new status, which is in force from now.
    /// </param>
    public sealed record Change(Person Person, int? FromStatusId, int Version, DateTime? Since = null)
    {
        /// <summary>Since when the person had the status it leaves, as read (before anything changed it).</summary>
        public DateTime? FromSince { get; } = Person.LeadStatusChangedAt;
    }

    public static async Task Save(LeadwerkDbContext db, IReadOnlyList<Change> changes, DateTime now)
    {
        // Groups are written one by one: only a transaction makes a conflict in a later one undo the earlier.
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk writes must run in a transaction.");
        var categoryIds = changes.Select(c => c.Person.CategoryId).OfType<int>().Distinct().ToList();
        var active = (await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToListAsync())
            .Where(LeadRules.IsActive).Select(c => c.Id).ToHashSet();
        foreach (var group in changes.GroupBy(c => (c.Person.LeadStatusId, c.Person.OwnerId, c.Version, Moved: c.FromStatusId != c.Person.LeadStatusId,
                     Since: c.FromStatusId != c.Person.LeadStatusId ? c.Since ?? now : (DateTime?)null)))
        {
            var (status, owner, version, moved, since) = group.Key;
            var ids = group.Select(c => c.Person.Id).ToList();
            var count = await db.Persons.Where(p => ids.Contains(p.Id) && p.Version == version).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(p => p.LeadStatusId, status).SetProperty(p => p.OwnerId, owner)
                    .SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.Version, version + 1);
                if (moved)
                {
                    s.SetProperty(p => p.LeadStatusChangedAt, since).SetProperty(p => p.LastActivityAt, now);
                }
            });
            if (count != ids.Count)
            {
                throw new DbUpdateConcurrencyException($"{ids.Count - count} of {ids.Count} persons were changed or deleted meanwhile.");
            }

            foreach (var change in group)
            {
                (change.Person.Version, change.Person.UpdatedAt) = (version + 1, now);
                if (moved)
                {
                    var isActive = change.Person.CategoryId is { } c && active.Contains(c);
                    LeadHistory.RecordWritten(db, change.Person.Id, change.FromStatusId, status, now, isActive, change.FromSince);
                    (change.Person.LeadStatusChangedAt, change.Person.LastActivityAt) = (since, now);
                }
            }
        }
    }
}
