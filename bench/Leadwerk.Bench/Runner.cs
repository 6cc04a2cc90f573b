using Leadwerk.Web.Leads;
using Leadwerk.Web.Board;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;
using Leadwerk.Web.Users;

namespace Leadwerk.Bench;

/// <summary>
/// `run`: times the app's own services (a fresh scope, i.e. a fresh DbContext, per call, as a
/// request has) against the hand-written SQL floor on the same database, and writes the report.
/// </summary>
public static class Runner
{
    private const int PageSize = 50;
    private const int DeepPage = 1_000;
    private static readonly List<string> FindColumns = ["person.firstName", "person.lastName", "person.email", "company.name", "person.leadStatus"];

    /// <summary>
    /// How long each query runs unmeasured before its warm-up calls: on 2 cores .NET's tiered JIT
    /// (with dynamic PGO) takes several seconds to reach its optimized code for EF Core's query
    /// path (after 2 s, Find's first page still ran at 1.1 ms; after 10 s at 0.6 ms).
    /// </summary>
    public static TimeSpan WarmFor { get; private set; }

    public static async Task Run(BenchOptions options, TextWriter log)
    {
        var (warmup, iterations) = options.Quick ? (1, 2) : (5, 50);
        WarmFor = options.Quick ? TimeSpan.Zero : TimeSpan.FromSeconds(10);
        await using var services = BenchServices.Build(options);
        await using var floor = await Floor.Open(options);
        var actor = new Actor(1, Role.Admin, Channel.Api);
        ListIds lists;
        await using (var setup = services.CreateAsyncScope())
        {
            lists = await Generator.ReadLists(setup.ServiceProvider.GetRequiredService<LeadwerkDbContext>());
        }

        async Task<T> With<TService, T>(Func<TService, Task<T>> call) where TService : notnull
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(actor);
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
        }

        var results = new List<ResultRow>();
        bool Wanted(string scenario) => options.Only is null || scenario.Contains(options.Only, StringComparison.OrdinalIgnoreCase);
        async Task Add(string scenario, string detail, double goal, Func<int, Task> leadwerk, Func<int, Task>? floorCall)
        {
            if (!Wanted(scenario))
            {
                return;
            }

            log.WriteLine($"- {scenario} ({detail})");
            // Reads (the scenarios with a floor) first run hot for a while; the lead status change
            // takes a new person per call, so it has only the warm-up calls.
            var warmFor = floorCall is null ? TimeSpan.Zero : WarmFor;
            var app = await Measure.Time(warmup, iterations, leadwerk, warmFor);
            var raw = floorCall is null ? null : await Measure.Time(warmup, iterations, floorCall, warmFor);
            log.WriteLine($"  Leadwerk p50 {app.P50:N1} ms, p95 {app.P95:N1} ms" + (raw is null ? "" : $"; floor p50 {raw.P50:N1} ms, p95 {raw.P95:N1} ms"));
            results.Add(new ResultRow(scenario, detail, goal, app, raw));
        }

        // 1. Find: two lead statuses at potential customers, by last name; first page and deep.
        int s2 = lists.StatusesByRank[1], s3 = lists.StatusesByRank[2];
        var find = Criteria.For(Entities.Person, CriteriaLine.Of("person.leadStatus", Operators.OneOf, s2, s3),
            CriteriaLine.Of("company.categoryGroup", Operators.OneOf, "potentialCustomer"));
        const string findFrom = """
            FROM "Persons" p JOIN "Companies" c ON c."Id" = p."CompanyId" JOIN "Categories" k ON k."Id" = c."CategoryId"
            WHERE p."LeadStatusId" IN (@s2, @s3) AND k."Group" = 2
            """;
        (string, object?)[] findArgs = [("@s2", s2), ("@s3", s3)];
        var matches = await floor.Scalar($"SELECT COUNT(*) {findFrom}", findArgs);
        const string findPage = $"""SELECT p."Id", p."FirstName", p."LastName", p."Email", c."Name", p."LeadStatusId" {findFrom}""";
        await Add("Find, first page", $"2 lead statuses at potential customers ({matches:N0} matches), by last name, {PageSize} rows", 50,
            _ => With<SearchService, SearchResult>(s => s.Search(new SearchRequest(find, FindColumns, "person.lastName", PageSize, null), 1)),
            _ => floor.Ids($"""{findPage} ORDER BY p."LastNameKey", p."Id" LIMIT 51""", findArgs));

