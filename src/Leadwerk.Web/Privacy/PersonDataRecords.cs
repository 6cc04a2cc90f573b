using System.Text.Json.Nodes;

namespace Leadwerk.Web.Privacy;

/// <summary>How erasing a person treats the rows of a part.</summary>
public enum Erasure
{
    /// <summary>The rows are the person's: they are deleted.</summary>
    Deleted = 1,

    /// <summary>The rows belong to something that stays (a company, its sale): the reference to the person is cleared.</summary>
    Unlinked = 2,
}

/// <summary>The person a part works on: its id and its e-mail address as stored (to find rows that hold only the address).</summary>
public sealed record PersonKey(int Id, string? Email);

/// <summary>
/// One kind of data about a person: how to export it, how many rows an erasure touches, and how to
/// erase it. <see cref="PersonData"/> lists them all.
/// </summary>
public sealed record PersonDataPart(
    string Key, Erasure Erasure, Func<string> Label,
    Func<PersonKey, Task<object?>> Export, Func<PersonKey, Task<int>> Count, Func<PersonKey, Task<int>> Erase);

public sealed record PersonRecord(int Id, string FirstName, string LastName, string? Email, string? Phone, string? Title,
    int? CompanyId, string? Company, int? OwnerId, string? Owner, int? CategoryId, string? Category, string? CategoryGroup,
    int? LeadStatusId, string? LeadStatus, DateTime? LeadStatusChangedAt, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record TouchRecord(
    string Kind, DateTime At, string? Source, string? Medium, string? Campaign, string? Term, string? Content, string? Channel,
    string? ReferrerUrl, string? LandingUrl, string? Gclid, string? Fbclid, string? Msclkid, string? LiFatId, int? FormId);

public sealed record FormSubmissionRecord(int FormId, string Form, DateTime ReceivedAt, string Status, Dictionary<string, string?> Values, System.Text.Json.Nodes.JsonNode? Touch);

public sealed record AssignmentRecord(DateTime At, int? UserId, string? User, int? RuleId, string Reason);

public sealed record StatusChangeRecord(DateTime At, int? UserId, string? User, int? FromId, string? From, int? ToId, string? To, string Channel);

public sealed record CategoryChangeRecord(DateTime At, int CompanyId, string? Company, int? FromId, string? From, int ToId, string? To,
    int? RuleId, string? Trigger);

public sealed record SaleRecord(int Id, int CompanyId, string? Company, string Title, decimal Amount, string Currency, string Status,
    DateTime CreatedAt, DateTime? ClosedAt);

public sealed record FollowUpRecord(int Id, string Type, string Title, DateTime DueAt, bool AllDay, int? DurationMinutes, int? OwnerId,
    string? Owner, string? Notes, string Status, DateTime? CompletedAt, int? CompletedById, string? CompletedBy, string? Outcome,
    DateTime CreatedAt);

public sealed record SelectionRecord(int Id, string Name, string Kind, string? Owner);

public sealed record SuggestionRecord(int Id, int CompanyId, string? Company, int FromId, string? From, int ToId, string? To, string State,
    DateTime CreatedAt, DateTime? ResolvedAt);

public sealed record BulkItemRecord(int BulkUpdateId, DateTime CreatedAt, string State, string? Code, string? Reason, JsonNode? Before);

public sealed record ImportRowRecord(int ImportId, DateTime CreatedAt, int Line, string State, JsonNode? Values, string? Reason, JsonNode? Before);

/// <summary>What an erasure removes or unlinks, per part: counts only, never personal data.</summary>
public sealed record ErasurePart(string Part, string Label, Erasure Erasure, int Count);

/// <summary>The answer to an erasure (or its dry run): the person's id, when, what went, and whether its e-mail is now suppressed.</summary>
public sealed record ErasureSummary(int PersonId, bool DryRun, DateTime At, IReadOnlyList<ErasurePart> Parts, bool EmailSuppressed);
