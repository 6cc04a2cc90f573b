using System.Text.Json;
using CsCheck;
using Leadwerk.Web.Search;

namespace Leadwerk.Tests.Search;

/// <summary>One generated case: criteria, a sort, a small page size, and who "me" is.</summary>
public sealed record SearchCase(Criteria Criteria, string Sort, int Limit, int MeId)
{
    public override string ToString() =>
        $"sort {Sort}, limit {Limit}, me {MeId}, criteria {JsonSerializer.Serialize(Criteria, JsonSerializerOptions.Web)}";
}

/// <summary>Valid random criteria over the data set's values, so that many lines hit and many miss.</summary>
public static class CriteriaGen
{
    private static readonly string[] ListOperators = ["oneOf", "notOneOf", "isEmpty", "isNotEmpty"];
    private static readonly string[] TextOperators = ["contains", "startsWith", "endsWith", "equals", "notEquals", "notContains", "isEmpty", "isNotEmpty"];
    private static readonly string[] DateOperators = ["before", "after", "between", "lastDays", "today", "isEmpty", "isNotEmpty"];
    private static readonly string[] NumberOperators = ["equals", "greaterThan", "lessThan"];
    private static readonly string[] GroupKeys = ["customer", "potentialCustomer", "partner", "lost", "other"];
    private static readonly string[] Tokens = ["a", "E", "é", "Ö", "%", "_", "\\", "'", "@example.com", "zz"];

    public static Gen<SearchCase> Cases(SearchDataSet data)
    {
        var fields = ReferenceSearch.PersonFields.Keys.ToArray();
        var line = Gen.OneOf(fields).SelectMany(field => Line(data, field));
        var set = line.List[1, 3].Select(lines => new CriteriaSet(lines));
        var criteria = set.List[1, 3].Select(sets => new Criteria("person", sets));
        var sortable = fields.Where(f => !SearchFields.Find(f)!.CriterionOnly).ToArray();
        var sort = Gen.Select(Gen.OneOf(sortable), Gen.Bool, (field, descending) => descending ? "-" + field : field);
        return Gen.Select(criteria, sort, Gen.Int[3, 7], Gen.OneOf(data.Users.Select(u => u.Id).ToArray()),
            (c, s, limit, me) => new SearchCase(c, s, limit, me));
    }

    private static Gen<CriteriaLine> Line(SearchDataSet data, string field) => ReferenceSearch.PersonFields[field] switch
    {
        RefType.List => Gen.OneOf(ListOperators.Intersect(SearchFields.Find(field)!.Operators).ToArray()).SelectMany(op => op is "oneOf" or "notOneOf"
            ? Gen.OneOf(ListValues(data, field)).Array[1, 3].Select(values => CriteriaLine.Of(field, op, values))
            : Gen.Const(CriteriaLine.Of(field, op))),
        RefType.Text => Gen.OneOf(TextOperators).SelectMany(op => op is "isEmpty" or "isNotEmpty"
            ? Gen.Const(CriteriaLine.Of(field, op))
            : TextValue(data).Select(value => CriteriaLine.Of(field, op, value))),
        RefType.Number => Gen.Select(Gen.OneOf(NumberOperators), Gen.Int[0, 4], (op, n) => CriteriaLine.Of(field, op, n)),
        _ => Gen.OneOf(DateOperators).SelectMany(op => op switch
        {
            "before" or "after" => Day(data).Select(d => CriteriaLine.Of(field, op, d)),
            "between" => Gen.Select(Day(data), Day(data), (a, b) => CriteriaLine.Of(field, op, a, b)),
            // Far from every date in the data (see SearchDataSet.Origin): none or all of them.
            "lastDays" => Gen.OneOf(Gen.Int[1, 300], Gen.Int[3000, 6000]).Select(n => CriteriaLine.Of(field, op, n)),
            _ => Gen.Const(CriteriaLine.Of(field, op)),
        }),
    };

    private static object[] ListValues(SearchDataSet data, string field)
    {
        const int unknown = 987_654;
        return field switch
        {
            "person.leadStatus" => [.. data.Statuses.Keys.Cast<object>(), unknown],
            "person.owner" or "company.owner" => [.. data.Users.Select(u => (object)u.Id), "me", unknown],
            "person.category" or "company.category" => [.. data.Categories.Keys.Cast<object>(), unknown],
            "person.company" => [.. data.Companies.Keys.Cast<object>(), unknown],
            "person.hasOpenSale" or "person.leadStatusActive" => [true, false],
            _ => GroupKeys,
        };
    }

    /// <summary>Mostly a piece of a real value in another case, sometimes a token that rarely hits.</summary>
    private static Gen<string> TextValue(SearchDataSet data)
    {
        var piece = Gen.OneOf(data.Texts.ToArray()).SelectMany(text => Gen.Int[0, text.Length - 1].SelectMany(start =>
            Gen.Select(Gen.Int[1, text.Length - start], Gen.Int[0, 2], (length, casing) =>
            {
                var cut = text.Substring(start, length).Trim();
                var value = casing switch { 0 => cut, 1 => cut.ToUpperInvariant(), _ => cut.ToLowerInvariant() };
                return value.Length == 0 ? "a" : value;
            })));
        return Gen.Frequency((4, piece), (1, Gen.OneOf(Tokens)));
    }

    private static Gen<string> Day(SearchDataSet data) =>
        Gen.Int[-30, 1330].Select(d => data.Origin.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
