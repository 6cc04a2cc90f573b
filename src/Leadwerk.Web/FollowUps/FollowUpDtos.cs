using System.Text.Json.Nodes;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.FollowUps;

public static class FollowUpRules
{
    public const int TitleMaxLength = 200;
    public const int NotesMaxLength = 4000;
    public const int MaxDurationMinutes = 7 * 24 * 60;

    public static string Label(string field) => field switch
    {
        "personId" => L.T("Person", "Persoon"),
        "type" => L.T("Type", "Soort"),
        "title" => L.T("Title", "Titel"),
        "dueAt" => L.T("Due", "Wanneer"),
        "durationMinutes" => L.T("Duration (minutes)", "Duur (minuten)"),
        "ownerId" => L.T("Owner", "Eigenaar"),
        "notes" => L.T("Notes", "Notities"),
        "outcome" => L.T("Outcome", "Resultaat"),
        _ => field,
    };
}

/// <summary>
/// A follow-up as the API shows it. `type` is the type's key (call, email, meeting, task) or, for a
/// type an admin added, its id as text; `status` is open or done; `overdue` is true for an open one
/// whose due moment (an all-day one: its day, in the asking user's time zone) has passed.
/// </summary>
public sealed record FollowUpDto(
    int Id, int PersonId, string PersonName, int? CompanyId, string? CompanyName, string Type, int TypeId, string TypeName,
    string Title, DateTime DueAt, bool AllDay, int? DurationMinutes, int? OwnerId, string? OwnerName, string? Notes,
    string Status, bool Overdue, DateTime? CompletedAt, int? CompletedById, string? CompletedByName, string? Outcome,
    DateTime CreatedAt, DateTime UpdatedAt, int Version);

/// <summary>
/// Body of POST /api/follow-ups, and of `next` when completing one. `type` is call, email, meeting,
/// task or a type's id; `dueAt` is ISO 8601 with an offset ("2026-12-07T14:00:00+01:00"), or a date
/// alone for an all-day follow-up, read in the owner's time zone.
/// </summary>
public sealed record FollowUpRequest(
    int? PersonId, JsonNode? Type, string? Title, string? DueAt, bool? AllDay, int? DurationMinutes, int? OwnerId, string? Notes);

/// <summary>Body of POST /api/follow-ups/{id}/complete: done with an outcome, and in the same transaction the next one and a new lead status.</summary>
public sealed record CompleteRequest(string? Outcome, FollowUpRequest? Next, int? LeadStatusId);

/// <summary>The answer to completing: the follow-up done, the next one planned, and what lead categorization rules propose (R16).</summary>
public sealed record FollowUpCompleted(FollowUpDto Completed, FollowUpDto? Next, IReadOnlyList<Automation.SuggestionDto>? Suggestions);

/// <summary>A partial update: only the fields that are set change.</summary>
public sealed record FollowUpChanges
{
    public Opt<JsonNode?> Type { get; init; }
    public Opt<string?> Title { get; init; }
    public Opt<string?> DueAt { get; init; }
    public Opt<bool> AllDay { get; init; }
    public Opt<int?> DurationMinutes { get; init; }
    public Opt<int?> OwnerId { get; init; }
    public Opt<string?> Notes { get; init; }
    public Opt<string?> Outcome { get; init; }
}

/// <summary>The filters of GET /api/follow-ups. `Due` is overdue, today, next7, open or done.</summary>
public sealed record FollowUpFilter(int? PersonId = null, int? OwnerId = null, string? Due = null, int? TypeId = null);

/// <summary>One bucket of My day: how many there are, and the first of them.</summary>
public sealed record DayBucket(int Count, IReadOnlyList<FollowUpDto> Items);

/// <summary>GET /api/me/day: the user's (or a colleague's) open follow-ups, overdue, today and the next 7 days, in their time zone.</summary>
public sealed record MyDayDto(int? OwnerId, string TimeZone, DateOnly Today, DayBucket Overdue, DayBucket Due, DayBucket Next7)
{
    /// <summary>Named "today" in JSON, as the buckets are read: overdue, today, next7.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("today")]
    public DayBucket Due { get; init; } = Due;

    [System.Text.Json.Serialization.JsonPropertyName("date")]
    public DateOnly Today { get; init; } = Today;
}

/// <summary>A follow-up type of the admin list; `key` is set for the four seeded types.</summary>
public sealed record FollowUpTypeDto(int Id, string? Key, string Name, Lists.LocalizedText Names, int Rank, bool Deleted, int Version);

public sealed record FollowUpTypeRequest(string? Name, Lists.LocalizedText? Names, int? Rank);
