using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.FollowUps;

/// <summary>The next action on a lead (F15): a call, e-mail, meeting or task, planned for a person and done once.</summary>
public sealed class FollowUp : IAuditable
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public int TypeId { get; set; }
    public FollowUpType Type { get; set; } = null!;
    public string Title { get; set; } = "";

    /// <summary>
    /// UTC. An all-day follow-up is due at the start of its day in the time zone it was planned in,
    /// so that day is what every user in that zone sees.
    /// </summary>
    public DateTime DueAt { get; set; }
    public bool AllDay { get; set; }
    public int? DurationMinutes { get; set; }
    public int? OwnerId { get; set; }
    public User? Owner { get; set; }
    public string? Notes { get; set; }

    /// <summary>Null while open; set once, with who did it and how it went.</summary>
    public DateTime? CompletedAt { get; set; }
    public int? CompletedById { get; set; }
    public User? CompletedBy { get; set; }
    public string? Outcome { get; set; }

    public int? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool IsOpen => CompletedAt is null;
}

/// <summary>An item of the admin list "Follow-up types"; the four seeded ones carry a key the API accepts in place of the id.</summary>
public sealed class FollowUpType : Lists.INamedListItem
{
    public int Id { get; set; }

    /// <summary>call, email, meeting or task for the seeded types; null for types an admin adds.</summary>
    public string? Key { get; set; }
    public string NameEn { get; set; } = "";
    public string NameNl { get; set; } = "";
    public int Rank { get; set; }
    public bool Deleted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public string Name => L.Pick(NameEn, NameNl);
}
