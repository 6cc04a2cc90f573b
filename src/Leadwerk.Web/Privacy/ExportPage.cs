using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Privacy;

/// <summary>
/// The export as a page a person can read (GDPR art. 15): a section per part, the person as a list
/// of fields, every other part as a table. Built from the JSON export, so a part added to
/// <see cref="PersonData"/> appears here without more code. Every value is HTML-encoded.
/// </summary>
public static class ExportPage
{
    /// <summary>The page loads nothing and runs nothing; the response sends this policy with it.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Render(JsonObject export)
    {
        var person = export["person"] as JsonObject;
        var name = $"{Text(person?["firstName"])} {Text(person?["lastName"])}".Trim();
        var title = L.T($"Personal data of {name}", $"Persoonsgegevens van {name}");
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{L.Language}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>{E(title)} – Leadwerk</title>\n<style>{Style}</style>\n</head>\n<body>\n<main>\n")
            .Append($"<h1>{E(title)}</h1>\n<p>")
            .Append(E(L.T(
                $"Everything Leadwerk stores about this person (id {export["personId"]}), exported on {When(export["exportedAt"])}.",
                $"Alles wat Leadwerk over deze persoon (id {export["personId"]}) bewaart, geëxporteerd op {When(export["exportedAt"])}.")))
            .Append("</p>\n");
        var parts = export["parts"]?.AsArray() ?? [];
        foreach (var (part, i) in parts.Select((p, i) => (p!, i)))
        {
            var key = Text(part["part"]);
            var id = $"part-{i}";
            html.Append($"<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{E(Text(part["label"]))}</h2>\n");
            switch (export[key])
            {
                case JsonObject fields:
                    Fields(html, fields);
                    break;
                case JsonArray { Count: > 0 } rows:
                    Table(html, rows, id);
                    break;
                default:
                    html.Append($"<p>{E(L.T("None.", "Geen."))}</p>\n");
                    break;
            }

            html.Append("</section>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static void Fields(StringBuilder html, JsonObject fields)
    {
        html.Append("<dl>\n");
        foreach (var (field, value) in fields)
        {
            html.Append($"<dt>{E(PrivacyWords.Field(field))}</dt><dd>{E(Value(field, value))}</dd>\n");
        }

        html.Append("</dl>\n");
    }

    private static void Table(StringBuilder html, JsonArray rows, string labelledBy)
    {
        var columns = rows.OfType<JsonObject>().SelectMany(r => r.Select(f => f.Key)).Distinct().ToList();
        html.Append($"<div class=\"scroll\"><table aria-labelledby=\"{labelledBy}\">\n<thead><tr>");
        foreach (var column in columns)
        {
            html.Append($"<th scope=\"col\">{E(PrivacyWords.Field(column))}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows.OfType<JsonObject>())
        {
            html.Append("<tr>");
            foreach (var column in columns)
            {
                html.Append($"<td>{E(Value(column, row[column]))}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>A value as a person reads it: times in UTC with the month as a word, yes/no, nested values as "field: value".</summary>
    private static string Value(string field, JsonNode? value) => value switch
    {
        null => "—",
        JsonObject o => o.Count == 0 ? "—" : string.Join("; ", o.Select(f => $"{PrivacyWords.Field(f.Key)}: {Value(f.Key, f.Value)}")),
        JsonArray a => a.Count == 0 ? "—" : string.Join(", ", a.Select(v => Value(field, v))),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? L.T("Yes", "Ja") : L.T("No", "Nee"),
        JsonValue v when field.EndsWith("At", StringComparison.Ordinal) && v.TryGetValue<DateTime>(out var at) => When(at),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static string When(JsonNode? value) => value is JsonValue v && v.TryGetValue<DateTime>(out var at) ? When(at) : Text(value);

    private static string When(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.CurrentCulture);

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;line-height:1.5;margin:0}
        main{max-width:72rem;margin:0 auto;padding:1.5rem}
        h1{font-size:1.75rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #ccc}
        dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1.5rem;margin:0}dt{font-weight:600}dd{margin:0;overflow-wrap:break-word;min-width:0}
        @media (max-width:40rem){dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:.5rem}}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.925rem}
        th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f0f0f0}
        @media print{.scroll{overflow:visible}}
        """;
}
