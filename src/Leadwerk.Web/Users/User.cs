using Leadwerk.Web.Common;

namespace Leadwerk.Web.Users;

public enum Role
{
    User = 1,
    Admin = 2,
}

public sealed class User : IAuditable
{
    public int Id { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>Upper-case user name; unique, so "Anna" and "anna" cannot both exist.</summary>
    public string NormalizedUserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public Role Role { get; set; } = Role.User;

    /// <summary>"en" or "nl"; null follows the browser's language.</summary>
    public string? Language { get; set; }
    public bool Away { get; set; }

    /// <summary>When an away user is back (UTC: the start of the return day in their zone); null: away until switched off.</summary>
    public DateTime? AwayUntil { get; set; }

    /// <summary>An IANA time zone ("Europe/Amsterdam"); null until the browser or the user sets one (F15).</summary>
    public string? TimeZone { get; set; }

    /// <summary>The secret in the address of the user's calendar feed; null until asked for, replaced on reset.</summary>
    public string? CalendarToken { get; set; }
    public bool Disabled { get; set; }

    /// <summary>Changes on password change or disabling, which ends every session and token.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Away ends by itself when the return moment passes, so nobody has to switch it off.</summary>
    public bool IsAwayAt(DateTime utcNow) => Away && (AwayUntil is null || AwayUntil > utcNow);
}
