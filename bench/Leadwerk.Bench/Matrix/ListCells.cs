using System.Globalization;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;

namespace Leadwerk.Bench.Matrix;

/// <summary>
/// The other screens a user waits for: a company's Contacts tab by every groupable column, the board of
/// about 100k persons by each grouping, the persons list's quick search, get-by-id, a selection's member
/// pages and its CSV export.
/// </summary>
public static class ListCells
{
    private const int Cards = 25;

    private static readonly (string Field, string Key, string? Join)[] ContactGroups =
    [
        ("person.leadStatus", "p.\"LeadStatusId\"", null),
        ("person.owner", "p.\"OwnerId\"", null),
        ("person.category", "p.\"CategoryId\"", null),
        ("person.categoryGroup", "k.\"Group\"", "k"),
    ];

    private static readonly (string GroupBy, string Key)[] BoardGroups =
        [("leadStatus", "p.\"LeadStatusId\""), ("category", "p.\"CategoryId\""), ("owner", "p.\"OwnerId\"")];

    public static async Task<List<Cell>> Build(Floor floor, HttpClient client, Landmarks landmarks, Func<string, bool> wanted, bool quick)
    {
        var cells = new List<Cell>();
        var (owners, companyId, companyPersons) = landmarks;
        (string, object?)[] ownerArgs = [("@o1", owners[0]), ("@o2", owners[1])];

        foreach (var (field, key, join) in ContactGroups)
        {
            var name = $"largest company ({companyPersons:N0} persons), grouped by {field}";
            if (!wanted($"Contacts tab: {name}"))
            {
                continue;
            }

            var joins = join is null ? "" : FindSql.Joins[join];
            cells.Add(new Cell("Contacts tab", name,
                async c =>
                {
                    var body = await Http.Json(c, HttpMethod.Get, $"api/companies/{companyId}/persons?sort=person.lastName&limit={FindSql.PageSize}&groupBy={field}&count=true");
                    var items = body.GetProperty("items");
                    return Http.Signature(FirstId(items), items.GetArrayLength(), body.GetProperty("count").GetInt64(), body.GetProperty("groups").GetArrayLength());
                },
                async () =>
                {
                    var page = await floor.Rows($"""
                        SELECT p."Id", p."FirstName", p."LastName", p."Email", p."CategoryId", p."LeadStatusId", p."OwnerId", u."DisplayName"
                        FROM "Persons" p LEFT JOIN "Users" u ON u."Id" = p."OwnerId" WHERE p."CompanyId" = @company
                        ORDER BY p."LastNameKey", p."Id" LIMIT {FindSql.PageSize + 1}
                        """, ("@company", companyId));
                    var groups = await floor.Rows($"""SELECT {key}, COUNT(*) FROM "Persons" p {joins} WHERE p."CompanyId" = @company GROUP BY {key}""", ("@company", companyId));
                    var count = groups.Sum(g => Convert.ToInt64(g[1], CultureInfo.InvariantCulture));
                    return Http.Signature(FirstId(page), Math.Min(page.Count, FindSql.PageSize), count, groups.Count);
                }));
        }

        // A dynamic selection of two owners' persons: about a tenth of the persons (100k at 1M).
        var criteria = Landmarks.TwoOwners(owners);
        var selectionId = await Landmarks.Selection(client, criteria);
        var size = await floor.Scalar("""SELECT COUNT(*) FROM "Persons" WHERE "OwnerId" IN (@o1, @o2)""", ownerArgs);

        foreach (var (groupBy, key) in BoardGroups)
        {
            var name = $"{size:N0} persons by {groupBy}: counts + first {Cards} cards per column";
            if (!wanted($"Board: {name}"))
            {
                continue;
            }

            cells.Add(new Cell("Board", name,
                async c =>
                {
                    var columns = (await Http.Json(c, HttpMethod.Get, $"api/selections/{selectionId}/board?groupBy={groupBy}")).GetProperty("columns");
                    return Http.Signature(columns.EnumerateArray().Sum(x => x.GetProperty("count").GetInt64()));
                },
                async () =>
                {
                    var counts = await floor.Rows($"""SELECT {key}, COUNT(*) FROM "Persons" p WHERE p."OwnerId" IN (@o1, @o2) GROUP BY {key}""", ownerArgs);
                    foreach (var value in counts.Select(g => g[0]))
                    {
                        var where = value is null ? $"{key} IS NULL" : $"{key} = @value";
                        await floor.Rows($"""
                            SELECT p."Id", p."FirstName", p."LastName", c."Name", p."LeadStatusId", p."LeadStatusChangedAt", p."NextFollowUpAt", p."CategoryId", p."OwnerId"
                            FROM "Persons" p LEFT JOIN "Companies" c ON c."Id" = p."CompanyId"
                            WHERE p."OwnerId" IN (@o1, @o2) AND {where} ORDER BY p."LastNameKey", p."Id" LIMIT {Cards + 1}
                            """, value is null ? ownerArgs : [.. ownerArgs, ("@value", value)]);
                    }

                    return Http.Signature(counts.Sum(g => Convert.ToInt64(g[1], CultureInfo.InvariantCulture)));
                }));
        }

        var members = new CriteriaSql("two owners' persons", criteria, """p."OwnerId" IN (@o1, @o2)""", [], ownerArgs);
        var byLastName = FindSql.Sorts.Single(s => s.Field == "person.lastName");
        if (wanted("Selection members: first page"))
        {
            cells.Add(Members("first page", floor, members, byLastName, selectionId, null));
        }

        var deepOffset = ((FindCells.DeepPage - 1) * FindSql.PageSize) - 1;
        if (wanted($"Selection members: page {FindCells.DeepPage:N0}") && size > deepOffset + FindSql.PageSize)
        {
            cells.Add(Members($"page {FindCells.DeepPage:N0}", floor, members, byLastName, selectionId,
                await FindCells.Boundary(floor, members, byLastName, false, deepOffset)));
        }

        foreach (var term in new[] { "jan", "de vries" })
        {
            if (wanted($"Quick search: persons list “{term}”"))
            {
                cells.Add(QuickSearch(floor, term));
            }
        }

        cells.AddRange(await GlobalSearchCells.Build(floor, wanted));

        if (wanted("Get by id: GET /api/persons/{id}"))
        {
            var ids = await floor.Ids("""SELECT "Id" FROM "Persons" WHERE "Id" % 997 = 0 ORDER BY "Id" LIMIT 1000""");
            var next = 0;
            var asked = 0L;
            cells.Add(new Cell("Get by id", "GET /api/persons/{id}, 1,000 persons spread over the table in turn",
                async c =>
                {
                    asked = ids[next++ % ids.Count];
                    var person = await Http.Json(c, HttpMethod.Get, $"api/persons/{asked}");
                    return Http.Signature(person.GetProperty("id").GetInt64() == asked);
                },
                async () =>
                {
                    var rows = await floor.Rows("""
                        SELECT p.*, c."Name", u."DisplayName", s."NameEn" FROM "Persons" p LEFT JOIN "Companies" c ON c."Id" = p."CompanyId"
                        LEFT JOIN "Users" u ON u."Id" = p."OwnerId" LEFT JOIN "LeadStatuses" s ON s."Id" = p."LeadStatusId" WHERE p."Id" = @id
                        """, ("@id", asked));
                    return Http.Signature(rows.Count == 1);
                }));
        }

        if (wanted("CSV export") && !quick)
        {
            cells.Add(new Cell("CSV export", $"selection of {size:N0} persons, default columns, streamed", async c => Http.Signature(await Http.Lines(c, $"api/selections/{selectionId}/export.csv") - 1),
                async () =>
                {
                    var rows = await floor.Rows($"""
                        SELECT p."Id", p."FirstName", p."LastName", c."Name", p."Email", p."CategoryId", p."LeadStatusId", u."DisplayName"
                        FROM "Persons" p LEFT JOIN "Companies" c ON c."Id" = p."CompanyId" LEFT JOIN "Users" u ON u."Id" = p."OwnerId"
                        WHERE p."OwnerId" IN (@o1, @o2) ORDER BY p."LastNameKey", p."Id"
                        """, ownerArgs);
                    return Http.Signature(rows.Count);
                }, Ruled: false));
        }

        return cells;
    }

