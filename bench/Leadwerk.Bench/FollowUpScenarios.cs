using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.FollowUps;
using Leadwerk.Web.Search;

namespace Leadwerk.Bench;

/// <summary>
/// The follow-up scenarios (F15): My day of the user with <see cref="DataSet.MyDayOpen"/> open
/// follow-ups, and Find with the person's next follow-up as criterion, each beside its floor.
/// </summary>
public static class FollowUpScenarios
{
    public delegate Task AddScenario(string scenario, string detail, double goal, Func<int, Task> leadwerk, Func<int, Task>? floorCall);

    private const string NextFollowUp = "person.nextFollowUp";

    private const string DayColumns = """
        f."Id", f."PersonId", f."TypeId", f."Title", f."DueAt", f."AllDay", f."DurationMinutes", f."OwnerId", f."Notes", f."CompletedAt",
        f."CompletedById", f."Outcome", f."CreatedAt", f."UpdatedAt", f."Version", t."Key", t."NameEn", t."NameNl", p."FirstName", p."LastName",
        p."CompanyId", c."Name", o."DisplayName", d."DisplayName"
        """;

    private const string DayJoins = """
        JOIN "FollowUpTypes" t ON t."Id" = f."TypeId" JOIN "Persons" p ON p."Id" = f."PersonId"
        LEFT JOIN "Companies" c ON c."Id" = p."CompanyId" LEFT JOIN "Users" o ON o."Id" = f."OwnerId" LEFT JOIN "Users" d ON d."Id" = f."CompletedById"
        """;

    public static async Task Run(
        ServiceProvider services, Actor actor, Floor floor, bool postgres, IReadOnlyList<string> columns, int pageSize, AddScenario add, TextWriter log)
    {
        async Task<T> With<TService, T>(Func<TService, Task<T>> call) where TService : notnull
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(actor);
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
        }

        // 8. My day: counts and the first items of the three buckets, in the owner's zone (the server's here).
        (string, object?)[] owner = [("@owner", actor.UserId)];
        var open = await floor.Scalar("""SELECT COUNT(*) FROM "FollowUps" WHERE "OwnerId" = @owner AND "CompletedAt" IS NULL""", owner);
        var day = await With<FollowUpService, MyDayDto>(s => s.Day(null, null));
        await add("My day", $"user with {open:N0} open follow-ups: {day.Overdue.Count:N0} overdue, {day.Due.Count:N0} today, {day.Next7.Count:N0} next 7 days, " +
            $"counts + first {FollowUpService.DayBucketLimit} of each", 50,
            _ => With<FollowUpService, MyDayDto>(s => s.Day(null, null)),
            async _ =>
            {
                var now = DateTime.UtcNow;
                var (_, todayStart, tomorrow, weekEnd) = UserTime.Days(now, TimeZoneInfo.Local);
                (string, object?)[] args = [.. owner, ("@now", now), ("@today", todayStart), ("@tomorrow", tomorrow), ("@weekEnd", weekEnd)];
                string[] buckets =
                [
                    """f."DueAt" < @now AND (NOT f."AllDay" OR f."DueAt" < @today)""",
                    """f."DueAt" >= @today AND f."DueAt" < @tomorrow AND (f."AllDay" OR f."DueAt" >= @now)""",
                    """f."DueAt" >= @tomorrow AND f."DueAt" < @weekEnd""",
                ];
                foreach (var bucket in buckets)
                {
                    var where = $"""WHERE f."OwnerId" = @owner AND f."CompletedAt" IS NULL AND {bucket}""";
                    await floor.Scalar($"""SELECT COUNT(*) FROM "FollowUps" f {where}""", args);
                    // The fastest form differs: PostgreSQL misjudges a bucket's size and joins all of it before the sort unless
                    // the page is picked by the index first; SQLite walks the index in order either way and is slower with the subquery.
                    await floor.Ids(postgres
                        ? $"""
                            SELECT {DayColumns} FROM (SELECT * FROM "FollowUps" f {where} ORDER BY f."DueAt", f."Id" LIMIT {FollowUpService.DayBucketLimit}) f
                            {DayJoins} ORDER BY f."DueAt", f."Id"
                            """
                        : $"""SELECT {DayColumns} FROM "FollowUps" f {DayJoins} {where} ORDER BY f."DueAt", f."Id" LIMIT {FollowUpService.DayBucketLimit}""",
                        args);
                }
            });

        // 9. Find on the person's next follow-up: due in the next 7 days, and none planned.
        if (SearchFields.Find(NextFollowUp) is null)
        {
            log.WriteLine($"- Find, next follow-up: skipped, this build has no {NextFollowUp} criterion yet.");
            return;
        }

        // The fastest form of a first page by last name is the walk of the last-name index with the
        // filter on each row: SQLite's planner picks the next-follow-up index and sorts every match
        // unless told, so the floor names the index (PostgreSQL finds the walk by itself).
        var byLastName = postgres ? Floor.PersonJoins
            : Floor.PersonJoins.Replace("""FROM "Persons" p""", """FROM "Persons" p INDEXED BY "IX_Persons_LastNameKey_Id" """, StringComparison.Ordinal);
        var today = DateTime.UtcNow.Date;
        (string, object?)[] week = [("@from", today), ("@to", today.AddDays(7))];
        var inWeek = await floor.Scalar("""SELECT COUNT(*) FROM "Persons" p WHERE p."NextFollowUpAt" >= @from AND p."NextFollowUpAt" < @to""", week);
        var soon = Criteria.For(Entities.Person, CriteriaLine.Of(NextFollowUp, Operators.Between, $"{today:yyyy-MM-dd}", $"{today.AddDays(6):yyyy-MM-dd}"));
        await add("Find, next follow-up in 7 days", $"{inWeek:N0} matches, by last name, {pageSize} rows", 50,
            _ => With<SearchService, SearchResult>(s => s.Search(new SearchRequest(soon, [.. columns], "person.lastName", pageSize, null), 1)),
            _ => floor.Ids($"""SELECT {Floor.PersonColumns} {byLastName} WHERE p."NextFollowUpAt" >= @from AND p."NextFollowUpAt" < @to ORDER BY p."LastNameKey", p."Id" LIMIT {pageSize + 1}""", week));

        var none = await floor.Scalar("""SELECT COUNT(*) FROM "Persons" p WHERE p."NextFollowUpAt" IS NULL""");
        var empty = Criteria.For(Entities.Person, CriteriaLine.Of(NextFollowUp, Operators.IsEmpty));
        await add("Find, no follow-up planned", $"next follow-up is empty ({none:N0} matches), by last name, {pageSize} rows", 50,
            _ => With<SearchService, SearchResult>(s => s.Search(new SearchRequest(empty, [.. columns], "person.lastName", pageSize, null), 1)),
            _ => floor.Ids($"""SELECT {Floor.PersonColumns} {byLastName} WHERE p."NextFollowUpAt" IS NULL ORDER BY p."LastNameKey", p."Id" LIMIT {pageSize + 1}"""));
    }
}
