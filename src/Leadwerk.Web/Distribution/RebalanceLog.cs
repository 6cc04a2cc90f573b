using System.Text.Json;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Data;
using Leadwerk.Web.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Distribution;

/// <summary>
/// A rebalance runs as a bulk update; in each of its batches, in the batch's transaction, every moved
/// lead gets an assignment line (R23) and its new owner's count goes up; undo marks the lines undone
/// and takes the counts back.
/// </summary>
public static class RebalanceLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="clock">For the return day of a member who is away, in their zone, as the reason names it.</param>
    public static async Task Moved(LeadwerkDbContext db, UserTime clock, IReadOnlyList<BulkAction> actions, int runId, List<BulkUpdateItem> items, DateTime now)
    {
        var action = actions.FirstOrDefault(a => a.Op == BulkFields.Distribute);
        var moved = items.Where(i => i.State == BulkItemState.Changed && i.Value is not null).ToList();
        if (action?.Value is not { } ruleId || moved.Count == 0
            || await db.DistributionRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId) is not { } rule)
        {
            return;
        }

        // The rule's row first, as every assignment takes it, so counts are not lost between writers.
        await db.DistributionRules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1));
        var members = await db.DistributionMembers.Include(m => m.User).Where(m => m.RuleId == ruleId).ToListAsync();
        var from = moved.ToDictionary(i => i.EntityId, i => JsonSerializer.Deserialize<PersonBefore>(i.Before!)!.OwnerId);
        var fromIds = from.Values.OfType<int>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => fromIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var takers = members.Where(m => DistributionTurns.IsAvailable(rule, m, now) && action.FromUserIds?.Contains(m.UserId) != true).ToList();
        var away = members.Where(m => DistributionTurns.IsAway(rule, m, now)).Select(m => m.User!).ToList();
        foreach (var item in moved)
        {
            var taker = members.FirstOrDefault(m => m.UserId == item.Value);
            if (taker is not null)
            {
                taker.Assigned++;
            }

            var reason = new AssignmentReason(rule.Name, taker?.Weight ?? 0, takers.Sum(m => m.Weight), [.. away.Select(u => u.DisplayName)], false, false,
                [.. away.Select(u => DistributionTurns.ReturnDay(u, clock.DefaultZone))], Rebalance: true,
                From: from[item.EntityId] is { } f ? names.GetValueOrDefault(f) : null);
            db.Assignments.Add(new Assignment
            {
                PersonId = item.EntityId, UserId = item.Value, RuleId = ruleId, At = now, ReasonJson = reason.ToJson(), BulkUpdateId = runId,
                TurnJson = new AssignmentTurn(taker?.UserId, []).ToJson(),
            });
        }

        await db.SaveChangesAsync();
    }

    public static async Task Undone(LeadwerkDbContext db, BulkUpdate run, List<BulkUpdateItem> items, DateTime now)
    {
        var undone = items.Where(i => i.State == BulkItemState.Undone && i.Value is not null).Select(i => i.EntityId).ToList();
        if (undone.Count > 0)
        {
            await DistributionTurns.TakeBack(db, db.Assignments.Where(a => a.BulkUpdateId == run.Id && undone.Contains(a.PersonId)), now);
        }
    }
}
