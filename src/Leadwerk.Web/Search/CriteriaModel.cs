using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Search;

/// <summary>One line of the criteria builder as the user edits it; values are kept per editor kind.</summary>
public sealed class LineModel
{
    public string? Field { get; set; }
    public string? Operator { get; set; }
    public IReadOnlyCollection<string> Selected { get; set; } = [];
    public string? Text { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    /// <summary>Days and numbers as typed: sent as they are, so a wrong one is refused, never changed.</summary>
    public string? Days { get; set; }

    public string? Number { get; set; }

    /// <summary>
    /// The day a line is evaluated on (a dashboard's "as of" drill): kept as it came, shown on the
    /// line, removable; the editor has no field for it.
    /// </summary>
    public string? AsOf { get; set; }

    /// <summary>
    /// The values as they came, for a field this builder cannot edit (one Find does not offer): sent
    /// back unchanged so opening a drill link and searching loses nothing.
    /// </summary>
    public List<JsonElement>? Kept { get; set; }

    /// <summary>A line the user just added takes the focus, so keyboard users carry on in it.</summary>
    public bool FocusOnShow { get; init; }

    /// <summary>The server's message about this line (422 invalidCriteria), shown next to it.</summary>
    public string? Error { get; set; }

    /// <summary>Which input the message is about: field, operator, values or asOf (the last part of its key).</summary>
    public string? ErrorOn { get; set; }
}

/// <summary>A row of the results grid: the record's id and its column values by field key.</summary>
public sealed record ResultRow(int Id, IReadOnlyDictionary<string, object?> Values)
{
    public static ResultRow From(Dictionary<string, object?> item) =>
        new(Convert.ToInt32(item["id"], CultureInfo.InvariantCulture), item);
}

public sealed class SetModel
{
    public SetModel(bool focus = false) => Lines.Add(new LineModel { FocusOnShow = focus });

    public List<LineModel> Lines { get; } = [];

    public string? Error { get; set; }
}

/// <summary>Turns the builder's sets into a criteria document and back, and maps refusals to lines.</summary>
public static partial class CriteriaModel
{
    public const string Me = "me";
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// Lines without a field are left out (an untouched line means "no condition"), so the document
    /// that is sent can have fewer lines than the builder; <paramref name="map"/> remembers which is which.
    /// </summary>
    public static Criteria ToCriteria(string entity, IReadOnlyList<SetModel> sets, out List<List<LineModel>> map)
    {
        map = [];
        var result = new List<CriteriaSet>();
        foreach (var set in sets)
        {
            var used = set.Lines.Where(l => !string.IsNullOrEmpty(l.Field)).ToList();
            if (used.Count == 0)
            {
                continue;
            }

            map.Add(used);
            result.Add(new CriteriaSet(used.Select(ToLine).ToList()));
        }

        return new Criteria(entity, result);
    }

    public static List<SetModel> FromCriteria(Criteria? criteria)
    {
        var sets = new List<SetModel>();
        foreach (var set in criteria?.Sets ?? [])
        {
            var model = new SetModel();
            model.Lines.Clear();
            model.Lines.AddRange((set?.Lines ?? []).Where(l => l is not null).Select(FromLine));
            if (model.Lines.Count > 0)
            {
                sets.Add(model);
            }
        }

        return sets.Count > 0 ? sets : [new SetModel()];
    }

    /// <summary>
    /// Puts each message of an invalidCriteria refusal next to its line or set; returns what fits
    /// nowhere (or null).
    /// </summary>
    public static string? ShowErrors(DomainException error, IReadOnlyList<SetModel> sets, List<List<LineModel>> map)
    {
        ClearErrors(sets);
        if (error is not ValidationFailedException invalid)
        {
            return error.Message;
        }

        var rest = new List<string>();
        foreach (var (key, messages) in invalid.Errors)
        {
            var text = string.Join(" ", messages);
            var match = ErrorPath().Match(key);
            if (match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var s) && s < map.Count)
            {
                if (match.Groups[2].Success && int.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var l) && l < map[s].Count)
                {
                    map[s][l].Error = Join(map[s][l].Error, text);
                    map[s][l].ErrorOn ??= match.Groups[3].Success ? match.Groups[3].Value : null;
                    continue;
                }

                var owner = sets.FirstOrDefault(set => set.Lines.Contains(map[s][0]));
                if (owner is not null)
                {
                    owner.Error = Join(owner.Error, text);
                    continue;
                }
            }

            rest.Add(text);
        }

