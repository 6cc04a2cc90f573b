using System.Linq.Expressions;
using Leadwerk.Web.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Leadwerk.Web.Search;

public sealed partial class SearchService
{
    /// <summary>How many rows, in sort order, the probe reads before it gives up on finding a full page there.</summary>
    internal const int ProbeRows = 4_000;

    /// <summary>Sorts with an index on exactly (key, Id): Persons(LastNameKey, Id), Companies(NameKey, Id).</summary>
    private static readonly HashSet<string> IndexedSorts = ["person:person.lastName", "company:company.name"];

    /// <summary>
    /// SQLite's planner, shown a lead status or owner line with an index, fetches and sorts every
    /// match (hundreds of thousands at scale) even when walking the sort column's index would fill
    /// the page within a few hundred rows; it cannot weigh the LIMIT. So on SQLite a page sorted on
    /// an indexed key first runs the same query over only the next <see cref="ProbeRows"/> rows in
    /// that order (an index range). Those rows precede all others, so a full page found there is
    /// exactly the page; otherwise the criteria are selective and the planner's own plan runs.
    /// </summary>
    private IQueryable<T>? Probe<T>(IQueryable<T> query, string entity, SearchField field, LambdaExpression key, bool descending, string? cursor)
        where T : class
    {
        if (!IndexedSorts.Contains($"{entity}:{field.Key}"))
        {
            return null;
        }

        var window = Order(db.Set<T>(), key, descending, nullable: false);
        if (Cursor.Decode<Position>(cursor) is { } after)
        {
            window = window.Where(After<T>(key, descending, nullable: false, after));
        }

        return ReplaceRoot(query.Expression, window.Take(ProbeRows).Expression) is { } probed ? query.Provider.CreateQuery<T>(probed) : null;
    }

    /// <summary>The query with its table swapped for the window; only through Where calls, which filter the same either way.</summary>
    private static Expression? ReplaceRoot(Expression expression, Expression window) => expression switch
    {
        EntityQueryRootExpression root when root.Type == window.Type || typeof(IQueryable<>).MakeGenericType(root.EntityType.ClrType) == window.Type => window,
        MethodCallExpression { Method.Name: nameof(Queryable.Where) } call when call.Method.DeclaringType == typeof(Queryable)
            && ReplaceRoot(call.Arguments[0], window) is { } inner => call.Update(call.Object, [inner, .. call.Arguments.Skip(1)]),
        _ => null,
    };
}
