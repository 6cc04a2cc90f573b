using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Users;

public static class UserRules
{
    public const int UserNameMaxLength = 100;
    public const int DisplayNameMaxLength = 100;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 200;

    public static string RoleKey(this Role role) => role == Role.Admin ? "admin" : "user";

    public static Role? ParseRole(string? key) => key?.Trim().ToLowerInvariant() switch
    {
        "admin" => Role.Admin,
        "user" => Role.User,
        _ => null,
    };

    public static string RoleName(this Role role) => role == Role.Admin ? L.T("Administrator", "Beheerder") : L.T("User", "Gebruiker");
}

public sealed record UserDto(
    int Id, string UserName, string DisplayName, string Role, string? Language, bool Away, bool Disabled,
    DateTime CreatedAt, int Version)
{
    /// <summary>The user's IANA time zone, which "today" and "overdue" follow (F15); null follows the server's.</summary>
    public string? TimeZone { get; init; }

    /// <summary>When an away user is back (UTC); null with <c>away</c>: until they say otherwise. Away no longer counts once it has passed.</summary>
    public DateTime? AwayUntil { get; init; }

    /// <summary>How many open follow-ups the user owns; in the users list only (null elsewhere).</summary>
    public int? OpenFollowUps { get; init; }
}

public sealed record UserRequest(string? UserName, string? Password, string? DisplayName, string? Role, string? Language);

/// <summary>What users change of themselves (<c>PATCH /api/users/me</c>); a new password needs the current one.</summary>
public sealed record MeRequest(string? DisplayName, string? Language, string? Password, string? CurrentPassword, string? TimeZone, bool? Away, DateOnly? AwayUntil);

public sealed record UserChanges
{
    public Common.Opt<string?> DisplayName { get; init; }
    public Common.Opt<string?> Password { get; init; }

    /// <summary>Asked of a user who changes their own password, so a session left open cannot be taken over for good.</summary>
    public Common.Opt<string?> CurrentPassword { get; init; }

    public Common.Opt<string?> Role { get; init; }
    public Common.Opt<string?> Language { get; init; }
    public Common.Opt<string?> TimeZone { get; init; }
    public Common.Opt<bool> Away { get; init; }

    /// <summary>The day an away user is back, in their time zone; null: until they say otherwise.</summary>
    public Common.Opt<DateOnly?> AwayUntil { get; init; }
    public Common.Opt<bool> Disabled { get; init; }
}

public static class UserMapping
{
    public static UserDto ToDto(this User u) =>
        new(u.Id, u.UserName, u.DisplayName, u.Role.RoleKey(), u.Language, u.Away, u.Disabled, u.CreatedAt, u.Version) { TimeZone = u.TimeZone, AwayUntil = u.AwayUntil };
}
