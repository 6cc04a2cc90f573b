namespace Leadwerk.Bench.Matrix;

/// <summary>A column of Find as SQL: the sort key the app orders by, the join it needs, and whether it can be null.</summary>
/// <param name="ByValue">
/// For a key that is an attribute of a short list (a status's rank, an owner's name): the person's
/// reference column and the query that lists (id, key) in key order. By hand one reads such a sort value
/// by value on the index (reference, Id), not by sorting every person on the joined key.
/// </param>
public sealed record SortSql(string Field, string Key, string? Join, bool Nullable, bool IsDate = false, (string Reference, string Values)? ByValue = null);

/// <summary>A typical criteria set as the app receives it and as a database engineer writes it.</summary>
public sealed record CriteriaSql(string Name, Leadwerk.Web.Search.Criteria Criteria, string Where, string[] Joins, (string, object?)[] Args);

/// <summary>
/// The hand-written side of Find: the page a user sees (the default columns' data, 50 rows and one to
/// know there is more), on the same indexes, in keyset form, with nulls last as the app orders them.
/// A nullable key is read in two index ranges (the values in order, then the nulls by id) instead of
/// one ORDER BY over an expression no index serves — that is how one writes it by hand.
/// </summary>
public static class FindSql
{
    public const int PageSize = 50;

    public static readonly Dictionary<string, string> Joins = new()
    {
        ["s"] = """LEFT JOIN "LeadStatuses" s ON s."Id" = p."LeadStatusId" """,
        ["k"] = """LEFT JOIN "Categories" k ON k."Id" = p."CategoryId" """,
        ["ck"] = """LEFT JOIN "Categories" ck ON ck."Id" = c."CategoryId" """,
        ["cu"] = """LEFT JOIN "Users" cu ON cu."Id" = c."OwnerId" """,
    };

    /// <summary>Every column Find sorts persons by (SearchFields: applies to persons, not criterion-only, not hidden), as SQL.</summary>
    public static readonly SortSql[] Sorts =
    [
        new("person.firstName", "p.\"FirstNameKey\"", null, false),
        new("person.lastName", "p.\"LastNameKey\"", null, false),
        new("person.email", "p.\"EmailKey\"", null, true),
        new("person.phone", "p.\"Phone\"", null, true),
        new("person.title", "p.\"Title\"", null, true),
        new("person.recordSource", "p.\"RecordSource\"", null, true),
        new("person.leadStatus", "s.\"Rank\"", "s", true, ByValue: ("p.\"LeadStatusId\"", """SELECT "Id", "Rank" FROM "LeadStatuses" """)),
        new("person.owner", "u.\"DisplayName\"", null, true, ByValue: ("p.\"OwnerId\"", """SELECT "Id", "DisplayName" FROM "Users" """)),
        new("person.createdAt", "p.\"CreatedAt\"", null, false, IsDate: true),
        new("person.updatedAt", "p.\"UpdatedAt\"", null, false, IsDate: true),
        new("person.leadStatusChangedAt", "p.\"LeadStatusChangedAt\"", null, true, IsDate: true),
        new("person.nextFollowUp", "p.\"NextFollowUpAt\"", null, true, IsDate: true),
        new("person.lastActivity", "p.\"LastActivityAt\"", null, true, IsDate: true),
        new("person.openFollowUps", "p.\"OpenFollowUps\"", null, false),
        new("person.category", "k.\"Rank\"", "k", true, ByValue: ("p.\"CategoryId\"", """SELECT "Id", "Rank" FROM "Categories" """)),
        new("person.categoryGroup", "k.\"Group\"", "k", true, ByValue: ("p.\"CategoryId\"", """SELECT "Id", "Group" FROM "Categories" """)),
        new("company.name", "c.\"NameKey\"", null, true),
        new("company.category", "ck.\"Rank\"", "ck", true),
        new("company.categoryGroup", "ck.\"Group\"", "ck", true),
        new("company.owner", "cu.\"DisplayName\"", "cu", true),
        new("company.country", "c.\"Country\"", null, true),
        new("company.email", "c.\"Email\"", null, true),
        new("company.orgNumber", "c.\"OrgNumber\"", null, true),
        new("company.createdAt", "c.\"CreatedAt\"", null, true, IsDate: true),
    ];

    /// <param name="hint">SQLite only: read Persons through this index (the sort's), whatever the planner thinks of the criteria.</param>
    public static string From(CriteriaSql criteria, SortSql sort, string? hint = null) =>
        $"""
        FROM "Persons" p {(hint is null ? "" : $"INDEXED BY \"{hint}\"")} LEFT JOIN "Companies" c ON c."Id" = p."CompanyId" LEFT JOIN "Users" u ON u."Id" = p."OwnerId"
        {string.Join(" ", criteria.Joins.Append(sort.Join).OfType<string>().Distinct().Select(j => Joins[j]))}
        WHERE ({criteria.Where})
        """;

    /// <summary>The page's columns (the app's default Find columns) plus the sort key and id for the keyset.</summary>
    public static string Select(SortSql sort) =>
        $"""SELECT p."Id", p."FirstName", p."LastName", c."Name", p."Email", p."CategoryId", p."LeadStatusId", p."OwnerId", u."DisplayName", {sort.Key} AS "SortKey" """;

