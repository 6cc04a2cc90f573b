namespace Leadwerk.Web.Lists;

/// <summary>An item of a plain bilingual list as its admin screen shows it.</summary>
public sealed record NamedItemRow(int Id, string Name, LocalizedText Names, int Rank, bool Deleted, int Version)
{
    public static NamedItemRow Of(INamedListItem i, string name) => new(i.Id, name, new(i.NameEn, i.NameNl), i.Rank, i.Deleted, i.Version);
}

/// <summary>What <c>NamedListEditor</c> asks of a list's service; Save returns the saved item's name.</summary>
public sealed record NamedListCalls(
    Func<bool, Task<List<NamedItemRow>>> Load,
    Func<NamedItemRow?, LocalizedText, Task<string>> Save,
    Func<NamedItemRow, Task> Delete,
    Func<NamedItemRow, Task> Restore,
    Func<NamedItemRow, bool, bool, Task> Move);
