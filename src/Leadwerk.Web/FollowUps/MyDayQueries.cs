using Leadwerk.Web.Common;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.FollowUps;

/// <summary>What the My day page and the navigation badge read besides <see cref="Day"/>.</summary>
public sealed partial class FollowUpService
{
    /// <summary>
    /// Overdue plus due today for the current user, as one count: together they are every open
    /// follow-up due before tomorrow starts in the user's time zone.
    /// </summary>
    public async Task<int> DueNowCount()
    {
        var me = db.Actor.Value.UserId;
        var days = UserTime.Days(clock.UtcNow, await clock.ZoneOf(me));
        return await db.FollowUps.CountAsync(f => f.OwnerId == me && f.CompletedAt == null && f.DueAt < days.TomorrowStart);
    }

    /// <summary>The <see cref="List"/> cursor that continues after a follow-up of a My day bucket, for "show more".</summary>
    public static string CursorAfter(FollowUpDto f) => Cursor.Encode(new DuePosition(f.DueAt, f.Id));
}
