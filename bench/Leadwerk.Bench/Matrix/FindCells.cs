using System.Globalization;
using Leadwerk.Web.Common;
using Leadwerk.Web.Search;

namespace Leadwerk.Bench.Matrix;

/// <summary>
/// Find over HTTP (POST /api/search and /api/search/count): every sortable column in both directions ×
/// typical criteria × the first page and page 1,000 (keyset), and the count of each criteria set.
/// </summary>
public static class FindCells
{
    public const int DeepPage = 1_000;

    public static async Task<List<CriteriaSql>> Criteria(Floor floor, bool postgres)
    {
        var statuses = await floor.Ids("""SELECT "Id" FROM "LeadStatuses" ORDER BY "Rank", "Id" """);
        var owner = (await floor.Ids("""SELECT "OwnerId" FROM "Persons" WHERE "OwnerId" IS NOT NULL GROUP BY "OwnerId" ORDER BY COUNT(*) DESC, "OwnerId" LIMIT 1"""))[0];
        int s2 = (int)statuses[1], s3 = (int)statuses[2], o1 = (int)owner;
        // "after D" is "from the start of the next day" (CriteriaCompiler); D is 60 days before the newest person.
        var newest = await floor.Rows("""SELECT MAX("CreatedAt") FROM "Persons" """);
        var day = ToDate(newest[0][0]).Date.AddDays(-60);
        var from = postgres ? (object)DateTime.SpecifyKind(day.AddDays(1), DateTimeKind.Utc) : day.AddDays(1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var contains = postgres
            ? """p."EmailKey" LIKE '%jansen%'"""
            : $"""p."Id" IN (SELECT rowid FROM "{EmailTrigrams.Table}" WHERE "EmailKey" GLOB '*jansen*')""";
        return
        [
            new("no criteria", new Criteria(Entities.Person, []), "1 = 1", [], []),
            new("2 lead statuses at potential customers",
                Web.Search.Criteria.For(Entities.Person, CriteriaLine.Of("person.leadStatus", Operators.OneOf, s2, s3),
                    CriteriaLine.Of("company.categoryGroup", Operators.OneOf, "potentialCustomer")),
                // R1: a person of a company is in the company's category, so the person's own category answers.
                """p."LeadStatusId" IN (@s2, @s3) AND p."CompanyId" IS NOT NULL AND k."Group" = 2""", ["k"], [("@s2", s2), ("@s3", s3)]),
            new("one owner", Web.Search.Criteria.For(Entities.Person, CriteriaLine.Of("person.owner", Operators.OneOf, o1)),
                """p."OwnerId" = @o1""", [], [("@o1", o1)]),
            new("last name starts with “van”", Web.Search.Criteria.For(Entities.Person, CriteriaLine.Of("person.lastName", Operators.StartsWith, "van")),
                """p."LastNameKey" >= 'van' AND p."LastNameKey" < 'vao'""", [], []),
            new("e-mail contains “jansen”", Web.Search.Criteria.For(Entities.Person, CriteriaLine.Of("person.email", Operators.Contains, "jansen")),
                contains, [], []),
            new($"created after {day:yyyy-MM-dd}", Web.Search.Criteria.For(Entities.Person,
                    CriteriaLine.Of("person.createdAt", Operators.After, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                """p."CreatedAt" >= @from""", [], [("@from", from)]),
            new("owner OR lead status (two sets)", new Criteria(Entities.Person,
                    [new CriteriaSet([CriteriaLine.Of("person.owner", Operators.OneOf, o1)]), new CriteriaSet([CriteriaLine.Of("person.leadStatus", Operators.OneOf, s2)])]),
                """p."OwnerId" = @o1 OR p."LeadStatusId" = @s2""", [], [("@o1", o1), ("@s2", s2)]),
        ];
    }

    /// <summary>Quick mode (CI's smoke test): every sort for the criteria with a join (the second set), two sorts for the others.</summary>
    private static readonly string[] QuickSorts = ["person.lastName", "person.createdAt"];

    public static async Task<List<Cell>> Build(Floor floor, List<CriteriaSql> criteriaSets, Func<string, bool> wanted, bool quick, bool postgres, TextWriter log)
    {
        var cells = new List<Cell>();
        foreach (var (criteria, index) in criteriaSets.Select((c, i) => (c, i)))
        {
            var countName = $"count, {criteria.Name}";
            if (wanted($"Find: {countName}"))
            {
                cells.Add(new Cell("Find", countName,
                    async client => Http.Signature((await Http.Json(client, HttpMethod.Post, "api/search/count", criteria.Criteria)).GetProperty("count").GetInt64()),
                    async () => Http.Signature(await FindSql.Count(floor, criteria))));
            }

            long? matches = null;
            foreach (var sort in FindSql.Sorts.Where(s => !quick || index == 1 || QuickSorts.Contains(s.Field)))
            {
                foreach (var descending in new[] { false, true })
                {
                    var sortText = (descending ? "-" : "") + sort.Field;
                    var first = $"{criteria.Name}, sort {sortText}, first page";
                    if (wanted($"Find: {first}"))
                    {
                        cells.Add(Page("Find", first, floor, criteria, sort, descending, null, null, postgres));
                    }

                    var deepName = $"{criteria.Name}, sort {sortText}, page {DeepPage:N0}";
                    if (!wanted($"Find: {deepName}"))
                    {
                        continue;
                    }

                    matches ??= await FindSql.Count(floor, criteria);
                    if (matches <= (long)DeepPage * FindSql.PageSize)
                    {
                        continue;
                    }

                    var boundary = await Boundary(floor, criteria, sort, descending, ((DeepPage - 1) * FindSql.PageSize) - 1);
                    cells.Add(Page("Find", deepName, floor, criteria, sort, descending, boundary, Cursor(boundary, sort), postgres));
                }
            }

            log.WriteLine($"  {criteria.Name}: {cells.Count} cells so far");
        }

        return cells;
    }

    internal static Cell Page(string group, string name, Floor floor, CriteriaSql criteria, SortSql sort, bool descending, Boundary? after, string? cursor,
        bool postgres)
    {
        var request = new SearchRequest(criteria.Criteria, null, (descending ? "-" : "") + sort.Field, FindSql.PageSize, cursor);
        return new Cell(group, name,
            async client =>
            {
                var items = (await Http.Json(client, HttpMethod.Post, "api/search", request)).GetProperty("items");
                return Http.Signature(items.GetArrayLength() == 0 ? null : items[0].GetProperty("id").GetInt64(), items.GetArrayLength());
            },
            FastestForm.Of(new[] { (string?)null, FastestForm.SortIndex(sort, postgres) }.Distinct().Select(hint => (Func<Task<string>>)(async () =>
            {
                var rows = await FindSql.Page(floor, criteria, sort, descending, after, hint);
                return Http.Signature(rows.Count == 0 ? null : Convert.ToInt64(rows[0][0], CultureInfo.InvariantCulture), Math.Min(rows.Count, FindSql.PageSize));
            })).ToArray()));
    }

    /// <summary>The row just before page 1,000 in the app's order (untimed setup; OFFSET is fine here).</summary>
    internal static async Task<Boundary> Boundary(Floor floor, CriteriaSql criteria, SortSql sort, bool descending, long offset)
    {
        var dir = descending ? "DESC" : "ASC";
        var rows = await floor.Rows($"""
            SELECT {sort.Key}, p."Id" {FindSql.From(criteria, sort)}
            ORDER BY CASE WHEN {sort.Key} IS NULL THEN 1 ELSE 0 END, {sort.Key} {dir}, p."Id" {dir} LIMIT 1 OFFSET {offset}
            """, criteria.Args);
        return new Boundary(rows[0][0] is null, rows[0][0], Convert.ToInt64(rows[0][1], CultureInfo.InvariantCulture));
    }

    /// <summary>The app's own cursor for the row after <paramref name="boundary"/> (SearchService's position: null flag, value, id).</summary>
    internal static string Cursor(Boundary boundary, SortSql sort)
    {
        string? value = boundary.Value switch
        {
            null => null,
            _ when sort.IsDate => ToDate(boundary.Value).ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString(),
        };
        return Web.Common.Cursor.Encode(new { N = boundary.IsNull, V = value, I = (int)boundary.Id });
    }

    /// <summary>SQLite returns the app's dates as text, PostgreSQL as UTC DateTime.</summary>
    internal static DateTime ToDate(object? value) => value switch
    {
        DateTime d => d,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None),
        _ => throw new InvalidOperationException($"Not a date: {value}"),
    };
}
