using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;
using static Leadwerk.Web.Dashboards.KeyInliner;

namespace Leadwerk.Web.Dashboards;

public sealed partial class TileEngine
{
    private sealed record Cell(string A, string? B, int Count);

    private sealed record KeyRow(int? A, int? B, int? C, int? D, int Count);

    /// <summary>Today's count of the persons the criteria find, once per evaluation.</summary>
    private async Task<int> CountNow(Criteria criteria, TileQuery query)
    {
        var key = JsonSerializer.Serialize(criteria);
        if (!query.CountsNow.TryGetValue(key, out var count))
        {
            query.CountsNow[key] = count = await search.Persons(criteria, query.UserId).CountAsync();
        }

        return count;
    }

    private async Task<TileData> Count(TileQuery query)
    {
        var groups = query.Tile.GroupBy ?? [];
        var scope = Scope(query);
        var difference = ByDifference(query, scope);
        if (groups.Count == 0)
        {
            var total = difference is null
                ? query.AsOfEnd is null ? await CountNow(scope, query) : await Persons(scope, query).CountAsync()
                : await TotalByDifference(difference);
            var drill = Drill(scope, query);
            return Result([new TileSeries("all", L.T("All", "Alle"), total, drill) { Count = total }], total, null, drill);
        }

        var fields = groups.Select(g => SearchFields.Find(g.Field)!).ToList();
        if (fields.Count > 1 && fields.Any(f => f.Type == FieldType.Date))
        {
            throw DomainException.Invalid("tile.groupBy", L.T("A date grouping stands alone: group by one date, or by list fields.",
                "Een groepering op datum staat alleen: groepeer op één datum, of op lijstvelden."));
        }

        if (fields[0].Type == FieldType.Date)
        {
            return await DateCounts(query, fields[0], groups[0].Bucket!);
        }

        if (fields[0].Type == FieldType.Text)
        {
            return await TextCounts(query, scope, fields[0]);
        }

        var a = await TileGroup.For(fields[0].Key, query, search);
        var b = fields.Count > 1 ? await TileGroup.For(fields[1].Key, query, search) : null;
        var cells = difference is null
            ? Cells(await GroupRows(Persons(scope, query), Selectors(a.Selectors, b?.Selectors)), a, b)
            : await CellsByDifference(difference, query, fields);
        return Grouped(query, scope, cells, a, b);
    }

    /// <summary>Counts per value of a text field (one GROUP BY on its lower-cased value); no as-of form, touches have no history.</summary>
    private async Task<TileData> TextCounts(TileQuery query, Criteria scope, SearchField field)
    {
        var group = TileGroup.ForText(field, query);
        var selector = (Expression<Func<Person, string?>>)group.TextSelector;
        var rows = await Persons(scope, query).GroupBy(selector).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
        var cells = rows.GroupBy(r => TileGroup.TextKey(r.Key)).Select(g => new Cell(g.Key, null, g.Sum(r => r.N))).ToList();
        return Grouped(query, scope, cells, group, null);
    }

    /// <summary>The first grouping's selectors at 0 and 1, the second's at 2 and 3.</summary>
    private static LambdaExpression?[] Selectors(IReadOnlyList<LambdaExpression> a, IReadOnlyList<LambdaExpression>? b)
    {
        var selectors = new LambdaExpression?[4];
        a.Select((s, i) => selectors[i] = s).ToList();
        b?.Select((s, i) => selectors[2 + i] = s).ToList();
        return selectors;
    }

    private static List<Cell> Cells(List<KeyRow> rows, TileGroup a, TileGroup? b) =>
        [.. rows.GroupBy(r => (A: a.KeyOf(r.A, r.B), B: b?.KeyOf(r.C, r.D))).Select(g => new Cell(g.Key.A, g.Key.B, g.Sum(r => r.Count)))];

