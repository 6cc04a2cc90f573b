using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Selections;

public static class SelectionRules
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 1000;
    public const int MaxMembersPerCall = 10_000;

    public static string Key(this SelectionKind kind) => kind == SelectionKind.Static ? "static" : "dynamic";

    public static string Key(this Visibility visibility) => visibility == Visibility.Everyone ? "everyone" : "private";

    public static string KindName(this SelectionKind kind) => kind == SelectionKind.Static ? L.T("Static", "Statisch") : L.T("Dynamic", "Dynamisch");
}

public sealed record SelectionDto(
    int Id, string Name, string? Description, string Entity, string Kind, Criteria? Criteria, int OwnerId, string OwnerName,
    string Visibility, int? MemberCount, DateTime CreatedAt, DateTime UpdatedAt, int Version);

/// <summary>
/// POST and PUT body. POST: `kind: dynamic` + `criteria` saves the criteria; `kind: static` +
/// `criteria` snapshots the current matches; `kind: static` + `memberIds` takes those.
/// </summary>
public sealed record SelectionRequest(
    string? Name, string? Description, string? Entity, string? Kind, Criteria? Criteria, List<int>? MemberIds, string? Visibility);

/// <summary>Members to add or remove: explicit `ids`, or (adding only) every current match of `criteria`.</summary>
public sealed record MemberIds(List<int>? Ids, Criteria? Criteria = null);

public sealed record MembersChanged(int Changed, int MemberCount);
