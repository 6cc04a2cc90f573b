namespace Leadwerk.Web.Board;

/// <summary>What a board's columns are: the values of one list field (F6).</summary>
public enum BoardGroup
{
    LeadStatus,
    Category,
    Owner,
}

/// <summary>
/// Toolbar filters and sort of a board; lists are comma-separated ids (owner also "me");
/// <c>NoFollowUp</c> keeps the persons without an open follow-up (F15).
/// </summary>
public sealed record BoardQuery(
    string? GroupBy = null, string? Owner = null, string? Category = null, string? LeadStatus = null,
    DateOnly? CreatedFrom = null, DateOnly? CreatedTo = null, string? Text = null, string? Sort = null,
    bool HideEmpty = false, int? Limit = null, bool NoFollowUp = false);

/// <summary>
/// A person on the board; <c>targets</c> are the column keys the rules allow it to move to (none when locked).
/// <c>nextFollowUpAt</c> is the due moment (UTC) of the earliest open follow-up, <c>nextFollowUpDate</c> its day in the
/// viewer's time zone, and <c>followUpOverdue</c> whether it has passed (an all-day one: once its day has).
/// </summary>
public sealed record BoardCard(
    int PersonId, string Name, int? CompanyId, string? CompanyName, string? Category, string? OwnerName, int DaysInStatus,
    string? LeadStatus, bool Locked, string? LockedReason, int Version, IReadOnlyList<string> Targets,
    DateTime? NextFollowUpAt = null, DateOnly? NextFollowUpDate = null, bool FollowUpOverdue = false);

/// <summary>A column; <c>kept</c> of its <c>count</c> hold a kept lead status (R6), shown apart as "not in use".</summary>
public sealed record BoardColumn(string Key, string Name, string? Description, int Count, bool Deleted, IReadOnlyList<BoardCard> Cards, string? NextCursor)
{
    public int Kept { get; init; }
}

public sealed record BoardView(string GroupBy, IReadOnlyList<BoardColumn> Columns);

public sealed record BoardCards(IReadOnlyList<BoardCard> Items, string? NextCursor);

/// <summary>A card dragged to another column; `version` is the person's version when the board showed it.</summary>
public sealed record BoardMove(int PersonId, string? GroupBy, string? ToKey, int? Version);

public sealed record ColumnCount(string Key, int Count)
{
    public int Kept { get; init; }
}

/// <summary>The moved card and the new counts; `onBoard` is false when the card no longer matches the selection or the filters.</summary>
public sealed record BoardMoved(BoardCard Card, IReadOnlyList<ColumnCount> Counts, bool OnBoard = true)
{
    /// <summary>What lead categorization rules propose after the move (R16).</summary>
    public IReadOnlyList<Automation.SuggestionDto> Suggestions { get; init; } = [];
}

public static class BoardKeys
{
    public const string None = "none";

    public static string Key(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? None;
}
