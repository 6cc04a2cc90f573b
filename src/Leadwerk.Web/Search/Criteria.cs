using System.Text.Json;

namespace Leadwerk.Web.Search;

/// <summary>
/// A criteria document (F4): lines in a set are ANDed, sets are ORed.
/// <c>{ "entity": "person", "sets": [ { "lines": [ { "field": "person.leadStatus", "operator": "oneOf", "values": [3, 5] } ] } ] }</c>
/// </summary>
public sealed record Criteria(string? Entity, List<CriteriaSet>? Sets)
{
    public static Criteria For(string entity, params CriteriaLine[] lines) => new(entity, [new CriteriaSet([.. lines])]);

    public Criteria And(params CriteriaLine[] lines) => this with
    {
        Sets = (Sets is null or [] ? [new CriteriaSet([])] : Sets).Select(s => new CriteriaSet([.. s.Lines ?? [], .. lines])).ToList(),
    };
}

public sealed record CriteriaSet(List<CriteriaLine>? Lines);

/// <param name="AsOf">
/// yyyy-mm-dd: the line asks about the field's value at the end of that day (UTC), read from the
/// history (B1); only fields with a history take it (lead status, active lead).
/// </param>
public sealed record CriteriaLine(string? Field, string? Operator, List<JsonElement>? Values, string? AsOf = null)
{
    public static CriteriaLine Of(string field, string op, params object[] values) =>
        new(field, op, values.Select(v => JsonSerializer.SerializeToElement(v)).ToList());
}

public static class Entities
{
    public const string Person = "person";
    public const string Company = "company";

    public static bool IsKnown(string? entity) => entity is Person or Company;
}

public static class Operators
{
    public const string OneOf = "oneOf";
    public const string NotOneOf = "notOneOf";
    public const string IsEmpty = "isEmpty";
    public const string IsNotEmpty = "isNotEmpty";
    public const string Contains = "contains";
    public const string StartsWith = "startsWith";
    public const string EndsWith = "endsWith";
    public const string EqualTo = "equals";
    public const string NotEquals = "notEquals";
    public const string NotContains = "notContains";
    public const string Before = "before";
    public const string After = "after";
    public const string Between = "between";
    public const string LastDays = "lastDays";
    public const string Today = "today";
    public const string GreaterThan = "greaterThan";
    public const string LessThan = "lessThan";
    public const string MoreThanDaysAgo = "moreThanDaysAgo";
    public const string InOrder = "inOrder";

    public static IReadOnlyList<string> For(FieldType type) => type switch
    {
        FieldType.List => [OneOf, NotOneOf, IsEmpty, IsNotEmpty],
        FieldType.Text => [Contains, StartsWith, EndsWith, EqualTo, NotEquals, NotContains, IsEmpty, IsNotEmpty],
        FieldType.Number => [EqualTo, GreaterThan, LessThan],
        _ => [Before, After, Between, LastDays, MoreThanDaysAgo, Today, IsEmpty, IsNotEmpty],
    };
}
