using Leadwerk.Web.Search;

namespace Leadwerk.Web.Companies;

/// <summary>The columns the Contacts tab offers (F3), all fields of the criteria engine.</summary>
public static class ContactsColumns
{
    public const string FirstName = "person.firstName";
    public const string LastName = "person.lastName";
    public const string LeadStatus = "person.leadStatus";

    public static IReadOnlyList<string> All { get; } =
    [
        FirstName, LastName, "person.email", "person.phone", "person.title", "person.category", "person.categoryGroup",
        LeadStatus, "person.owner", "person.createdAt", "person.leadStatusChangedAt", "person.nextFollowUp", "person.openFollowUps",
        "person.lastActivity",
    ];

    /// <summary>The list columns, which are the ones a user can group by.</summary>
    public static IReadOnlyList<string> Groupable { get; } = All.Where(k => Field(k).Type == FieldType.List).ToList();

    public static IReadOnlyList<string> Names { get; } = [FirstName, LastName];

    public static SearchField Field(string key) => SearchFields.Find(key)!;

    public static string Label(string key) => Field(key).Label();
}

/// <summary>
/// What a user chose on the Contacts tab, kept per user (<see cref="Users.UserSettings"/>) and
/// used on every company card. Filters are not kept: they belong to one company.
/// </summary>
public sealed record ContactsSettings(List<string>? Columns, string? Sort, string? GroupBy)
{
    public const string Key = "contacts.settings";

    public static ContactsSettings Default { get; } = new([.. ContactsTab.DefaultColumns], SearchFields.DefaultSort(Entities.Person), null);

    /// <summary>
    /// A setting saved by an older version may name fields that are gone. At least one name column
    /// stays, because the name is the link to the person.
    /// </summary>
    public ContactsSettings Normalize()
    {
        var columns = ContactsColumns.All.Where(k => Columns?.Contains(k) == true).ToList();
        if (!columns.Any(ContactsColumns.Names.Contains))
        {
            columns.Insert(0, ContactsColumns.LastName);
        }

        var sortKey = Sort?.TrimStart('-');
        var sort = sortKey is not null && ContactsColumns.All.Contains(sortKey) ? Sort : Default.Sort;
        var groupBy = GroupBy is not null && ContactsColumns.Groupable.Contains(GroupBy) ? GroupBy : null;
        return new ContactsSettings(columns, sort, groupBy);
    }
}

/// <summary>One column's filter: a contains text, a set of list values, a date range, or a count.</summary>
public sealed class ContactsFilter
{
    public string? Text { get; set; }
    public IReadOnlyCollection<string> Values { get; set; } = [];

    /// <summary>Dates as yyyy-mm-dd, which is what both a date input and the criteria engine use.</summary>
    public string? After { get; set; }
    public string? Before { get; set; }

    public int? Number { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Values.Count == 0 && string.IsNullOrEmpty(After) && string.IsNullOrEmpty(Before)
        && Number is null;

    public IEnumerable<CriteriaLine> Lines(SearchField field)
    {
        switch (field.Type)
        {
            case FieldType.Text when !string.IsNullOrWhiteSpace(Text):
                yield return CriteriaLine.Of(field.Key, Operators.Contains, Text.Trim());
                break;
            case FieldType.List when Values.Count > 0:
                yield return CriteriaLine.Of(field.Key, Operators.OneOf, [.. Values.Select(v => ContactsFilters.ListValue(field, v))]);
                break;
            case FieldType.Number when Number is { } number:
                yield return CriteriaLine.Of(field.Key, Operators.EqualTo, number);
                break;
            case FieldType.Date:
                if (!string.IsNullOrEmpty(After))
                {
                    yield return CriteriaLine.Of(field.Key, Operators.After, After);
                }

                if (!string.IsNullOrEmpty(Before))
                {
                    yield return CriteriaLine.Of(field.Key, Operators.Before, Before);
                }

                break;
        }
    }
}

/// <summary>The column filters of the Contacts tab, as criteria lines for <see cref="ContactsTab.Page"/>.</summary>
public sealed class ContactsFilters
{
    private readonly Dictionary<string, ContactsFilter> _byColumn = [];

    public ContactsFilter For(string column) =>
        _byColumn.TryGetValue(column, out var filter) ? filter : _byColumn[column] = new ContactsFilter();

    public bool Any(IEnumerable<string> columns) => columns.Any(c => _byColumn.TryGetValue(c, out var f) && !f.IsEmpty);

    public void Clear() => _byColumn.Clear();

    /// <summary>A hidden column has no filter control, so its filter must not narrow the list unseen.</summary>
    public List<CriteriaLine> Lines(IEnumerable<string> visibleColumns) =>
        visibleColumns.Where(_byColumn.ContainsKey).SelectMany(c => _byColumn[c].Lines(ContactsColumns.Field(c))).ToList();

    /// <summary>The line that narrows the list to one group of a group-by answer; "(none)" has no key.</summary>
    public static CriteriaLine GroupLine(string groupBy, string? groupKey)
    {
        var field = ContactsColumns.Field(groupBy);
        return groupKey is null
            ? CriteriaLine.Of(groupBy, Operators.IsEmpty)
            : CriteriaLine.Of(groupBy, Operators.OneOf, ListValue(field, groupKey));
    }

    /// <summary>List values arrive as strings (field descriptions, group keys); ids are numbers except category groups.</summary>
    public static object ListValue(SearchField field, string value) =>
        field.Source != ListSource.CategoryGroup && int.TryParse(value, out var id) ? id : value;
}
