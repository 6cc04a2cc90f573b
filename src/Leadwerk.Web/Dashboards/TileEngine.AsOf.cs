using System.Linq.Expressions;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// "As of a day" counts by difference: today's count, minus what the history rows since the day
/// changed. Rows chain (each row's from-state is the row before's to-state), so over a person's rows
/// since the day "fits the state it entered" minus "fitted the state it left" sums to "fits now" minus
/// "fitted then". That reads only the rows since the day (the At index) instead of looking up each
/// person's state on the day, and gives the very figure the per-person form (the drill-down) finds.
/// </summary>
public sealed partial class TileEngine
{
    /// <param name="Now">The criteria read today.</param>
    /// <param name="Rows">The history rows since the day, each with its person, of the persons the other lines find.</param>
    /// <param name="Entered">Whether the state a row entered fits the lines about a day; <paramref name="Left"/> the state it left.</param>
    private sealed record Difference(TileQuery NowQuery, Criteria Now, IQueryable<StatePair> Rows,
        Expression<Func<StatePair, bool>> Entered, Expression<Func<StatePair, bool>> Left);

    /// <summary>
    /// The difference form, when the figure can be had that way: a snapshot as of a day, one set of
    /// criteria (an OR of sets does not split into "other lines" and "state lines"), and lines about
    /// the day that the state of a history row can answer. Null otherwise: the per-person form.
    /// </summary>
    private Difference? ByDifference(TileQuery query, Criteria scope)
    {
        if (query.AsOfEnd is not { } end || query.Period is not null)
        {
            return null;
        }

        var sets = AsOfAll(scope, query).Sets ?? [];
        if (sets.Count > 1)
        {
            return null;
        }

        var lines = sets.Count == 0 ? [] : sets[0].Lines ?? [];
        var state = lines.Where(l => l.AsOf is not null).ToList();
        if (CriteriaCompiler.StateLines(state, to: true) is not { } entered || CriteriaCompiler.StateLines(state, to: false) is not { } left)
        {
            return null;
        }

        var rest = lines.Where(l => l.AsOf is null).ToList();
        // Bounded on both sides: SQLite, not knowing the day, takes a one-sided range for no better
        // than "status is not empty" and would walk the status index over most of the history.
        var since = search.History.Where(h => h.At >= end && h.At <= DateTime.MaxValue);
        var rows = rest.Count == 0
            ? since.Select(h => new StatePair { H = h, P = h.Person })
            : since.Join(search.Persons(new Criteria(Entities.Person, [new CriteriaSet(rest)]), query.UserId), h => h.PersonId, p => p.Id,
                (h, p) => new StatePair { H = h, P = p });
        var now = new Criteria(Entities.Person, sets.Count == 0 ? [] : [new CriteriaSet([.. lines.Select(l => l with { AsOf = null })])]);
        return new Difference(query with { AsOfEnd = null }, now, rows, OnRow(entered), OnRow(left));
    }

    private static Expression<Func<StatePair, bool>> OnRow(Expression<Func<LeadStatusChange, bool>> predicate)
    {
        var s = Expression.Parameter(typeof(StatePair), "s");
        return Expression.Lambda<Func<StatePair, bool>>(CriteriaCompiler.Inline(predicate, Expression.Property(s, nameof(StatePair.H))), s);
    }

    private async Task<int> TotalByDifference(Difference d)
    {
        var now = await CountNow(d.Now, d.NowQuery);
        var s = Expression.Parameter(typeof(StatePair), "s");
        Expression One(Expression<Func<StatePair, bool>> fits) =>
            Expression.Condition(CriteriaCompiler.Inline(fits, s), Expression.Constant(1), Expression.Constant(0));
        var change = Expression.Lambda<Func<StatePair, int>>(Expression.Subtract(One(d.Entered), One(d.Left)), s);
        return now - await d.Rows.SumAsync(change);
    }

    /// <summary>Per group: today's count, minus the rows that entered it (fitting), plus the rows that left it.</summary>
    private async Task<List<Cell>> CellsByDifference(Difference d, TileQuery query, List<SearchField> fields)
    {
        var a = await TileGroup.For(fields[0].Key, d.NowQuery, search);
        var b = fields.Count > 1 ? await TileGroup.For(fields[1].Key, d.NowQuery, search) : null;
        var now = Cells(await GroupRows(search.Persons(d.Now, query.UserId), Selectors(a.Selectors, b?.Selectors)), a, b);

        // The keys of a state (a status and whether it is active) as the as-of groups read them.
        var thenA = await TileGroup.For(fields[0].Key, query, search);
        var thenB = fields.Count > 1 ? await TileGroup.For(fields[1].Key, query, search) : null;
        var entered = Cells(await GroupRows(d.Rows.Where(d.Entered), Selectors(thenA.StateSelectors(true), thenB?.StateSelectors(true))), thenA, thenB);
        var left = Cells(await GroupRows(d.Rows.Where(d.Left), Selectors(thenA.StateSelectors(false), thenB?.StateSelectors(false))), thenA, thenB);
        return [.. now.Concat(entered.Select(c => c with { Count = -c.Count })).Concat(left)
            .GroupBy(c => (c.A, c.B)).Select(g => new Cell(g.Key.A, g.Key.B, g.Sum(c => c.Count))).Where(c => c.Count != 0)];
    }
}
