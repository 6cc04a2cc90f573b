using System.Text.Json;
using Leadwerk.Web.Data;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Distribution;

/// <summary>
/// What one assignment did to its rule's counters: the member whose count went up (null for the
/// fallback owner or nobody) and each member's change of credit. Kept with the assignment, so that
/// taking it back (an import rolled back, a rebalance undone) gives exactly that back: credits add
/// up in any order, so later turns are as if the assignment never happened.
/// </summary>
public sealed record AssignmentTurn(int? Member, Dictionary<int, int> Credits)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AssignmentTurn? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<AssignmentTurn>(json, Json);
}

/// <summary>A rule's turns: who takes the next lead and why (<see cref="Next"/>), and giving turns back.</summary>
public static class DistributionTurns
{
    /// <summary>Away counts for members of a rule that skips them, and only until their return moment.</summary>
    public static bool IsAway(DistributionRule rule, DistributionMember member, DateTime now) =>
        rule.SkipAway && member.User is { Disabled: false } user && user.IsAwayAt(now);

    public static bool IsAvailable(DistributionRule rule, DistributionMember member, DateTime now) =>
        member.User is { Disabled: false } && !IsAway(rule, member, now);

    /// <summary>The day an away user is back, in their own time zone (else <paramref name="defaultZone"/>), as a reason names it.</summary>
    public static DateOnly? ReturnDay(User user, TimeZoneInfo defaultZone) =>
        user.AwayUntil is { } until ? FollowUps.UserTime.DayOf(until, FollowUps.UserTime.Find(user.TimeZone) ?? defaultZone) : null;

    /// <summary>
    /// The fair choice among the members who can take a lead now; the members' credits and counts move.
    /// <paramref name="returnDay"/> gives an away user's return day as their reason names it.
    /// </summary>
    public static (int? UserId, AssignmentReason Reason, AssignmentTurn Turn) Next(
        DistributionRule rule, List<DistributionMember> members, DateTime now, Func<User, DateOnly?> returnDay)
    {
        var seats = members.Select(m => new Fairness.Seat(m.UserId, m.Weight, m.Credit, IsAvailable(rule, m, now))).ToList();
        var (chosen, after) = Fairness.Next(seats);
        var credits = new Dictionary<int, int>();
        foreach (var member in members)
        {
            var credit = after.Single(s => s.UserId == member.UserId).Credit;
            if (credit != member.Credit)
            {
                credits[member.UserId] = credit - member.Credit;
            }

            member.Credit = credit;
            member.Assigned += member.UserId == chosen ? 1 : 0;
        }

        var away = members.Where(m => IsAway(rule, m, now)).Select(m => m.User!).ToList();
        var weight = members.FirstOrDefault(m => m.UserId == chosen)?.Weight ?? 0;
        var reason = new AssignmentReason(rule.Name, weight, seats.Where(s => s.Available).Sum(s => s.Weight),
            [.. away.Select(u => u.DisplayName)], false, chosen is null, [.. away.Select(returnDay)]);
        return (chosen, reason, new AssignmentTurn(chosen, credits));
    }

    /// <summary>
    /// Gives the turns of these assignments back to their rules' members, one rule row lock at a time
    /// as <see cref="DistributionService.Assign"/> takes them; with <paramref name="undoneAt"/> the
    /// log keeps each line, marked undone. Members who left a rule since have nothing to give back.
    /// </summary>
    public static async Task TakeBack(LeadwerkDbContext db, IQueryable<Assignment> which, DateTime? undoneAt)
    {
        var assignments = await which.Where(a => a.UndoneAt == null).ToListAsync();
        foreach (var rule in assignments.Where(a => a.RuleId != null).GroupBy(a => a.RuleId!.Value))
        {
            await db.DistributionRules.Where(r => r.Id == rule.Key).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1));
            var members = await db.DistributionMembers.Where(m => m.RuleId == rule.Key).ToDictionaryAsync(m => m.UserId);
            foreach (var turn in rule.Select(a => AssignmentTurn.Read(a.TurnJson)).OfType<AssignmentTurn>())
            {
                foreach (var (userId, credit) in turn.Credits)
                {
                    if (members.TryGetValue(userId, out var member))
                    {
                        member.Credit -= credit;
                    }
                }

                if (turn.Member is { } counted && members.TryGetValue(counted, out var taker))
                {
                    taker.Assigned = Math.Max(0, taker.Assigned - 1);
                }
            }
        }

        foreach (var assignment in assignments)
        {
            assignment.UndoneAt = undoneAt;
            assignment.TurnJson = null;
        }

        await db.SaveChangesAsync();
    }
}
