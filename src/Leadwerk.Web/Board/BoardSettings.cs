using System.Globalization;

namespace Leadwerk.Web.Board;

/// <summary>
/// What a user chose on a board (group by, filters, sort, hide empty), kept per user per
/// selection under the key <c>board.{selectionId}</c> and restored when the board opens.
/// </summary>
public sealed record BoardSettings
{
    public const string LeadStatus = "leadStatus";
    public const string Category = "category";
    public const string Owner = "owner";
    public const string Me = "me";

    public string GroupBy { get; init; } = LeadStatus;

    /// <summary>User ids as text, and "me" for whoever looks at the board.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];
    public IReadOnlyList<int> Categories { get; init; } = [];
    public IReadOnlyList<int> LeadStatuses { get; init; } = [];
    public DateOnly? CreatedFrom { get; init; }
    public DateOnly? CreatedTo { get; init; }
    public string? Text { get; init; }
    public string Sort { get; init; } = "name";
    public bool HideEmpty { get; init; }

    /// <summary>Only persons without an open follow-up (F15).</summary>
    public bool NoFollowUp { get; init; }

    public static string Key(int selectionId) => $"board.{selectionId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The settings as the board service takes them; unknown values from an old save fall back to defaults.</summary>
    public BoardQuery ToQuery() => new(
        GroupBy is LeadStatus or Category or Owner ? GroupBy : LeadStatus,
        Join(Owners), Join(Categories.Select(c => c.ToString(CultureInfo.InvariantCulture))),
        Join(LeadStatuses.Select(s => s.ToString(CultureInfo.InvariantCulture))),
        CreatedFrom, CreatedTo, Text, Sort is "name" or "created" or "daysInStatus" or "nextFollowUp" ? Sort : "name", HideEmpty,
        NoFollowUp: NoFollowUp);

    public bool HasFilters => Owners.Count > 0 || Categories.Count > 0 || LeadStatuses.Count > 0 || CreatedFrom is not null
        || CreatedTo is not null || !string.IsNullOrWhiteSpace(Text) || NoFollowUp;

    private static string? Join(IEnumerable<string> values)
    {
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }
}

/// <summary>A card on the board with the column it is shown in (changed while dragging, restored on refusal).</summary>
public sealed class BoardItem(BoardCard card, string column)
{
    public BoardCard Card { get; set; } = card;
    public string Column { get; set; } = column;
}

/// <summary>A column as the page keeps it: its count and cursor change after moves and "load more".</summary>
public sealed class BoardColumnState(BoardColumn column)
{
    public string Key { get; } = column.Key;
    public string Name { get; } = column.Name;
    public string? Description { get; } = column.Description;
    public bool Deleted { get; } = column.Deleted;
    public int Count { get; set; } = column.Count;

    public int Kept { get; set; } = column.Kept;
    public string? NextCursor { get; set; } = column.NextCursor;
    public bool Loading { get; set; }
}