        var skip = (int)Math.Min(DeepPage - 1, Math.Max(0, (matches - 1) / PageSize));
        if (skip > 0)
        {
            var boundary = (await floor.Rows($"""SELECT p."LastNameKey", p."Id" {findFrom} ORDER BY p."LastNameKey", p."Id" LIMIT 1 OFFSET {(skip * PageSize) - 1}""", findArgs))[0];
            var lastName = (string)boundary[0]!;
            var id = Convert.ToInt32(boundary[1], System.Globalization.CultureInfo.InvariantCulture);
            // The app's own cursor format (SearchService's keyset position: null flag, value, id).
            var cursor = Cursor.Encode(new { N = false, V = lastName, I = id });
            (string, object?)[] deepArgs = [.. findArgs, ("@lastName", lastName), ("@id", id)];
            var deepSql = $"""{findPage} AND {Floor.AfterKey} ORDER BY p."LastNameKey", p."Id" LIMIT 51""";
            var appFirst = (await With<SearchService, SearchResult>(s => s.Search(new SearchRequest(find, FindColumns, "person.lastName", PageSize, cursor), 1))).Items[0]["id"];
            var floorFirst = (await floor.Ids(deepSql, deepArgs))[0];
            if (Convert.ToInt64(appFirst, System.Globalization.CultureInfo.InvariantCulture) != floorFirst)
            {
                throw new InvalidOperationException($"The deep page differs: Leadwerk starts at person {appFirst}, the floor at {floorFirst}.");
            }

            await Add($"Find, page {skip + 1:N0} (keyset)", $"same criteria, {skip * PageSize:N0} rows deep", 50,
                _ => With<SearchService, SearchResult>(s => s.Search(new SearchRequest(find, FindColumns, "person.lastName", PageSize, cursor), 1)),
                _ => floor.Ids(deepSql, deepArgs));
        }

        // 2. Find with text criteria.
        var startsWith = Criteria.For(Entities.Person, CriteriaLine.Of("person.lastName", Operators.StartsWith, "van"));
        await Add("Find, last name starts with", "“van”, by last name, 50 rows", 50,
            _ => With<SearchService, SearchResult>(s => s.Search(new SearchRequest(startsWith, FindColumns, "person.lastName", PageSize, null), 1)),
            _ => floor.Ids($"""SELECT {Floor.PersonColumns} {Floor.PersonJoins} WHERE p."LastNameKey" >= 'van' AND p."LastNameKey" < 'vao' ORDER BY p."LastNameKey", p."Id" LIMIT 51"""));
        var contains = Criteria.For(Entities.Person, CriteriaLine.Of("person.email", Operators.Contains, "jansen"));
        // By hand one would use the same indexes: pg_trgm on the column, SQLite's trigram table.
        var emailContains = options.Provider == "postgres"
            ? """p."EmailKey" LIKE '%jansen%'"""
            : $"""p."Id" IN (SELECT rowid FROM "{EmailTrigrams.Table}" WHERE "EmailKey" GLOB '*jansen*')""";
        await Add("Find, e-mail contains", "“jansen”, by last name, 50 rows", 50,
            _ => With<SearchService, SearchResult>(s => s.Search(new SearchRequest(contains, FindColumns, "person.lastName", PageSize, null), 1)),
            _ => floor.Ids($"""SELECT {Floor.PersonColumns} {Floor.PersonJoins} WHERE {emailContains} ORDER BY p."LastNameKey", p."Id" LIMIT 51"""));

        // 3. The Contacts tab of a company with many persons, grouped by lead status.
        var contactsCount = await floor.Scalar("""SELECT COUNT(*) FROM "Persons" WHERE "CompanyId" = 1""");
        await Add("Contacts tab, grouped", $"company with {contactsCount:N0} persons, by lead status, 50 rows + counts", 50,
            _ => With<ContactsTab, ContactsResult>(t => t.Page(1, 1, null, "person.lastName", PageSize, null, null, "person.leadStatus", count: true)),
            async _ =>
            {
                await floor.Ids($"""SELECT {Floor.PersonColumns} {Floor.PersonJoins} WHERE p."CompanyId" = 1 ORDER BY p."LastNameKey", p."Id" LIMIT 51""");
                await floor.Rows("""SELECT "LeadStatusId", COUNT(*) FROM "Persons" WHERE "CompanyId" = 1 GROUP BY "LeadStatusId" """);
                await floor.Scalar("""SELECT COUNT(*) FROM "Persons" WHERE "CompanyId" = 1""");
            });

