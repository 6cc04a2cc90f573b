using System.Globalization;
using System.Linq.Expressions;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// Grouping by a list field: the selectors a GROUP BY uses, and for each group its key, its name
/// and the criteria lines that find exactly its persons. Lead status is split by whether it is
/// active (R2): a kept value of a person whose category is no longer active (R6) is its own group,
/// "Not active (kept value)", so counts and drill-downs follow the same rule.
/// </summary>
public sealed class TileGroup
{
    public const string Inactive = "inactive";
    public const string None = "none";

    private readonly SearchField _field;
    private readonly TileQuery _query;
    private readonly Dictionary<int, (string Id, string Name, bool Deleted, int Order)> _names;

    private TileGroup(SearchField field, TileQuery query, Dictionary<int, (string Id, string Name, bool Deleted, int Order)> names) =>
        (_field, _query, _names) = (field, query, names);

    /// <summary>
    /// A text field of a short vocabulary (a touch's source, campaign): the groups are its values
    /// lower-cased, as the drill line "equals" compares them, and empty is "(none)".
    /// </summary>
    public static TileGroup ForText(SearchField field, TileQuery query) => new(field, query, []) { _text = true };

    private bool _text;

    /// <summary>The text selector lower-cased in SQL, so a group holds exactly what its drill line finds.</summary>
    public LambdaExpression TextSelector
    {
        get
        {
            var on = _field.OnPerson!;
            var lower = Expression.Call(on.Body, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
            return Expression.Lambda<Func<Persons.Person, string?>>(lower, on.Parameters);
        }
    }

    public static string TextKey(string? value) => string.IsNullOrEmpty(value) ? None : value;

    public static async Task<TileGroup> For(string fieldKey, TileQuery query, SearchService search)
    {
        var field = SearchFields.Find(fieldKey)!;
        var lists = await search.Lookups();
        return new TileGroup(field, query, await search.ListValues(field.Source!.Value, null))
        {
            _history = search.History,
            _activeCategories = lists.Categories.Values.Where(Leads.LeadRules.IsActive).Select(c => c.Id).ToHashSet(),
        };
    }

    private IQueryable<Leads.LeadStatusChange>? _history;
    private HashSet<int> _activeCategories = [];

    /// <summary>
    /// Now, lead status groups by (status, category) on the covering index, and whether a category
    /// makes its statuses active (R2) is decided here per category; as of a day, both come from history.
    /// </summary>
    private bool ByCategory => IsStatus && (_query.Period is not null || _query.AsOfEnd is null);

    public bool IsStatus => _field.Key == "person.leadStatus";

    /// <summary>One selector, or two for lead status (the status and whether it is active).</summary>
    public IReadOnlyList<LambdaExpression> Selectors
    {
        get
        {
            var asOf = _query.Period is null ? _query.AsOfEnd : null;
            LambdaExpression Of(SearchField f) => asOf is { } end && f.AsOfOnPerson is not null ? f.AsOfOnPerson(end, _history) : f.OnPerson!;
            return !IsStatus ? [Of(_field)]
                : ByCategory ? [_field.OnPerson!, SearchFields.Find("person.category")!.OnPerson!]
                : [Of(_field), Of(SearchFields.Find("person.leadActive")!)];
        }
    }

    /// <summary>
    /// The same keys for a person and one of its history rows: a field with a history read from the
    /// side of the row the state is on (entered, or left), any other field from the person now.
    /// </summary>
    public IReadOnlyList<LambdaExpression> StateSelectors(bool to)
    {
        var s = Expression.Parameter(typeof(StatePair), "s");
        var row = Expression.Property(s, nameof(StatePair.H));
        Expression<Func<Leads.LeadStatusChange, int?>> status = to ? h => h.ToId : h => h.FromId;
        Expression<Func<Leads.LeadStatusChange, int?>> active = to ? h => h.Active ? 1 : 0 : h => h.WasActive ? 1 : 0;
        LambdaExpression Of(LambdaExpression e, Expression on) => Expression.Lambda(CriteriaCompiler.Inline(e, on), s);
        return IsStatus ? [Of(status, row), Of(active, row)]
            : _field.Key == "person.leadActive" ? [Of(active, row)]
            : [Of(_field.OnPerson!, Expression.Property(s, nameof(StatePair.P)))];
    }

    /// <summary>The group of a row's key values (as many as <see cref="Selectors"/>).</summary>
    public string KeyOf(int? value, int? second) => IsStatus
        ? value is null ? None : (ByCategory ? second is { } c && _activeCategories.Contains(c) : second == 1) ? Value(value.Value) : Inactive
        : value is null ? None : Value(value.Value);

    public string Label(string key) => key switch
    {
        None when _field.Source == ListSource.User => L.T("Unassigned", "Niet toegewezen"),
        None when IsStatus => L.T("No status", "Geen status"),
        None => L.T("(none)", "(geen)"),
        _ when _text => key,
        Inactive => L.T("Not active (kept value)", "Niet actief (bewaarde waarde)"),
        _ => _names.Values.FirstOrDefault(n => n.Id == key).Name ?? key,
    };

    /// <summary>Status and category groups go in list order; other groups by size.</summary>
    public int? Order(string key) => key switch
    {
        None => int.MaxValue,
        Inactive => int.MaxValue - 1,
        _ when _field.Source is ListSource.LeadStatus or ListSource.Category or ListSource.CategoryGroup or ListSource.YesNo =>
            _names.Values.FirstOrDefault(n => n.Id == key).Order,
        _ => null,
    };

    /// <summary>The criteria lines that find the persons of a group.</summary>
    public CriteriaLine[] Lines(string key)
    {
        var active = _query.AsOf(CriteriaLine.Of("person.leadActive", Operators.OneOf, key != Inactive));
        return key switch
        {
            None => [_query.AsOf(CriteriaLine.Of(_field.Key, Operators.IsEmpty))],
            _ when _text => [CriteriaLine.Of(_field.Key, Operators.EqualTo, key)],
            Inactive => [_query.AsOf(CriteriaLine.Of(_field.Key, Operators.IsNotEmpty)), active],
            _ when IsStatus => [_query.AsOf(CriteriaLine.Of(_field.Key, Operators.OneOf, int.Parse(key, CultureInfo.InvariantCulture))), active],
            _ => [_query.AsOf(CriteriaLine.Of(_field.Key, Operators.OneOf, JsonValue(key)))],
        };
    }

    private string Value(int id) => _names.TryGetValue(id, out var n) ? n.Id : id.ToString(CultureInfo.InvariantCulture);

    // Ids are numbers in criteria; category groups and yes/no are words.
    private object JsonValue(string key) => _field.Source switch
    {
        ListSource.CategoryGroup => key,
        ListSource.YesNo => key == "true",
        _ => int.Parse(key, CultureInfo.InvariantCulture),
    };
}

/// <summary>A person and one of its history rows: what an as-of count by difference groups.</summary>
public sealed class StatePair
{
    public Persons.Person P { get; init; } = null!;
    public Leads.LeadStatusChange H { get; init; } = null!;
}
