using Leadwerk.Web.Components;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.FollowUps;

/// <summary>What the follow-up dialogs offer: types and users in use (plus the current ones, so they still show) and the user's zone.</summary>
public sealed record FollowUpChoices(IReadOnlyList<(int Id, string Name)> Types, IReadOnlyList<(int Id, string Name)> Users, TimeZoneInfo Zone, DateTime UtcNow)
{
    /// <param name="keepOwnerId">
    /// The owner of the follow-up being edited: kept in the list even when disabled, and its time zone
    /// is the one days are read and written in (a colleague's "15 December" is the 15th where they are).
    /// </param>
    public static async Task<FollowUpChoices> Load(UiActions ui, int? keepTypeId = null, int? keepOwnerId = null)
    {
        var types = await ui.Run<ListService, List<FollowUpType>>(l => l.FollowUpTypes(includeDeleted: true));
        var users = await ui.Run<UserService, List<User>>(u => u.List());
        var userId = keepOwnerId ?? await ui.UserId();
        var (zone, now) = await ui.Run<UserTime, (TimeZoneInfo, DateTime)>(async t => (await t.ZoneOf(userId), t.UtcNow));
        return new FollowUpChoices(
            types.Where(t => !t.Deleted || t.Id == keepTypeId).Select(t => (t.Id, t.Name)).ToList(),
            users.Where(u => !u.Disabled || u.Id == keepOwnerId).Select(u => (u.Id, u.DisplayName)).ToList(),
            zone, now);
    }

    /// <summary>The first type, "call" when it is still in use.</summary>
    public int? DefaultTypeId => Types.Count > 0 ? Types[0].Id : null;
}
