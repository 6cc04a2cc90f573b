using System.Globalization;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Dashboards;

/// <summary>The tiles only a history answers: time in status, speed to lead, and the stale list (the funnel has a file of its own).</summary>
public sealed partial class TileEngine
{
    /// <summary>The persons, longest without a status change first: name and days since.</summary>
    private async Task<TileData> List(TileQuery query)
    {
        var scope = Scope(query);
        var persons = Persons(scope, query);
        var total = await persons.CountAsync();
        var end = query.End;
        // Persons with a since-date first, oldest first (the index on it, in order), then any without one.
        var limit = query.Tile.Limit ?? 50;
        var rows = await persons.Where(p => p.LeadStatusChangedAt != null).OrderBy(p => p.LeadStatusChangedAt).ThenBy(p => p.Id)
            .Take(limit).Select(p => new { p.Id, p.FirstName, p.LastName, p.LeadStatusChangedAt }).ToListAsync();
        if (rows.Count < limit)
        {
            rows.AddRange(await persons.Where(p => p.LeadStatusChangedAt == null).OrderBy(p => p.Id)
                .Take(limit - rows.Count).Select(p => new { p.Id, p.FirstName, p.LastName, p.LeadStatusChangedAt }).ToListAsync());
        }

        var series = rows.Select(r => new TileSeries(r.Id.ToString(CultureInfo.InvariantCulture), $"{r.FirstName} {r.LastName}".Trim(),
            r.LeadStatusChangedAt is { } at ? Math.Floor((end - at).TotalDays) : 0, null)).ToList();
        return Result(series, total, null, Drill(scope, query), "days");
    }

    /// <summary>
    /// Days per stay in a status, per status: the stays of active leads that ended in the period
    /// (the history row that ended them says since when), and the stays still going, up to now (or
    /// the as-of day). The drill-down finds the persons in that status now.
    /// </summary>
    private async Task<TileData> DaysInStatus(TileQuery query)
    {
        var scope = Scope(query);
        var persons = Persons(query.Criteria, query);
        var end = query.End;
        var from = query.Period?.From ?? DateTime.MinValue;
        var to = query.Period?.To ?? end;
        var stays = new List<(int Status, double Days, int N)>();
        var ids = persons.Select(p => p.Id);
        var rows = search.History.Where(h => h.At >= from && h.At < to);
        if (query.Criteria.Sets is { Count: > 0 })
        {
            rows = rows.Where(h => ids.Contains(h.PersonId));
        }

        var ended = await rows.Where(h => h.WasActive && h.FromId != null && h.FromSince != null)
            .Select(h => new { Status = h.FromId!.Value, Days = DbDays.Of(h.At) - DbDays.Of(h.FromSince) }).ToListAsync();
        stays.AddRange(ended.Select(s => (s.Status, s.Days!.Value, 1)));

        // Stays still going, per status and start day in SQL (a row per day, not per person): now,
        // the active persons' since-dates (on SQLite, for all persons, from the table kept of them);
        // as of a day, each person's last history row before it.
        var open = query.AsOfEnd is null && query.Criteria.Sets is not { Count: > 0 } && !db.IsPostgres
            ? (await db.Set<StatusSinceDay>().Where(d => db.Categories.Where(Leads.LeadRules.ActiveCategory).Select(c => c.Id).Contains(d.CategoryId))
                .GroupBy(d => new { d.LeadStatusId, d.Day }).Select(g => new { g.Key.LeadStatusId, g.Key.Day, N = g.Sum(d => d.Persons) }).ToListAsync())
                .Where(o => o.N != 0).Select(o => (Status: (int?)o.LeadStatusId, Day: o.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), o.N)).ToList()
            : query.AsOfEnd is null
            ? (await Persons(query.Criteria.And(CriteriaLine.Of("person.leadActive", Operators.OneOf, true)), query).Where(p => p.LeadStatusChangedAt != null)
                .GroupBy(p => new { p.LeadStatusId, Day = DbDays.Day(p.LeadStatusChangedAt) }).Select(g => new { g.Key.LeadStatusId, g.Key.Day, N = g.Count() })
                .ToListAsync()).Select(o => (Status: o.LeadStatusId, Day: o.Day!.Value, o.N)).ToList()
            : (await search.History.Where(h => h.Active && h.At < end && ids.Contains(h.PersonId)
                    && !search.History.Any(n => n.PersonId == h.PersonId && n.At < end && (n.At > h.At || (n.At == h.At && n.Id > h.Id))))
                .GroupBy(h => new { h.ToId, Day = DbDays.Day(h.At) }).Select(g => new { g.Key.ToId, g.Key.Day, N = g.Count() })
                .ToListAsync()).Select(o => (Status: o.ToId, Day: o.Day!.Value, o.N)).ToList();
        foreach (var o in open.Where(o => o.Status is not null))
        {
            stays.Add((o.Status!.Value, (end - o.Day).TotalDays, o.N));
        }

