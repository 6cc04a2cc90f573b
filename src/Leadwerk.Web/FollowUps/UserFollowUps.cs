using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.FollowUps;

/// <summary>The body of POST /api/users/{id}/reassign-follow-ups.</summary>
public sealed record ReassignRequest(int? ToUserId);

/// <summary>How many open follow-ups went to the other user.</summary>
public sealed record ReassignResult(int Moved);

/// <summary>
/// A user's follow-ups as the users admin sees them: how many are open, and handing the open ones
/// to a colleague when the user leaves (F15: users are disabled, never deleted, and nothing they
/// had planned may be left without an owner who can act on it).
/// </summary>
public sealed class UserFollowUps(LeadwerkDbContext db, UserService users, AuditLog audit, TimeProvider time)
{
    /// <summary>Open follow-ups per owner, for every owner that has any.</summary>
    public async Task<Dictionary<int, int>> OpenCounts() =>
        await db.FollowUps.Where(f => f.CompletedAt == null && f.OwnerId != null)
            .GroupBy(f => f.OwnerId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);

    public async Task<int> OpenCount(int userId) => await db.FollowUps.CountAsync(f => f.OwnerId == userId && f.CompletedAt == null);

    /// <summary>Moves the user's open follow-ups to another, active user; done ones keep who did them.</summary>
    public async Task<ReassignResult> Reassign(int fromUserId, int? toUserId)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        if (!await db.Users.AnyAsync(u => u.Id == fromUserId))
        {
            throw DomainException.NotFound(L.T("The user was not found.", "De gebruiker is niet gevonden."));
        }

        if (toUserId is not { } to || to == fromUserId || !await db.Users.AnyAsync(u => u.Id == to && !u.Disabled))
        {
            throw DomainException.Invalid("toUserId", L.T(
                "Choose another user who is active to take over the open follow-ups.",
                "Kies een andere, actieve gebruiker die de open vervolgacties overneemt."));
        }

        // Set-based, with a new version, so an edit form of one of them that is still open is stale.
        var now = time.GetUtcNow().UtcDateTime;
        var moved = await db.FollowUps.Where(f => f.OwnerId == fromUserId && f.CompletedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.OwnerId, to).SetProperty(f => f.Version, f => f.Version + 1).SetProperty(f => f.UpdatedAt, now));
        if (moved > 0)
        {
            await audit.Add("user.followUpsReassigned", "user", fromUserId,
                new AuditChanges().Set("followUpsOwner", fromUserId, to).Set("moved", 0, moved));
            await db.SaveChangesAsync();
        }

        if (own is not null)
        {
            await own.CommitAsync();
        }

        return new ReassignResult(moved);
    }

    /// <summary>The users admin's save of a user it disables: the change and the hand-over in one transaction, so neither happens alone.</summary>
    public async Task<User> UpdateAndReassign(int userId, UserChanges changes, int? expectedVersion, int? toUserId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.Update(userId, changes, expectedVersion, byAdmin: true);
        await Reassign(userId, toUserId);
        await transaction.CommitAsync();
        return user;
    }
}
