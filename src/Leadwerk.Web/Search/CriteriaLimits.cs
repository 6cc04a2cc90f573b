using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Search;

/// <summary>
/// How big a criteria document may be. Past these a query gets too deep or has too many parameters
/// for the databases (SQLite refuses an expression tree deeper than 1,000), and no person builds
/// one by hand; a script that does gets a 422 that names the limit instead of a failed query.
/// </summary>
public static class CriteriaLimits
{
    public const int Sets = 20;
    public const int LinesPerSet = 100;
    public const int ValuesPerLine = 1_000;
    public const int ValuesInAll = 2_000;
    public const int TextLength = 255;

    /// <summary>Adds an error for every limit passed and every text that is not valid; false when any was.</summary>
    public static bool Check(Validation v, Criteria criteria)
    {
        var before = v.Count;
        var sets = criteria.Sets ?? [];
        if (sets.Count > Sets)
        {
            v.Add("sets", L.T($"At most {Sets} sets (OR groups) are allowed; this has {sets.Count}.",
                $"Hoogstens {Sets} sets (OF-groepen) zijn toegestaan; dit zijn er {sets.Count}."));
            return false;
        }

        var total = 0;
        for (var s = 0; s < sets.Count; s++)
        {
            var lines = sets[s]?.Lines ?? [];
            if (lines.Count > LinesPerSet)
            {
                v.Add($"sets[{s}]", L.T($"Set {s + 1}: at most {LinesPerSet} lines are allowed; it has {lines.Count}.",
                    $"Groep {s + 1}: hoogstens {LinesPerSet} regels zijn toegestaan; het zijn er {lines.Count}."));
                continue;
            }

            for (var l = 0; l < lines.Count; l++)
            {
                var values = lines[l]?.Values ?? [];
                if (CheckValues(v, values, s, l))
                {
                    total += values.Count;
                }
            }
        }

        if (total > ValuesInAll)
        {
            v.Add("sets", L.T($"At most {ValuesInAll} values are allowed in all lines together; these have {total}.",
                $"Hoogstens {ValuesInAll} waarden zijn toegestaan in alle regels samen; dit zijn er {total}."));
        }

        return v.Count == before;
    }

    private static bool CheckValues(Validation v, List<JsonElement> values, int s, int l)
    {
        var at = $"sets[{s}].lines[{l}].values";
        var where = CriteriaCompiler.Where(s, l);
        if (values.Count > ValuesPerLine)
        {
            v.Add(at, L.T($"{where}: at most {ValuesPerLine} values are allowed; it has {values.Count}.",
                $"{where}: hoogstens {ValuesPerLine} waarden zijn toegestaan; het zijn er {values.Count}."));
            return false;
        }

        foreach (var value in values)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            if (Text(value) is not { } text)
            {
                v.Add(at, L.T($"{where}: a value contains an invalid character.", $"{where}: een waarde bevat een ongeldig teken."));
                return false;
            }

            if (text.Length > TextLength)
            {
                v.Add(at, L.T($"{where}: a value can be at most {TextLength} characters; it has {text.Length}.",
                    $"{where}: een waarde mag hoogstens {TextLength} tekens lang zijn; deze heeft er {text.Length}."));
                return false;
            }
        }

        return true;
    }

    /// <summary>The text of a JSON string, or null when it escapes half a surrogate pair, which no .NET string can hold.</summary>
    private static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
