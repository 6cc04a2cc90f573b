using System.Globalization;
using System.Text.Json;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Search;

/// <summary>
/// Criteria as a sentence a user can check at a glance, e.g. “Lead status is one of Contacting,
/// Re-nurture AND Company category group is one of Potential customer”.
/// </summary>
public static class CriteriaText
{
    public static string And => L.T("AND", "EN");

    public static string Or => L.T("OR", "OF");

    /// <summary>One text per set; the sets are ORed.</summary>
    public static List<string> Sets(Criteria? criteria, IReadOnlyList<FieldDescription> fields) =>
        (criteria?.Sets ?? []).Where(s => s?.Lines is { Count: > 0 })
            .Select(s => string.Join($" {And} ", s.Lines!.Select(l => Line(l, fields))))
            .ToList();

    public static string Line(CriteriaLine line, IReadOnlyList<FieldDescription> fields)
    {
        var field = fields.FirstOrDefault(f => f.Key == line.Field);
        var label = field?.Label ?? line.Field ?? "?";
        var op = CriteriaModel.OperatorName(line.Operator);
        var values = (line.Values ?? []).Select(v => Value(v, field)).ToList();
        if (line.AsOf is not null)
        {
            label = L.T($"{label} on {line.AsOf}", $"{label} op {line.AsOf}");
        }

        return line.Operator switch
        {
            Operators.MoreThanDaysAgo when values.Count == 1 => L.T($"{label} more than {values[0]} days ago", $"{label} meer dan {values[0]} dagen geleden"),
            Operators.InOrder => L.T($"{label}: {string.Join(" → ", values)}, in this order", $"{label}: {string.Join(" → ", values)}, in deze volgorde"),
            _ when CriteriaModel.TakesNoValue(line.Operator) => $"{label} {op}",
            Operators.Between when values.Count == 2 => L.T($"{label} is between {values[0]} and {values[1]}", $"{label} ligt tussen {values[0]} en {values[1]}"),
            Operators.LastDays when values.Count == 1 => L.T($"{label} in the last {values[0]} days", $"{label} in de laatste {values[0]} dagen"),
            Operators.Before or Operators.After => $"{label} {op} {string.Join(", ", values)}",
            Operators.OneOf or Operators.NotOneOf => $"{label} {op} {string.Join(", ", values)}",
            _ when field?.Type == "number" => $"{label} {op} {string.Join(", ", values)}",
            _ => $"{label} {op} {string.Join(", ", values.Select(v => $"“{v}”"))}",
        };
    }

    private static string Value(JsonElement value, FieldDescription? field)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToString(),
        };
        if (field?.Values is null)
        {
            return text;
        }

        if (text == CriteriaModel.Me && CriteriaModel.IsOwnerField(field.Key))
        {
            return L.T("Me", "Ik");
        }

        return field.Values.FirstOrDefault(v => string.Equals(v.Id, text, StringComparison.Ordinal))?.Name
            ?? string.Create(CultureInfo.InvariantCulture, $"#{text}");
    }
}
