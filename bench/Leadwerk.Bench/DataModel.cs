namespace Leadwerk.Bench;

public readonly record struct CompanyData(
    int Id, string Name, int CategoryId, int OwnerId, string Email, string Phone, string Website, string Country, string OrgNumber, DateTime CreatedAt);

/// <summary>A person, with the follow-up columns (next due, open count, last activity) computed from its follow-ups as the app keeps them.</summary>
public readonly record struct PersonData(
    int Id, int? CompanyId, string FirstName, string LastName, string Email, string? Phone, string? Title, int OwnerId, int CategoryId,
    int? LeadStatusId, DateTime? LeadStatusChangedAt, DateTime CreatedAt, DateTime? NextFollowUpAt, int OpenFollowUps, DateTime? LastActivityAt);

/// <summary>
/// A lead status history row as the app writes it: the status and activeness (R2) before and after, whether the person became an
/// active lead (R5), and since when the person had the status the row ends (the previous row's At).
/// </summary>
public readonly record struct HistoryData(
    int PersonId, DateTime At, int UserId, int? FromId, int? ToId, int Channel, bool WasActive, bool Active, bool BecameLead, DateTime? FromSince);

public readonly record struct FollowUpData(
    int PersonId, int TypeId, string Title, DateTime DueAt, bool AllDay, int? DurationMinutes, int OwnerId, DateTime? CompletedAt, string? Outcome,
    DateTime CreatedAt);

/// <summary>The seeded lists and users the generated rows refer to, read from the database.</summary>
public sealed record ListIds(
    IReadOnlyList<int> CategoriesByRank, IReadOnlySet<int> ActiveCategories, IReadOnlyList<int> StatusesByRank, int DefaultStatus,
    IReadOnlyList<int> Users, IReadOnlyList<int> FollowUpTypes);