    private static Cell Members(string name, Floor floor, CriteriaSql members, SortSql sort, int selectionId, Boundary? after)
    {
        var cursor = after is null ? "" : $"&cursor={FindCells.Cursor(after, sort)}";
        return new Cell("Selection members", name,
            async c =>
            {
                var items = (await Http.Json(c, HttpMethod.Get, $"api/selections/{selectionId}/members?limit={FindSql.PageSize}{cursor}")).GetProperty("items");
                return Http.Signature(FirstId(items), items.GetArrayLength());
            },
            async () =>
            {
                var rows = await FindSql.Page(floor, members, sort, false, after);
                return Http.Signature(FirstId(rows), Math.Min(rows.Count, FindSql.PageSize));
            });
    }

    /// <summary>The persons list's box: first name, last name or e-mail contains the term, in last-name order (PersonService.List).</summary>
    private static Cell QuickSearch(Floor floor, string term) => new("Quick search", $"persons list “{term}”",
        async c =>
        {
            var items = (await Http.Json(c, HttpMethod.Get, $"api/persons?search={Uri.EscapeDataString(term)}&limit={FindSql.PageSize}")).GetProperty("items");
            return Http.Signature(FirstId(items), items.GetArrayLength());
        },
        async () =>
        {
            var rows = await floor.Rows($"""
                SELECT p."Id", p."FirstName", p."LastName", p."Email", p."Phone", p."CompanyId", c."Name", p."OwnerId", p."LeadStatusId"
                FROM "Persons" p LEFT JOIN "Companies" c ON c."Id" = p."CompanyId"
                WHERE p."LastNameKey" LIKE @t OR p."FirstNameKey" LIKE @t OR p."EmailKey" LIKE @t
                ORDER BY p."LastNameKey", p."Id" LIMIT {FindSql.PageSize + 1}
                """, ("@t", $"%{Web.Common.TextKey.Of(term)}%"));
            return Http.Signature(FirstId(rows), Math.Min(rows.Count, FindSql.PageSize));
        });

    private static long? FirstId(System.Text.Json.JsonElement items) => items.GetArrayLength() == 0 ? null : items[0].GetProperty("id").GetInt64();

    private static long? FirstId(List<object?[]> rows) => rows.Count == 0 ? null : Convert.ToInt64(rows[0][0], CultureInfo.InvariantCulture);
}
