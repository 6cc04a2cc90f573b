using System.Globalization;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Dashboards;

/// <summary>The qualification funnel: how far the period's new leads got through the funnel steps.</summary>
public sealed partial class TileEngine
{
    /// <summary>
    /// Leads that became a lead in the period; per step, how many of them reached it (in order: this
    /// step after the steps before it; any order: this step at all), the step and overall share, and
    /// the median days from the step before.
    /// </summary>
    private async Task<TileData> Funnel(TileQuery query)
    {
        var steps = query.Tile.Funnel?.Steps is { Count: > 0 } given ? given
            : await db.LeadStatuses.AsNoTracking().Where(s => s.FunnelStep && !s.Deleted).OrderBy(s => s.Rank).Select(s => s.Id).ToListAsync();
        var inOrder = query.Tile.Funnel?.Mode != "any";
        var names = await search.ListValues(ListSource.LeadStatus, null);
        var cohort = Scope(query, query.Tile.Period?.Field is null ? [CriteriaLine.Of("person.becameLead", Operators.IsNotEmpty)] : []);
        var (cohortCount, reached, medians) = await Walk(query, cohort, steps, inOrder);
        var series = new List<TileSeries>();
        int? previous = null;
        for (var k = 0; k < steps.Count; k++)
        {
            var line = inOrder
                ? CriteriaLine.Of("person.reachedStatuses", Operators.InOrder, [.. steps.Take(k + 1).Cast<object>()])
                : CriteriaLine.Of("person.reachedStatuses", Operators.OneOf, steps[k]);
            var criteria = cohort.And(line);
            var count = reached[k];
            var values = new Dictionary<string, double>
            {
                ["stepPercent"] = Percent(count, previous ?? cohortCount),
                ["overallPercent"] = Percent(count, cohortCount),
            };
            if (k > 0 && medians[k] is { } days)
            {
                values["medianDays"] = days;
            }

            series.Add(new TileSeries(steps[k].ToString(CultureInfo.InvariantCulture), names.TryGetValue(steps[k], out var n) ? n.Name : $"#{steps[k]}", count,
                Drill(criteria, query)) { Count = count, Values = values });
            previous = count;
        }

        return Result(series, cohortCount, null, Drill(cohort, query));
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);

    /// <summary>One row of a cohort person at a step status; a person without any comes as one row without a status.</summary>
    private sealed record StepRow(int PersonId, int? ToId, double? Day, long RowId);

    /// <summary>
    /// One pass over the cohort and its rows at a step status (a person without any still counts in
    /// the cohort): per step, how many reached it, and the median days from the step before. A person
    /// reaches the steps in order as "lead status reached, in order" defines it: each step by a row
    /// after the row of the step before, in (At, Id) order; taking the earliest such row each time
    /// finds the order whenever one exists, and is the moment the gap is measured from.
    /// </summary>
    private async Task<(int Cohort, int[] Reached, double?[] Medians)> Walk(TileQuery query, Criteria cohort, List<int> steps, bool inOrder)
    {
        var reached = new int[steps.Count];
        var gaps = steps.Select(_ => new List<double>()).ToArray();
        var (rows, cohortCount) = await StepRows(query, cohort, steps);
        var persons = 0;
        var person = -1;
        var ordered = new List<StepRow>();
        await foreach (var row in rows.AsAsyncEnumerable())
        {
            if (row.PersonId != person)
            {
                Step();
                (person, persons) = (row.PersonId, persons + 1);
            }

            if (row.ToId is not null)
            {
                ordered.Add(row);
            }
        }

        Step();

        void Step()
        {
            ordered.Sort(static (a, b) => a.Day != b.Day ? Nullable.Compare(a.Day, b.Day) : a.RowId.CompareTo(b.RowId));
            var position = -1;
            double? before = null;
            for (var k = 0; k < steps.Count && ordered.Count > 0; k++)
            {
                var from = inOrder ? position + 1 : 0;
                var index = ordered.FindIndex(from, r => r.ToId == steps[k]);
                if (index < 0)
                {
                    if (inOrder)
                    {
                        break;
                    }

                    before = null;
                    continue;
                }

                reached[k]++;
                var at = ordered[index].Day!.Value;
                if (k > 0 && before is { } b && at >= b)
                {
                    gaps[k].Add(at - b);
                }

                (position, before) = (index, at);
            }

            ordered.Clear();
        }

        return (cohortCount ?? persons, reached, [.. gaps.Select(g => g.Count == 0 ? (double?)null : Math.Round(WeightedValues.Of(g).Percentile(0.5), 1))]);
    }

    /// <summary>
    /// The cohort's rows at a step status in person order, each person's rows in the order of the
    /// history's person index (person, moment), so they stream without a sort; the rare rows of one
    /// person at the same moment get their (At, Id) order in the walk.
    /// </summary>
    private async Task<(IQueryable<StepRow> Rows, int? Cohort)> StepRows(TileQuery query, Criteria cohort, List<int> steps)
    {
        var ids = steps.Cast<int?>().ToList();
        if (!db.IsPostgres)
        {
            // SQLite drives the join from the cohort's ids in order and counts a person without a
            // step row in the same pass.
            return (Persons(cohort, query)
                .SelectMany(p => p.StatusChanges.Where(h => ids.Contains(h.ToId) && !h.Reverted).DefaultIfEmpty(),
                    (p, h) => new { p.Id, At = h == null ? (DateTime?)null : h.At, ToId = h == null ? null : h.ToId, Day = h == null ? null : DbDays.Of(h.At), RowId = h == null ? 0L : h.Id })
                .OrderBy(r => r.Id).ThenBy(r => r.At)
                .Select(r => new StepRow(r.Id, r.ToId, r.Day, r.RowId)), null);
        }

        // PostgreSQL plans a semi-join on the cohort as a (parallel) hash over every person or every
        // history row; with the cohort's ids as an array it probes the person index once per id, in
        // order, on one core. The period's became-a-lead rows are the cohort; the persons narrow them
        // only when the tile or the filters have criteria of their own.
        List<int> cohortIds;
        if (query.Tile.Period?.Field == "person.becameLead" && query.Period is { } period)
        {
            var (from, to) = (period.From, period.To);
            var events = search.History.Where(h => h.BecameLead && h.At >= from && h.At < to);
            if (query.Criteria.Sets is { Count: > 0 })
            {
                var narrow = Persons(query.Criteria, query).Select(p => p.Id);
                events = events.Where(h => narrow.Contains(h.PersonId));
            }

            cohortIds = await events.Select(h => h.PersonId).Distinct().ToListAsync();
        }
        else
        {
            cohortIds = await Persons(cohort, query).Select(p => p.Id).ToListAsync();
        }

        return (search.History.Where(h => cohortIds.Contains(h.PersonId) && ids.Contains(h.ToId))
            .OrderBy(h => h.PersonId).ThenBy(h => h.At)
            .Select(h => new StepRow(h.PersonId, h.ToId, DbDays.Of(h.At), h.Id)), cohortIds.Count);
    }
}
