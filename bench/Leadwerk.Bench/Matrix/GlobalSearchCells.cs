using System.Globalization;
using Leadwerk.Web.Common;

namespace Leadwerk.Bench.Matrix;

/// <summary>
/// The app bar's search as a user types it (GET /api/search/global): a name, "first last", a phone number.
/// The floor reads the same index ranges (persons by "first last" splits, last name, e-mail, phone;
/// companies by name, org. number, e-mail, phone; selections by part of the name) as one statement of
/// limited subqueries, and keeps the first five distinct hits per kind in the same order as the app.
/// </summary>
public static class GlobalSearchCells
{
    private const int Take = 5;
    private const int MaxFirstNameWords = 3;

    public static async Task<List<Cell>> Build(Floor floor, Func<string, bool> wanted)
    {
        var cells = new List<Cell>();
        var userId = await floor.Scalar("""SELECT "Id" FROM "Users" WHERE "UserName" = @u""", ("@u", AppProcess.UserName));
        foreach (var term in new[] { "jan", "de vries", "06 12" })
        {
            var name = $"“{term}” (persons, companies, selections)";
            if (wanted($"Global search: {name}"))
            {
                cells.Add(new Cell("Global search", name,
                    async c =>
                    {
                        var found = await Http.Json(c, HttpMethod.Get, $"api/search/global?q={Uri.EscapeDataString(term)}");
                        return Signature(Ids(found, "persons"), Ids(found, "companies"), Ids(found, "selections"));
                    },
                    () => Floor(floor, term, userId)));
            }
        }

        return cells;
    }

    private static List<long> Ids(System.Text.Json.JsonElement found, string kind) =>
        found.GetProperty(kind).EnumerateArray().Select(h => h.GetProperty("id").GetInt64()).ToList();

    private static string Signature(List<long> persons, List<long> companies, List<long> selections) =>
        Http.Signature(string.Join(",", persons), string.Join(",", companies), string.Join(",", selections));

    private static async Task<string> Floor(Floor floor, string term, long userId)
    {
        var key = TextKey.Of(term);
        var parts = new List<string>();
        var args = new List<(string, object?)> { ("@user", userId), ("@contains", $"%{key}%") };

        string Range(string table, string column, string prefix, string? also = null, string? alsoPrefix = null)
        {
            var n = args.Count;
            args.Add(($"@p{n}", prefix));
            args.Add(($"@e{n}", TextKey.PrefixEnd(prefix)));
            var where = $"""x."{column}" >= @p{n} AND x."{column}" < @e{n}""";
            var order = $"""x."{column}", """;
            if (also is not null)
            {
                args.Add(($"@q{n}", alsoPrefix));
                args.Add(($"@f{n}", TextKey.PrefixEnd(alsoPrefix!)));
                where += $""" AND x."{also}" >= @q{n} AND x."{also}" < @f{n}""";
                order += $"""x."{also}", """;
            }

            return $"""
                SELECT * FROM (SELECT {parts.Count} AS part, '{table}' AS kind, x."Id", ROW_NUMBER() OVER (ORDER BY {order}x."Id") AS pos
                FROM "{table}" x WHERE {where} ORDER BY {order}x."Id" LIMIT {Take}) AS r{n}
                """;
        }

        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < Math.Min(words.Length, MaxFirstNameWords + 1); i++)
        {
            parts.Add(Range("Persons", "LastNameKey", string.Join(' ', words[i..]), "FirstNameKey", string.Join(' ', words[..i])));
        }

        parts.Add(Range("Persons", "LastNameKey", key));
        parts.Add(Range("Persons", "EmailKey", key));
        var phones = PhoneKey.Searches(term);
        foreach (var phone in phones)
        {
            parts.Add(Range("Persons", "PhoneKey", phone));
        }

        parts.Add(Range("Companies", "NameKey", key));
        parts.Add(Range("Companies", "OrgNumber", term));
        parts.Add(Range("Companies", "EmailKey", key));
        foreach (var phone in phones)
        {
            parts.Add(Range("Companies", "PhoneKey", phone));
        }

        parts.Add($"""
            SELECT * FROM (SELECT {parts.Count} AS part, 'Selections' AS kind, s."Id", ROW_NUMBER() OVER (ORDER BY s."Name", s."Id") AS pos FROM "Selections" s
            WHERE (s."OwnerId" = @user OR s."Visibility" = 2) AND lower(s."Name") LIKE @contains ORDER BY s."Name", s."Id" LIMIT {Take}) AS sel
            """);
        var rows = await floor.Rows(string.Join("\nUNION ALL\n", parts), [.. args]);
        List<long> Of(string kind) => rows.Where(r => Convert.ToString(r[1], CultureInfo.InvariantCulture) == kind)
            .OrderBy(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ThenBy(r => Convert.ToInt64(r[3], CultureInfo.InvariantCulture))
            .Select(r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture)).Distinct().Take(Take).ToList();
        return Signature(Of("Persons"), Of("Companies"), Of("Selections"));
    }
}