    /// <summary>
    /// A page in (null flag, key, id) order after <paramref name="after"/> (null: the first page):
    /// the non-null keys in index order, then — if the page is not full — the nulls by id.
    /// </summary>
    public static async Task<List<object?[]>> Page(Floor floor, CriteriaSql criteria, SortSql sort, bool descending, Boundary? after, string? hint = null,
        int rows = PageSize + 1)
    {
        if (sort.ByValue is { } byValue)
        {
            return await PageByValue(floor, criteria, sort, byValue.Reference, byValue.Values, descending, after, rows, hint);
        }

        var dir = descending ? "DESC" : "ASC";
        var from = From(criteria, sort, hint);
        var page = new List<object?[]>();
        if (after is not { IsNull: true })
        {
            var keyset = after is null ? "" : descending
                ? $"""AND {sort.Key} <= @v AND ({sort.Key} < @v OR p."Id" < @i)"""
                : $"""AND {sort.Key} >= @v AND ({sort.Key} > @v OR p."Id" > @i)""";
            var notNull = sort.Nullable ? $"AND {sort.Key} IS NOT NULL" : "";
            page.AddRange(await floor.Rows($"""{Select(sort)} {from} {notNull} {keyset} ORDER BY {sort.Key} {dir}, p."Id" {dir} LIMIT {rows}""",
                [.. criteria.Args, .. after is null ? [] : new (string, object?)[] { ("@v", after.Value), ("@i", after.Id) }]));
        }

        if (sort.Nullable && page.Count < rows)
        {
            var keyset = after is { IsNull: true } ? (descending ? """AND p."Id" < @i""" : """AND p."Id" > @i""") : "";
            page.AddRange(await floor.Rows($"""{Select(sort)} {from} AND {sort.Key} IS NULL {keyset} ORDER BY p."Id" {dir} LIMIT {rows - page.Count}""",
                [.. criteria.Args, .. after is { IsNull: true } ? new (string, object?)[] { ("@i", after.Id) } : []]));
        }

        return page;
    }

    /// <summary>The list's values in key order (ties together), then per key the persons by id on (reference, Id), the nulls last.</summary>
    private static async Task<List<object?[]>> PageByValue(Floor floor, CriteriaSql criteria, SortSql sort, string reference, string values,
        bool descending, Boundary? after, int rows, string? hint)
    {
        var dir = descending ? "DESC" : "ASC";
        var keys = (await floor.Rows($"{values} ORDER BY 2 {dir}"))
            .GroupBy(v => Convert.ToString(v[1], System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => (Key: g.Key, Ids: string.Join(", ", g.Select(v => Convert.ToInt64(v[0], System.Globalization.CultureInfo.InvariantCulture)))))
            .ToList();
        var afterKey = after is { IsNull: false } ? Convert.ToString(after.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var start = after is null ? 0 : after.IsNull ? keys.Count : keys.FindIndex(k => k.Key == afterKey);
        var from = From(criteria, sort, hint);
        var page = new List<object?[]>();
        var idAfter = descending ? """AND p."Id" < @i""" : """AND p."Id" > @i""";
        foreach (var (ids, first) in keys.Skip(start).Select((k, i) => ($"IN ({k.Ids})", i == 0)).Append(("IS NULL", start == keys.Count)))
        {
            var keyset = first && after is not null ? idAfter : "";
            page.AddRange(await floor.Rows($"""{Select(sort)} {from} AND {reference} {ids} {keyset} ORDER BY p."Id" {dir} LIMIT {rows - page.Count}""",
                [.. criteria.Args, .. keyset == "" ? [] : new (string, object?)[] { ("@i", after!.Id) }]));
            if (page.Count >= rows)
            {
                break;
            }
        }

        return page;
    }

    /// <summary>A count joins only what its criteria read: SQLite keeps a LEFT JOIN nobody reads.</summary>
    public static async Task<long> Count(Floor floor, CriteriaSql criteria)
    {
        var company = criteria.Joins.Length > 0 || criteria.Where.Contains("c.", StringComparison.Ordinal)
            ? """LEFT JOIN "Companies" c ON c."Id" = p."CompanyId" """ : "";
        return await floor.Scalar($"""SELECT COUNT(*) FROM "Persons" p {company} {string.Join(" ", criteria.Joins.Select(j => Joins[j]))} WHERE ({criteria.Where})""",
            criteria.Args);
    }
}

/// <summary>
/// The floor is the fastest plain SQL we know: where the planner may guess wrong (SQLite, shown a criterion with an
/// index, sorts every match rather than walk the sort's index), each form is timed and the faster one kept.
/// </summary>
public static class FastestForm
{
    /// <summary>The index on (sort column, Id) a SQLite floor may be told to read, or null.</summary>
    public static string? SortIndex(SortSql sort, bool postgres)
    {
        var column = (sort.ByValue?.Reference ?? sort.Key) is var key && key.StartsWith("p.\"", StringComparison.Ordinal) ? key[3..^1] : null;
        return postgres || column is null ? null : $"IX_Persons_{column}_Id";
    }

    /// <summary>A floor that, on its first call, tries each form twice and from then on runs the faster.</summary>
    public static Func<Task<T>> Of<T>(params Func<Task<T>>[] forms)
    {
        Func<Task<T>>? chosen = forms.Length == 1 ? forms[0] : null;
        return async () =>
        {
            if (chosen is not null)
            {
                return await chosen();
            }

            var best = (Time: double.MaxValue, Form: forms[0]);
            foreach (var form in forms)
            {
                await form();
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await form();
                best = watch.Elapsed.TotalMilliseconds < best.Time ? (watch.Elapsed.TotalMilliseconds, form) : best;
            }

            chosen = best.Form;
            return await chosen();
        };
    }
}

/// <summary>The last row before a page: its sort key (as the database returns it) and id.</summary>
public sealed record Boundary(bool IsNull, object? Value, long Id);
