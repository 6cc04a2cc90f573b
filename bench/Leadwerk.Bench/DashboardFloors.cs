using System.Globalization;

namespace Leadwerk.Bench;

/// <summary>
/// The dashboard tiles' figures by hand: the fewest rows read the fastest way found per provider,
/// medians and funnel steps finished in C# (as the app does). Each returns the tile's total (and
/// the comparison's) in the app's format, so <see cref="DashboardScenarios"/> can check them; the per-group figures
/// the tile also shows (per owner, per step, per status, per week) are computed too, so the floor does the tile's work.
/// History "as of" a day needs no per-person lookup: a person's rows are consecutive (each row's
/// from-values are the previous row's to-values), so today's counts minus what the rows since
/// then changed are the counts of that day — a range scan of the rows since the day.
/// </summary>
public sealed class DashboardFloors(Floor floor, bool postgres, DateTime now)
{
    private const string ActiveCategories = """SELECT "Id" FROM "Categories" WHERE "Group" = 2 AND "LeadStatusEnabled" """;
    private const string ActiveLead = $"""p."CategoryId" IN ({ActiveCategories}) AND p."LeadStatusId" IS NOT NULL""";

    private DateTime Today => now.Date;
    private DateTime From => Today.AddDays(-29);
    private DateTime To => Today.AddDays(1);

    public Task<string> Figure(string tile) => tile switch
    {
        "active-leads" => ActiveLeads(),
        "leads-per-status" => Statuses(),
        "speed-to-lead" => SpeedToLead(),
        "funnel" => Funnel(),
        "new-leads-per-week" => NewLeadsPerWeek(),
        "leads-per-owner" => LeadsPerOwner(),
        "time-in-status" => TimeInStatus(),
        "stale-leads" => StaleLeads(),
        _ => throw new ArgumentException($"No floor for tile {tile}."),
    };

    /// <summary>Now, and as of the end of the day 30 days before today (the tile's "vs 30 days ago").</summary>
    private async Task<string> ActiveLeads()
    {
        var current = await floor.Scalar($"""SELECT COUNT(*) FROM "Persons" p WHERE {ActiveLead}""");
        var changed = await floor.Scalar($"""SELECT COALESCE(SUM({Int("Active")} - {Int("WasActive")}), 0) FROM "LeadStatusChanges" WHERE "At" >= @end""",
            ("@end", Today.AddDays(-29)));
        return $"{current} / {current - changed}";
    }

    /// <summary>One GROUP BY over the (CategoryId, LeadStatusId) index; categories folded into active or not here.</summary>
    private async Task<string> Statuses() => (await StatusBuckets()).Values.Sum().ToString(CultureInfo.InvariantCulture);

    private async Task<Dictionary<(long? Status, bool Active), long>> StatusBuckets()
    {
        var active = (await floor.Ids(ActiveCategories)).ToHashSet();
        var rows = await floor.Rows("""SELECT "CategoryId", "LeadStatusId", COUNT(*) FROM "Persons" WHERE "LeadStatusId" IS NOT NULL GROUP BY "CategoryId", "LeadStatusId" """);
        var buckets = new Dictionary<(long?, bool), long>();
        foreach (var r in rows)
        {
            var key = ((long?)Long(r[1]), active.Contains(Long(r[0])));
            buckets[key] = buckets.GetValueOrDefault(key) + Long(r[2]);
        }

        return buckets;
    }

    /// <summary>Leads per status as of <paramref name="end"/>: today's buckets, each history row since then undone.</summary>
    public async Task<(string Total, Dictionary<(long? Status, bool Active), long> Buckets)> StatusesAsOf(DateTime end)
    {
        var buckets = await StatusBuckets();
        var rows = await floor.Rows("""
            SELECT "ToId", "Active", "FromId", "WasActive", COUNT(*) FROM "LeadStatusChanges" WHERE "At" >= @end GROUP BY "ToId", "Active", "FromId", "WasActive"
            """, ("@end", end));
        foreach (var r in rows)
        {
            var n = Long(r[4]);
            var to = ((long?)LongOrNull(r[0]), Bool(r[1]));
            var from = ((long?)LongOrNull(r[2]), Bool(r[3]));
            buckets[to] = buckets.GetValueOrDefault(to) - n;
            buckets[from] = buckets.GetValueOrDefault(from) + n;
        }

        var total = buckets.Where(b => b.Key.Status is not null).Sum(b => b.Value);
        return (total.ToString(CultureInfo.InvariantCulture), buckets);
    }