        // 4. The board of a dynamic selection of about a tenth of the persons (2 of the 20 owners).
        int owner1 = lists.Users[0], owner2 = lists.Users[1];
        var selection = await With<SelectionService, SelectionDto>(s => s.Create(new SelectionRequest(
            $"Bench board {Guid.NewGuid():N}", null, Entities.Person, "dynamic",
            Criteria.For(Entities.Person, CriteriaLine.Of("person.owner", Operators.OneOf, owner1, owner2)), null, "private"), actor));
        (string, object?)[] ownerArgs = [("@o1", owner1), ("@o2", owner2)];
        var boardCount = await floor.Scalar("""SELECT COUNT(*) FROM "Persons" WHERE "OwnerId" IN (@o1, @o2)""", ownerArgs);
        await Add("Board of a dynamic selection", $"{boardCount:N0} persons by lead status: counts + first 25 cards per column", 200,
            _ => With<BoardService, BoardView>(b => b.View(selection.Id, new BoardQuery(), actor)),
            async _ =>
            {
                var counts = await floor.Rows("""SELECT p."LeadStatusId", COUNT(*) FROM "Persons" p WHERE p."OwnerId" IN (@o1, @o2) GROUP BY p."LeadStatusId" """, ownerArgs);
                await floor.Rows("""SELECT "Id", "NameEn", "DescriptionEn", "Deleted" FROM "LeadStatuses" ORDER BY "Rank", "Id" """);
                foreach (var status in counts.Select(c => c[0]))
                {
                    var where = status is null ? """p."LeadStatusId" IS NULL""" : """p."LeadStatusId" = @status""";
                    await floor.Ids($"""SELECT {Floor.PersonColumns} {Floor.PersonJoins} WHERE p."OwnerId" IN (@o1, @o2) AND {where} ORDER BY p."LastNameKey", p."Id" LIMIT 26""",
                        status is null ? ownerArgs : [.. ownerArgs, ("@status", status)]);
                }
            });

        // 5. A lead status change through the service every channel uses (rules, history, audit).
        var leads = await floor.Rows($"""
            SELECT "Id", "LeadStatusId" FROM "Persons" WHERE "LeadStatusId" IS NOT NULL AND "CompanyId" > {DataSet.BigCompanies}
            AND "CategoryId" IN ({string.Join(", ", lists.ActiveCategories)}) ORDER BY "Id" LIMIT {warmup + iterations}
            """);
        await Add("Lead status change", "PersonService.Update with history row, one person per call", 30,
            i => With<PersonService, PersonDto>(s =>
            {
                var current = Convert.ToInt32(leads[i][1], System.Globalization.CultureInfo.InvariantCulture);
                var next = lists.StatusesByRank[(lists.StatusesByRank.ToList().IndexOf(current) + 1) % lists.StatusesByRank.Count];
                return s.Update(Convert.ToInt32(leads[i][0], System.Globalization.CultureInfo.InvariantCulture),
                    new PersonChanges { LeadStatusId = next }, null);
            }),
            null);

        // 8, 9. Follow-ups: My day, and Find on the next follow-up.
        await FollowUpScenarios.Run(services, actor, floor, options.Provider == "postgres", FindColumns, PageSize, Add, log);

        // 10. The seeded dashboard's tiles over HTTP (issue 14), before the jobs change the data.
        if (DashboardScenarios.Wanted(options.Only))
        {
            results.AddRange(await DashboardScenarios.Run(options, warmup, iterations, log));
        }

        var sizes = new DataSizes(
            await floor.Scalar("""SELECT COUNT(*) FROM "Companies" """), await floor.Scalar("""SELECT COUNT(*) FROM "Persons" """),
            await floor.Scalar("""SELECT COUNT(*) FROM "LeadStatusChanges" """), await floor.Scalar("""SELECT COUNT(*) FROM "FollowUps" """));

        // 7. HTTP throughput of the real app under load; before the jobs, so it serves the data the
        // sizes above describe and no job of this process runs beside it.
        var http = Wanted("HTTP")
            ? await HttpScenarios.Run(options, floor, new SearchRequest(find, FindColumns, "person.lastName", PageSize, null),
                $"scenario 1's criteria ({matches:N0} matches), first {PageSize} rows", log)
            : [];

        // 11. Web form submissions through the public endpoint (issue 15); they add persons, so after the reads.
        if (FormScenarios.Wanted(options.Only))
        {
            results.Add(await FormScenarios.Run(options, options.Quick, log));
        }

        // 6. The background jobs, last because they change data: a bulk update of the board's
        // persons, and an import of new persons (the sizes above are those the queries ran on).
        if (Wanted("Bulk update") || Wanted("CSV import"))
        {
            results.AddRange(await JobScenarios.Run(services, actor, owner1, owner2, lists.Users[2], options.Quick ? 1_000 : 100_000, log));
        }

        var markdown = Report.Markdown(options, sizes, results, http, warmup, iterations);
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.Output));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(options.Output, markdown);
        log.WriteLine($"Report written to {options.Output}.");
    }
}

public sealed record DataSizes(long Companies, long Persons, long History, long FollowUps);