        var names = await search.ListValues(ListSource.LeadStatus, null);
        var fn = query.Tile.Measure?.Fn ?? "median";
        var series = stays.GroupBy(s => s.Status).OrderBy(g => names.TryGetValue(g.Key, out var n) ? n.Order : int.MaxValue).Select(g =>
        {
            var days = new WeightedValues(g.Select(s => (s.Days, s.N)));
            var values = new Dictionary<string, double>
            {
                ["median"] = Math.Round(days.Percentile(0.5), 1), ["p90"] = Math.Round(days.Percentile(0.9), 1), ["avg"] = Math.Round(days.Average, 1),
            };
            var lines = new[]
            {
                query.AsOf(CriteriaLine.Of("person.leadStatus", Operators.OneOf, g.Key)), query.AsOf(CriteriaLine.Of("person.leadActive", Operators.OneOf, true)),
            };
            return new TileSeries(g.Key.ToString(CultureInfo.InvariantCulture), names.TryGetValue(g.Key, out var n) ? n.Name : $"#{g.Key}",
                values[fn], Drill(query.With(lines), query)) { Count = (int)days.Count, Values = values };
        }).ToList();
        return Result(series, stays.Count == 0 ? null : Math.Round(new WeightedValues(stays.Select(s => (s.Days, s.N))).Measure(fn), 1), null,
            Drill(scope, query), "days");
    }

    /// <summary>
    /// Speed to lead: for each time a person became a lead in the period, the days until its status
    /// first changed; overall and per value of the grouping (the owner). Leads not yet touched are
    /// counted apart ("waiting").
    /// </summary>
    private async Task<TileData> SpeedToLead(TileQuery query)
    {
        var cohort = Scope(query, query.Tile.Period?.Field is null ? [CriteriaLine.Of("person.becameLead", Operators.IsNotEmpty)] : []);
        var from = query.Period?.From ?? DateTime.MinValue;
        var to = query.Period?.To ?? query.End;
        var group = query.Tile.GroupBy is [{ Field: { } field }, ..] ? await TileGroup.For(field, query, search) : null;
        var selector = (System.Linq.Expressions.Expression<Func<Persons.Person, int?>>?)group?.Selectors[0];
        // Each time a person became a lead in the period, with the group's key (the owner) and when
        // its status first changed after (kept on the row, LeadStatusChange.FirstChangeAt): one query,
        // driven by the period's rows. Those rows are the cohort already; the persons narrow them
        // only when the tile or the filters have criteria of their own.
        var events = search.History.Where(h => h.BecameLead && h.At >= from && h.At < to);
        var narrow = query.Tile.Period?.Field is null or "person.becameLead" ? query.Criteria : cohort;
        if (narrow.Sets is { Count: > 0 })
        {
            var ids = Persons(narrow, query).Select(p => p.Id);
            events = events.Where(h => ids.Contains(h.PersonId));
        }

        var rows = await GroupedSpeeds(events, selector);
        var results = rows.Select(r => (Group: group is null ? "all" : group.KeyOf(r.K, 1), r.Days)).ToList();

        var series = results.GroupBy(r => r.Group).Select(g =>
        {
            var done = g.Where(r => r.Days is not null).Select(r => r.Days!.Value).ToList();
            var values = new Dictionary<string, double> { ["waiting"] = g.Count(r => r.Days is null), ["leads"] = g.Count() };
            var drill = group is null ? cohort : Scope(query, [.. group.Lines(g.Key), .. query.Tile.Period?.Field is null ? [CriteriaLine.Of("person.becameLead", Operators.IsNotEmpty)] : Array.Empty<CriteriaLine>()]);
            return new TileSeries(g.Key, group?.Label(g.Key) ?? L.T("All", "Alle"), done.Count == 0 ? 0 : Math.Round(WeightedValues.Of(done).Measure(query.Tile.Measure?.Fn), 1),
                Drill(drill, query)) { Count = done.Count, Values = values };
        }).OrderBy(s => s.Label).ToList();
        var all = results.Where(r => r.Days is not null).Select(r => r.Days!.Value).ToList();
        return Result(series, all.Count == 0 ? null : Math.Round(WeightedValues.Of(all).Measure(query.Tile.Measure?.Fn), 1), null, Drill(cohort, query), "days");
    }

    /// <summary>
    /// Days to the first change per became-a-lead row, with the group's key of its person. SQLite
    /// joins the persons by key, row by row. PostgreSQL joins the period's rows (tens of thousands)
    /// to a million persons by hashing every person (0.25 s); reading the rows first and then the
    /// persons by their ids (<c>= ANY</c>, the key index in id order) takes 0.07 s.
    /// </summary>
    private async Task<List<(int? K, double? Days)>> GroupedSpeeds(IQueryable<Leads.LeadStatusChange> events,
        System.Linq.Expressions.Expression<Func<Persons.Person, int?>>? selector)
    {
        if (!db.IsPostgres || selector is null)
        {
            return [.. (await events.Select(KeyInliner.Inline(
                    (Leads.LeadStatusChange h) => new { K = KeyInliner.Key(h.Person, 0), Days = DbDays.Of(h.FirstChangeAt) - DbDays.Of(h.At) }, [selector]))
                .ToListAsync()).Select(r => (r.K, r.Days))];
        }

        var rows = await events.Select(h => new { h.PersonId, Days = DbDays.Of(h.FirstChangeAt) - DbDays.Of(h.At) }).ToListAsync();
        var ids = rows.Select(r => r.PersonId).Distinct().ToList();
        var keys = (await db.Persons.Where(p => ids.Contains(p.Id))
                .Select(KeyInliner.Inline((Persons.Person p) => new { p.Id, K = KeyInliner.Key(p, 0) }, [selector])).ToListAsync())
            .ToDictionary(p => p.Id, p => p.K);
        return [.. rows.Where(r => keys.ContainsKey(r.PersonId)).Select(r => (keys[r.PersonId], r.Days))];
    }
}