    /// <summary>Each becoming a lead in the period (the (BecameLead, At) index) with its first later change to another status (kept on the row).</summary>
    private async Task<string> SpeedToLead()
    {
        var days = postgres ? """EXTRACT(EPOCH FROM h."FirstChangeAt" - h."At") / 86400.0""" : """julianday(h."FirstChangeAt") - julianday(h."At")""";
        var rows = await floor.Rows($"""
            SELECT p."OwnerId", {days}
            FROM "LeadStatusChanges" h JOIN "Persons" p ON p."Id" = h."PersonId"
            WHERE h."BecameLead" AND h."At" >= @from AND h."At" < @to
            """, ("@from", From), ("@to", To));
        var done = rows.Where(r => r[1] is not null).Select(r => (Owner: LongOrNull(r[0]), Days: Convert.ToDouble(r[1], CultureInfo.InvariantCulture))).ToList();
        foreach (var owner in done.GroupBy(d => d.Owner))
        {
            _ = Percentile([.. owner.Select(d => (d.Days, 1L))], 0.5);
        }

        return done.Count == 0 ? "—" : Round(Percentile([.. done.Select(d => (d.Days, 1L))], 0.5));
    }

    /// <summary>The cohort's rows at the funnel's statuses in one indexed read; steps reached in order and median gaps here.</summary>
    private async Task<string> Funnel()
    {
        var steps = await floor.Ids("""SELECT "Id" FROM "LeadStatuses" WHERE "FunnelStep" AND NOT "Deleted" ORDER BY "Rank", "Id" """);
        (string, object?)[] period = [("@from", From), ("@to", To)];
        const string cohort = """SELECT c."PersonId" FROM "LeadStatusChanges" c WHERE c."BecameLead" AND c."At" >= @from AND c."At" < @to""";
        var size = await floor.Scalar($"""SELECT COUNT(DISTINCT c."PersonId") FROM "LeadStatusChanges" c WHERE c."BecameLead" AND c."At" >= @from AND c."At" < @to""", period);
        // Each cohort person's rows through the covering (PersonId, At, ToId, …) index, in its order (no
        // sort); "+" keeps SQLite's planner off the ToId index, which would read every row at a funnel
        // status. PostgreSQL probes the index per id of an array; with IN it hashes every history row.
        var rows = await floor.Rows(postgres
            ? $"""
              SELECT h."PersonId", h."ToId", date_part('epoch', h."At") / 86400.0, h."Id" FROM "LeadStatusChanges" h
              WHERE h."PersonId" = ANY (ARRAY({cohort})) AND h."ToId" IN ({string.Join(", ", steps)})
              ORDER BY h."PersonId", h."At"
              """
            : $"""
              SELECT h."PersonId", h."ToId", julianday(h."At"), h."Id" FROM "LeadStatusChanges" h
              WHERE h."PersonId" IN ({cohort}) AND +h."ToId" IN ({string.Join(", ", steps)})
              ORDER BY h."PersonId", h."At"
              """, period);
        var reached = new long[steps.Count];
        var gaps = steps.Select(_ => new List<(double, long)>()).ToArray();
        // Days as numbers from SQL, rows already in person and time order.
        foreach (var person in rows.Select(r => (Person: Long(r[0]), To: Long(r[1]), At: Convert.ToDouble(r[2], CultureInfo.InvariantCulture))).GroupBy(r => r.Person))
        {
            var ordered = person.ToList();
            var position = -1;
            for (var k = 0; k < steps.Count; k++)
            {
                var next = ordered.FindIndex(position + 1, r => r.To == steps[k]);
                if (next < 0)
                {
                    break;
                }

                reached[k]++;
                if (k > 0)
                {
                    gaps[k].Add((ordered[next].At - ordered[position].At, 1));
                }

                position = next;
            }
        }

        _ = gaps.Select(g => g.Count == 0 ? null : Round(Percentile(g, 0.5))).ToList();
        return size.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Persons becoming a lead per day over this and the previous period (one range of the (BecameLead, At) index), summed per week here.</summary>
    private async Task<string> NewLeadsPerWeek()
    {
        var rows = await floor.Rows($"""
            SELECT {Day("\"At\"")}, COUNT(DISTINCT "PersonId") FROM "LeadStatusChanges" WHERE "BecameLead" AND "At" >= @from AND "At" < @to GROUP BY {Day("\"At\"")}
            """, ("@from", From.AddDays(-30)), ("@to", To));
        var days = rows.Select(r => (Day: Date(r[0]), N: Long(r[1]))).ToList();
        _ = days.GroupBy(d => ISOWeek.GetWeekOfYear(d.Day)).Select(w => w.Sum(d => d.N)).ToList();
        return $"{days.Where(d => d.Day >= From).Sum(d => d.N)} / {days.Where(d => d.Day < From).Sum(d => d.N)}";
    }

    private async Task<string> LeadsPerOwner()
    {
        // Grouped in the order of the (CategoryId, LeadStatusId, OwnerId, …) index, so without a sort; folded per owner here.
        var rows = await floor.Rows($"""
            SELECT p."OwnerId", p."LeadStatusId", COUNT(*) FROM "Persons" p WHERE {ActiveLead} GROUP BY p."CategoryId", p."LeadStatusId", p."OwnerId"
            """);
        _ = rows.GroupBy(r => LongOrNull(r[0])).OrderByDescending(g => g.Sum(r => Long(r[2]))).Take(10).ToList();
        return rows.Sum(r => Long(r[2])).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Stays ended in the period (a range of the At index) and open stays per status and start day (one GROUP BY), percentiles here.</summary>
    private async Task<string> TimeInStatus()
    {
        var end = DateTime.UtcNow;
        var days = postgres ? """EXTRACT(EPOCH FROM "At" - "FromSince") / 86400.0""" : """julianday("At") - julianday("FromSince")""";
        var ended = await floor.Rows($"""
            SELECT "FromId", {days} FROM "LeadStatusChanges"
            WHERE "At" >= @from AND "At" < @to AND "WasActive" AND "FromId" IS NOT NULL AND "FromSince" IS NOT NULL
            """, ("@from", From), ("@to", To));
        // SQLite keeps the persons grouped by category, status and since-day (StatusSinceDays); PostgreSQL groups them.
        var open = await floor.Rows(postgres
            ? $"""
              SELECT p."LeadStatusId", {Day("p.\"LeadStatusChangedAt\"")}, COUNT(*) FROM "Persons" p
              WHERE {ActiveLead} AND p."LeadStatusChangedAt" IS NOT NULL GROUP BY p."LeadStatusId", {Day("p.\"LeadStatusChangedAt\"")}
              """
            : $"""
              SELECT "LeadStatusId", "Day", SUM("Persons") FROM "StatusSinceDays" WHERE "CategoryId" IN ({ActiveCategories})
              GROUP BY "LeadStatusId", "Day" HAVING SUM("Persons") <> 0
              """);
        var stays = ended.Select(r => (Status: Long(r[0]), Days: Convert.ToDouble(r[1], CultureInfo.InvariantCulture), N: 1L))
            .Concat(open.Select(r => (Status: Long(r[0]), Days: (end - Date(r[1])).TotalDays, N: Long(r[2])))).ToList();
        foreach (var status in stays.GroupBy(s => s.Status))
        {
            _ = (Percentile([.. status.Select(s => (s.Days, s.N))], 0.5), Percentile([.. status.Select(s => (s.Days, s.N))], 0.9));
        }

        return stays.Count == 0 ? "—" : Round(Percentile([.. stays.Select(s => (s.Days, s.N))], 0.5));
    }

    private async Task<string> StaleLeads()
    {
        (string, object?)[] cut = [("@cut", DateTime.UtcNow.AddDays(-14))];
        var where = $"""{ActiveLead} AND p."LeadStatusChangedAt" < @cut""";
        var count = await floor.Scalar($"""SELECT COUNT(*) FROM "Persons" p WHERE {where}""", cut);
        await floor.Rows($"""
            SELECT p."Id", p."FirstName", p."LastName", p."LeadStatusChangedAt" FROM "Persons" p WHERE {where} ORDER BY p."LeadStatusChangedAt", p."Id" LIMIT 50
            """, cut);
        return count.ToString(CultureInfo.InvariantCulture);
    }

    private string Int(string column) => postgres ? $"\"{column}\"::int" : $"\"{column}\"";

    /// <summary>The UTC day of a timestamp, as the app groups by it.</summary>
    private string Day(string column) => postgres ? $"({column} AT TIME ZONE 'UTC')::date" : $"substr({column}, 1, 10)";

    /// <summary>Nearest rank over values that occur N times each, as the app's.</summary>
    private static double Percentile(List<(double Value, long N)> values, double p)
    {
        var total = values.Sum(v => v.N);
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(p * total));
        var seen = 0L;
        foreach (var (value, n) in values.OrderBy(v => v.Value))
        {
            seen += n;
            if (seen >= rank)
            {
                return value;
            }
        }

        return values.Max(v => v.Value);
    }

    private static string Round(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static long? LongOrNull(object? value) => value is null ? null : Long(value);

    private static bool Bool(object? value) => value is bool b ? b : Long(value) != 0;

    private static DateTime Date(object? value) => value switch
    {
        DateTime d => d,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidCastException($"Not a date: {value}"),
    };
}