        return rest.Count > 0 ? string.Join(" ", rest) : null;
    }

    public static void ClearErrors(IEnumerable<SetModel> sets)
    {
        foreach (var set in sets)
        {
            set.Error = null;
            foreach (var line in set.Lines)
            {
                line.Error = null;
                line.ErrorOn = null;
            }
        }
    }

    /// <summary>Readable, localized operator names.</summary>
    public static string OperatorName(string? op) => op switch
    {
        Operators.OneOf => L.T("is one of", "is een van"),
        Operators.NotOneOf => L.T("is not one of", "is niet een van"),
        Operators.IsEmpty => L.T("is empty", "is leeg"),
        Operators.IsNotEmpty => L.T("is not empty", "is niet leeg"),
        Operators.Contains => L.T("contains", "bevat"),
        Operators.StartsWith => L.T("starts with", "begint met"),
        Operators.EndsWith => L.T("ends with", "eindigt op"),
        Operators.EqualTo => L.T("equals", "is gelijk aan"),
        Operators.NotEquals => L.T("does not equal", "is niet gelijk aan"),
        Operators.NotContains => L.T("does not contain", "bevat niet"),
        Operators.Before => L.T("before", "voor"),
        Operators.After => L.T("after", "na"),
        Operators.Between => L.T("between", "tussen"),
        Operators.LastDays => L.T("in the last N days", "in de laatste N dagen"),
        Operators.Today => L.T("today", "vandaag"),
        Operators.GreaterThan => L.T("is greater than", "is groter dan"),
        Operators.LessThan => L.T("is less than", "is kleiner dan"),
        Operators.MoreThanDaysAgo => L.T("more than N days ago", "meer dan N dagen geleden"),
        Operators.InOrder => L.T("all, in this order", "alle, in deze volgorde"),
        _ => op ?? "",
    };

    /// <summary>Operators that take no value, so the line shows no value editor.</summary>
    public static bool TakesNoValue(string? op) => op is Operators.IsEmpty or Operators.IsNotEmpty or Operators.Today;

    /// <summary>Owner fields also accept "me": whoever runs the search.</summary>
    public static bool IsOwnerField(string? field) => field is "person.owner" or "company.owner";

    private static CriteriaLine ToLine(LineModel line)
    {
        var values = new List<JsonElement>();
        var type = SearchFields.Find(line.Field)?.Type;
        if (type is null && line.Kept is { } kept)
        {
            return new CriteriaLine(line.Field, line.Operator, [.. kept], line.AsOf);
        }

        if (!TakesNoValue(line.Operator))
        {
            switch (type)
            {
                case FieldType.List:
                    // Lists of records take numeric ids; category groups and "me" are words.
                    values.AddRange(line.Selected.Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var id)
                        ? JsonSerializer.SerializeToElement(id) : JsonSerializer.SerializeToElement(v)));
                    break;
                case FieldType.Text when !string.IsNullOrWhiteSpace(line.Text):
                    values.Add(JsonSerializer.SerializeToElement(line.Text.Trim()));
                    break;
                case FieldType.Number:
                    AddWhole(values, line.Number);
                    break;
                case FieldType.Date when line.Operator is Operators.LastDays or Operators.MoreThanDaysAgo:
                    AddWhole(values, line.Days);
                    break;
                case FieldType.Date:
                    AddDate(values, line.From);
                    if (line.Operator == Operators.Between)
                    {
                        AddDate(values, line.To);
                    }

                    break;
            }
        }

        return new CriteriaLine(line.Field, line.Operator, values, line.AsOf);
    }

    /// <summary>A whole number as a number; anything else typed as text, for the server to refuse with its reason.</summary>
    private static void AddWhole(List<JsonElement> values, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return;
        }

        values.Add(int.TryParse(typed.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? JsonSerializer.SerializeToElement(n) : JsonSerializer.SerializeToElement(typed.Trim()));
    }

    private static void AddDate(List<JsonElement> values, DateTime? date)
    {
        if (date is { } d)
        {
            values.Add(JsonSerializer.SerializeToElement(d.ToString(DateFormat, CultureInfo.InvariantCulture)));
        }
    }

    private static LineModel FromLine(CriteriaLine line)
    {
        var model = new LineModel { Field = line.Field, Operator = line.Operator, AsOf = line.AsOf };
        var values = line.Values ?? [];
        switch (SearchFields.Find(line.Field)?.Type)
        {
            case null:
                model.Kept = [.. values];
                break;
            case FieldType.List:
                // JSON booleans (a dashboard's "active lead is yes") are the yes/no list's ids "true" and "false".
                model.Selected = values.Select(v => v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString()!,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => v.ToString(),
                }).ToList();
                break;
            case FieldType.Text:
                model.Text = values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()).FirstOrDefault();
                break;
            case FieldType.Number:
                model.Number = values.Select(Typed).FirstOrDefault();
                break;
            case FieldType.Date when line.Operator is Operators.LastDays or Operators.MoreThanDaysAgo:
                model.Days = values.Select(Typed).FirstOrDefault();
                break;
            case FieldType.Date:
                model.From = values.Count > 0 ? CriteriaCompiler.DateValue(values[0])?.At : null;
                model.To = values.Count > 1 ? CriteriaCompiler.DateValue(values[1])?.At : null;
                break;
        }

        return model;
    }

    /// <summary>"on 1 March 2026" for a line's as-of day, or the text as it came when it is not a date.</summary>
    public static string AsOfText(string asOf) =>
        DateOnly.TryParseExact(asOf, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? L.T($"on {day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)}", $"op {day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)}")
            : L.T($"on {asOf}", $"op {asOf}");

    private static string Typed(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString();

    private static string Join(string? before, string text) => before is null ? text : $"{before} {text}";

    [GeneratedRegex(@"^sets\[(\d+)\](?:\.lines\[(\d+)\](?:\.(\w+))?)?")]
    private static partial Regex ErrorPath();
}