    /// <summary>One GROUP BY with as many keys as there are selectors (an unused key would be a constant EF may not group by).</summary>
    private static async Task<List<KeyRow>> GroupRows<TRow>(IQueryable<TRow> q, LambdaExpression?[] s) => s.Count(x => x is not null) switch
    {
        1 => (await q.GroupBy(Inline((TRow p) => new { A = Key(p, 0) }, s)).Select(g => new { g.Key.A, N = g.Count() }).ToListAsync())
            .Select(r => new KeyRow(r.A, null, null, null, r.N)).ToList(),
        2 when s[1] is not null => (await q.GroupBy(Inline((TRow p) => new { A = Key(p, 0), B = Key(p, 1) }, s))
                .Select(g => new { g.Key.A, g.Key.B, N = g.Count() }).ToListAsync())
            .Select(r => new KeyRow(r.A, r.B, null, null, r.N)).ToList(),
        2 => (await q.GroupBy(Inline((TRow p) => new { A = Key(p, 0), C = Key(p, 2) }, s))
                .Select(g => new { g.Key.A, g.Key.C, N = g.Count() }).ToListAsync())
            .Select(r => new KeyRow(r.A, null, r.C, null, r.N)).ToList(),
        3 when s[1] is not null => (await q.GroupBy(Inline((TRow p) => new { A = Key(p, 0), B = Key(p, 1), C = Key(p, 2) }, s))
                .Select(g => new { g.Key.A, g.Key.B, g.Key.C, N = g.Count() }).ToListAsync())
            .Select(r => new KeyRow(r.A, r.B, r.C, null, r.N)).ToList(),
        3 => (await q.GroupBy(Inline((TRow p) => new { A = Key(p, 0), C = Key(p, 2), D = Key(p, 3) }, s))
                .Select(g => new { g.Key.A, g.Key.C, g.Key.D, N = g.Count() }).ToListAsync())
            .Select(r => new KeyRow(r.A, null, r.C, r.D, r.N)).ToList(),
        _ => (await q.GroupBy(Inline((TRow p) => new { A = Key(p, 0), B = Key(p, 1), C = Key(p, 2), D = Key(p, 3) }, s))
                .Select(g => new { g.Key.A, g.Key.B, g.Key.C, g.Key.D, N = g.Count() }).ToListAsync())
            .Select(r => new KeyRow(r.A, r.B, r.C, r.D, r.N)).ToList(),
    };

    /// <summary>
    /// The groups as series: the first grouping's top N by size (then in list order), the rest
    /// summed into "Other" with the criteria of all of them, and the total of everything.
    /// </summary>
    private TileData Grouped(TileQuery query, Criteria scope, List<Cell> cells, TileGroup a, TileGroup? b)
    {
        var sizes = cells.GroupBy(c => c.A).Select(g => (Key: g.Key, Size: g.Sum(c => c.Count))).OrderByDescending(g => g.Size).ThenBy(g => g.Key).ToList();
        var limit = query.Tile.Limit ?? int.MaxValue;
        var kept = sizes.Take(limit).OrderBy(g => a.Order(g.Key) ?? 0).ThenByDescending(g => a.Order(g.Key) is null ? g.Size : 0)
            .Select(g => g.Key).ToList();
        var cut = sizes.Skip(limit).Select(g => g.Key).ToList();
        var series = kept.SelectMany(key => cells.Where(c => c.A == key).OrderBy(c => c.B is null ? 0 : b!.Order(c.B) ?? 0).Select(c =>
            new TileSeries(c.A, a.Label(c.A), c.Count, Drill(Scope(query, [.. a.Lines(c.A), .. c.B is null ? [] : b!.Lines(c.B)]), query))
            {
                Group = c.B, GroupLabel = c.B is null ? null : b!.Label(c.B), Count = c.Count,
            })).ToList();
        TileSeries? other = null;
        if (cut.Count > 0)
        {
            var count = cells.Where(c => cut.Contains(c.A)).Sum(c => c.Count);
            var sets = cut.SelectMany(key => Scope(query, a.Lines(key)).Sets ?? []).ToList();
            var drill = sets.Count <= CriteriaLimits.Sets ? Drill(new Criteria(Entities.Person, sets), query) : null;
            other = new TileSeries("other", L.T($"Other ({cut.Count})", $"Overig ({cut.Count})"), count, drill) { Count = count };
        }

        var total = cells.Sum(c => c.Count);
        return Result(series, total, other, Drill(scope, query));
    }

