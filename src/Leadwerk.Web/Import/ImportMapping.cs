using System.Globalization;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Import;

/// <summary>From the file's columns to fields: as `columns` says, or guessed from the headers; then the rows as field → value.</summary>
internal static class ImportMapping
{
    public static Dictionary<int, string> Map(string entity, string[] header, Dictionary<string, string>? columns)
    {
        var v = new Validation();
        var mapping = new Dictionary<int, string>();
        if (columns is { Count: > 0 })
        {
            foreach (var (name, target) in columns)
            {
                var index = Array.FindIndex(header, h => string.Equals(h, name.Trim(), StringComparison.OrdinalIgnoreCase));
                var field = ImportFields.Known(entity, target);
                if (index < 0)
                {
                    v.Add("columns", L.T($"The file has no column “{name}”.", $"Het bestand heeft geen kolom “{name}”."));
                }
                else if (field is null)
                {
                    v.Add("columns", L.T($"“{target}” is not a {entity} field; use one of {string.Join(", ", ImportFields.For(entity))}.",
                        $"“{target}” is geen veld van {entity}; gebruik een van {string.Join(", ", ImportFields.For(entity))}."));
                }
                else if (mapping.ContainsValue(field))
                {
                    v.Add("columns", L.T($"Two columns are mapped to “{field}”.", $"Twee kolommen zijn gekoppeld aan “{field}”."));
                }
                else
                {
                    mapping[index] = field;
                }
            }
        }
        else
        {
            for (var i = 0; i < header.Length; i++)
            {
                if (ImportFields.Guess(entity, header[i]) is { } field && !mapping.ContainsValue(field))
                {
                    mapping[i] = field;
                }
            }
        }

        var needed = entity == ImportFields.Person ? new[] { "firstName", "lastName" } : ["name"];
        if (!v.HasErrors && !needed.Any(mapping.ContainsValue))
        {
            v.Add("columns", entity == ImportFields.Person
                ? L.T("No column is mapped to firstName or lastName.", "Geen kolom is gekoppeld aan firstName of lastName.")
                : L.T("No column is mapped to name.", "Geen kolom is gekoppeld aan name."));
        }

        v.ThrowIfInvalid();
        return mapping;
    }

    /// <summary>The rows with their mapped non-empty values; a row that repeats an earlier row's key errs, so each record is written once.</summary>
    public static IEnumerable<ImportRow> Rows(ImportSettings settings, string[] header, IEnumerable<CsvRecord> records, Dictionary<int, string> mapping)
    {
        var seen = new Dictionary<string, int>();
        foreach (var record in records)
        {
            var values = new Dictionary<string, string>();
            foreach (var (index, field) in mapping)
            {
                if (index < record.Fields.Length && Validation.Clean(record.Fields[index]) is { } value)
                {
                    values[field] = value;
                }
            }

            var row = new ImportRow { Line = record.Line, Values = ImportValues.Serialize(values) };
            var error = record.Fields.Length > header.Length
                ? new RowError(ImportErrors.FieldCount, new Dictionary<string, string>
                {
                    ["fields"] = record.Fields.Length.ToString(CultureInfo.InvariantCulture), ["header"] = header.Length.ToString(CultureInfo.InvariantCulture),
                })
                : Repeated(settings, values, seen, record.Line);
            error?.WriteTo(row);

            // Judged again with the others when the run reaches it.
            row.State = ImportRowState.Pending;

            yield return row;
        }
    }

    private static RowError? Repeated(ImportSettings settings, Dictionary<string, string> values, Dictionary<string, int> seen, int line)
    {
        var keys = settings.Entity == ImportFields.Person
            ? new[] { ("email", values.GetValueOrDefault("email")) }
            : [("orgNumber", values.GetValueOrDefault("orgNumber")), ("name", values.GetValueOrDefault("name"))];
        RowError? reason = null;
        foreach (var (field, value) in keys.Where(k => k.Item2 is not null))
        {
            var key = field + ":" + ImportLookups.Key(value!);
            if (reason is null && seen.TryGetValue(key, out var first))
            {
                reason = new RowError(ImportErrors.RepeatedKey, new Dictionary<string, string>
                {
                    ["field"] = field, ["value"] = value!, ["line"] = first.ToString(CultureInfo.InvariantCulture),
                });
            }

            seen.TryAdd(key, line);
        }

        return reason;
    }
}
