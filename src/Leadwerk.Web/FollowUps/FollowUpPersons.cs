using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.FollowUps;

/// <summary>
/// The follow-up columns kept on a person (next due, open count, last activity), written set-based
/// so they neither move the person's version (an open edit form stays valid) nor depend on what a
/// context has tracked.
/// </summary>
public static class FollowUpPersons
{
    private const int Chunk = 2_000;

    /// <summary>
    /// Takes the persons' row locks before their follow-ups are read or written: two transactions
    /// that plan for one person then run one after the other, and on PostgreSQL the second one's
    /// refresh sees the first one's follow-up instead of overwriting it with an older count.
    /// </summary>
    public static async Task Lock(LeadwerkDbContext db, IReadOnlyCollection<int> personIds)
    {
        foreach (var ids in personIds.Distinct().Chunk(Chunk))
        {
            await db.Persons.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OpenFollowUps, p => p.OpenFollowUps));
        }
    }

    /// <summary>Recomputes the next due and open count from the follow-ups; <paramref name="activityAt"/> also stamps the last activity.</summary>
    public static async Task Refresh(LeadwerkDbContext db, IReadOnlyCollection<int> personIds, DateTime? activityAt)
    {
        foreach (var ids in personIds.Distinct().Chunk(Chunk))
        {
            var persons = db.Persons.Where(p => ids.Contains(p.Id));
            if (activityAt is { } at)
            {
                await persons.ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.NextFollowUpAt, p => db.FollowUps.Where(f => f.PersonId == p.Id && f.CompletedAt == null).Min(f => (DateTime?)f.DueAt))
                    .SetProperty(p => p.OpenFollowUps, p => db.FollowUps.Count(f => f.PersonId == p.Id && f.CompletedAt == null))
                    .SetProperty(p => p.LastActivityAt, at));
            }
            else
            {
                await persons.ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.NextFollowUpAt, p => db.FollowUps.Where(f => f.PersonId == p.Id && f.CompletedAt == null).Min(f => (DateTime?)f.DueAt))
                    .SetProperty(p => p.OpenFollowUps, p => db.FollowUps.Count(f => f.PersonId == p.Id && f.CompletedAt == null)));
            }
        }
    }

    /// <summary>Something happened with these persons outside their follow-ups (a sale): only the last activity moves.</summary>
    public static async Task Touch(LeadwerkDbContext db, int personId, DateTime at) =>
        await db.Persons.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastActivityAt, at));
}