    /// <summary>Counts per day in SQL, then per bucket here; every bucket of the period shows, empty ones as 0.</summary>
    private async Task<TileData> DateCounts(TileQuery query, SearchField field, string bucket)
    {
        var scope = Scope(query);
        var persons = Persons(scope, query);
        var from = query.Period?.From ?? DateTime.MinValue;
        var to = query.Period?.To ?? DateTime.MaxValue;
        // Per day: how many have a value that day; for a many-valued date (becoming a lead again) also
        // (day, person) entries, so a bucket counts each person once, exactly as its drill-down finds them.
        List<(DateTime Day, int Count, int? Person)> days;
        if (field.Key == "person.becameLead")
        {
            // The period's events drive the query (the At index); the persons only narrow it when the
            // tile or the filters have criteria of their own. Days and duplicates are done here, not per row in SQL.
            var events = search.History.Where(h => h.BecameLead && h.At >= from && h.At < to);
            var narrow = query.Tile.Period?.Field == field.Key ? query.Criteria : scope;
            if (narrow.Sets is { Count: > 0 })
            {
                var ids = Persons(narrow, query).Select(p => p.Id);
                events = events.Where(h => ids.Contains(h.PersonId));
            }

            // Events per day in SQL; as rows only those of persons with more than one in the period,
            // each a (day, 0, person) entry that lets a bucket take back the person's extra events.
            var again = events.GroupBy(h => h.PersonId).Where(g => g.Count() > 1).Select(g => g.Key);
            days = [.. (await events.GroupBy(h => DbDays.Day(h.At)).Select(g => new { g.Key, N = g.Count() }).ToListAsync())
                    .Select(d => (d.Key!.Value, d.N, (int?)null)),
                .. (await events.Where(h => again.Contains(h.PersonId)).Select(h => new { h.At, h.PersonId }).ToListAsync())
                    .Select(r => (r.At.Date, 0, (int?)r.PersonId))];
        }
        else
        {
            var selector = (Expression<Func<Person, DateTime?>>)field.OnPerson!;
            days = (await persons.Select(selector).Where(d => d != null && d >= from && d < to)
                    .GroupBy(d => DbDays.Day(d)).Select(g => new { g.Key, N = g.Count() }).ToListAsync())
                .Select(r => (r.Key!.Value, r.N, (int?)null)).ToList();
        }

        var starts = query.Period is { } period
            ? Enumerable.Range(0, period.Days).Select(i => Bucket(period.From.AddDays(i), bucket)).Distinct().ToList()
            : days.Select(d => Bucket(d.Day, bucket)).Distinct().Order().ToList();
        var series = starts.Select(start =>
        {
            var end = Next(start, bucket);
            var first = start < from ? from : start;
            var last = (end > to ? to : end).AddDays(-1);
            var inBucket = days.Where(d => d.Day >= start && d.Day < end).ToList();
            var count = inBucket.Sum(d => d.Count) - inBucket.Where(d => d.Person is not null).GroupBy(d => d.Person).Sum(g => g.Count() - 1);
            var line = CriteriaLine.Of(field.Key, Operators.Between, DayRange.Day(first), DayRange.Day(last));
            return new TileSeries(BucketKey(start, bucket), BucketLabel(start, bucket), count, Drill(Scope(query, line), query)) { Count = count };
        }).ToList();
        return Result(series, series.Sum(s => s.Value), null, Drill(scope, query));
    }

    private static DateTime Bucket(DateTime day, string bucket) => bucket switch
    {
        "week" => day.Date.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        "month" => new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => day.Date,
    };

    private static DateTime Next(DateTime start, string bucket) => bucket switch
    {
        "week" => start.AddDays(7),
        "month" => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    private static string BucketKey(DateTime start, string bucket) => bucket switch
    {
        "week" => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(start)}-W{ISOWeek.GetWeekOfYear(start):00}"),
        "month" => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => DayRange.Day(start),
    };

    private static string BucketLabel(DateTime start, string bucket) => bucket switch
    {
        "week" => L.T($"Week {ISOWeek.GetWeekOfYear(start)} ({start.ToString("d MMM", CultureInfo.CurrentUICulture)})",
            $"Week {ISOWeek.GetWeekOfYear(start)} ({start.ToString("d MMM", CultureInfo.CurrentUICulture)})"),
        "month" => start.ToString("MMM yyyy", CultureInfo.CurrentUICulture),
        _ => start.ToString("d MMM", CultureInfo.CurrentUICulture),
    };

    private static TileDrill Drill(Criteria criteria, TileQuery query) => new(AsOfAll(criteria, query));

    private static TileData Result(IReadOnlyList<TileSeries> series, double? total, TileSeries? other, TileDrill? drill, string? unit = null) =>
        new() { Series = series, Total = total, Other = other, Drill = drill, Unit = unit, ComputedAt = default, Definition = "" };
}
