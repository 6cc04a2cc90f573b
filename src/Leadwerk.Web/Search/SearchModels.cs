using Leadwerk.Web.Localization;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.Search;

/// <summary>Body of POST /api/search. `sort` is a field key, with a leading "-" for descending.</summary>
public sealed record SearchRequest(Criteria? Criteria, List<string>? Columns, string? Sort, int? Limit, string? Cursor, bool Count = false);

/// <summary>A page of results: each item has `id` and the requested columns by field key.</summary>
public sealed record SearchResult(IReadOnlyList<Dictionary<string, object?>> Items, string? NextCursor, int? Count = null);

public sealed record SearchCount(int Count);

/// <summary>A group's count; <c>Kept</c> of them hold the lead status as a kept value (R6), only when grouped by lead status.</summary>
public sealed record GroupCount(string? Key, string Name, int Count, bool Deleted)
{
    public int Kept { get; init; }
}

/// <summary>A field clients can build criteria on; only those with `column` true can be shown and sorted on.</summary>
public sealed record FieldDescription(string Key, string Label, string Type, IReadOnlyList<string> Operators, IReadOnlyList<ListValue>? Values,
    bool Column = true);

public sealed record ListValue(string Id, string Name, bool Deleted);

/// <summary>A person with every column a result can show, read in one query.</summary>
internal sealed record PersonRow(
    int Id, string FirstName, string LastName, string? Email, string? Phone, string? Title, int? OwnerId, string? OwnerName,
    int? CompanyId, string? CompanyName, int? CategoryId, int? LeadStatusId, DateTime? LeadStatusChangedAt, DateTime CreatedAt,
    DateTime UpdatedAt, int? CompanyCategoryId, int? CompanyOwnerId, string? CompanyOwnerName, string? CompanyCountry,
    string? CompanyEmail, string? CompanyOrgNumber, DateTime? CompanyCreatedAt, DateTime? NextFollowUpAt, DateTime? LastActivityAt,
    int OpenFollowUps, string? RecordSource);

internal sealed record CompanyRow(
    int Id, string Name, int CategoryId, int? OwnerId, string? OwnerName, string? Country, string? Email, string? OrgNumber, DateTime CreatedAt);

/// <summary>A row with the value it is sorted on, for the keyset cursor.</summary>
public sealed class Hit<TRow>
{
    public TRow Row { get; set; } = default!;
    public object? Key { get; set; }
}

/// <summary>The list items that turn ids into names, loaded once per search.</summary>
internal sealed record Lookups(Dictionary<int, LeadStatus> Statuses, Dictionary<int, Category> Categories, Dictionary<int, User> Users)
{
    public string? Status(int? id) => id is { } i && Statuses.TryGetValue(i, out var s) ? s.Name : null;

    /// <summary>
    /// A person's status as shown: a status held in a category whose statuses are not active (R2) is
    /// a kept value (R6), marked wherever it is shown so it never reads as a live one.
    /// </summary>
    public string? Status(int? id, int? categoryId) => Status(id) is not { } name ? null
        : InUse(categoryId) ? name : L.T($"{name} (not in use)", $"{name} (niet in gebruik)");

    /// <summary>R2 for a person's category: whether a status held there is in use.</summary>
    public bool InUse(int? categoryId) =>
        categoryId is { } c && Categories.TryGetValue(c, out var category) && Leads.LeadRules.IsActive(category);

    public string? Category(int? id) => id is { } i && Categories.TryGetValue(i, out var c) ? c.Name : null;

    public string? Group(int? categoryId) => categoryId is { } i && Categories.TryGetValue(i, out var c) ? c.Group.DisplayName() : null;
}
