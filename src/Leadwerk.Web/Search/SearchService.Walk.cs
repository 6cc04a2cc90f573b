using System.Globalization;
using System.Linq.Expressions;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Search;

/// <summary>
/// Sorts whose one ORDER BY no index serves, paged instead as index walks one after another: each
/// part is a range of an index in its own order, and the page takes rows from the first part on
/// until it is full. The rows come in the same order the single query would give.
/// </summary>
public sealed partial class SearchService
{
    /// <summary>
    /// Nullable sorts with an index on (value, Id): "nulls last" is a CASE no index holds, so the
    /// rows with a value are walked first and those without after (Companies(Country, Id)).
    /// </summary>
    private static readonly HashSet<string> NullsApartSorts = ["company:company.country"];

    /// <summary>
    /// Sorts by the owner's name: a join no index serves. Users are few, so their order is read
    /// first and each owner's rows are walked in turn on (OwnerId, Id), those without an owner last.
    /// Owners with the same name come in id order (the single query would interleave their rows).
    /// </summary>
    private static readonly HashSet<string> OwnerWalkSorts = ["company:company.owner"];

    /// <summary>The parts to walk and the value each row's cursor holds; null when the sort is one ORDER BY.</summary>
    private async Task<(IEnumerable<IQueryable<T>> Parts, LambdaExpression CursorKey)?> Walk<T>(IQueryable<T> query, string entity,
        SearchField field, LambdaExpression key, bool descending, Position? after)
    {
        if (NullsApartSorts.Contains($"{entity}:{field.Key}"))
        {
            var x = key.Parameters[0];
            var isNull = Expression.Equal(key.Body, Expression.Constant(null, key.ReturnType));
            var withValue = query.Where(Expression.Lambda<Func<T, bool>>(Expression.Not(isNull), x));
            var withoutValue = query.Where(Expression.Lambda<Func<T, bool>>(isNull, x));
            IEnumerable<IQueryable<T>> parts = after is { N: true }
                ? [From(withoutValue, key, key, descending, nullable: false, after)]
                : [From(withValue, key, key, descending, nullable: false, after), From(withoutValue, key, key, descending, nullable: false, null)];
            return (parts, key);
        }

        if (OwnerWalkSorts.Contains($"{entity}:{field.Key}"))
        {
            var owner = field.On(entity)!;
            var owners = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Select(u => (int?)u.Id).ToListAsync();
            if (descending)
            {
                owners.Reverse();
            }

            var start = after switch
            {
                null => 0,
                { N: true } => owners.Count,
                _ => owners.IndexOf(int.TryParse(after.V, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null) is >= 0 and var at
                    ? at
                    : throw new DomainException(400, ErrorCodes.InvalidCursor, L.T("The cursor is not valid.", "De cursor is ongeldig."), "cursor"),
            };
            var parts = owners.Skip(start).Append(null)
                .Select((o, i) => OwnedBy(query, owner, o, descending, i == 0 ? after?.I : null));
            return (parts, owner);
        }

        return null;
    }

    /// <summary>The rows of one owner (null: of none) in id order, after <paramref name="afterId"/> when given.</summary>
    private static IQueryable<T> OwnedBy<T>(IQueryable<T> query, LambdaExpression owner, int? ownerId, bool descending, int? afterId)
    {
        var x = owner.Parameters[0];
        var id = Expression.Property(x, "Id");
        Expression where = Expression.Equal(owner.Body, ownerId is null ? Expression.Constant(null, typeof(int?)) : CriteriaCompiler.Parameter(ownerId));
        if (afterId is { } i)
        {
            var bound = CriteriaCompiler.Parameter(i);
            where = Expression.AndAlso(where, descending ? Expression.LessThan(id, bound) : Expression.GreaterThan(id, bound));
        }

        var filtered = query.Where(Expression.Lambda<Func<T, bool>>(where, x));
        var byId = Expression.Lambda(id, x);
        return Sort(filtered, byId, descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy));
    }

    /// <summary>The next rows of the parts, one part after another, until there is one more than a page.</summary>
    private static async Task<List<Hit<TRow>>> Load<T, TRow>(IEnumerable<IQueryable<T>> parts, Expression<Func<T, TRow>> row, LambdaExpression key,
        int take)
    {
        var hits = new List<Hit<TRow>>();
        foreach (var part in parts)
        {
            hits.AddRange(await Project(part, row, key).Take(take + 1 - hits.Count).ToListAsync());
            if (hits.Count > take)
            {
                break;
            }
        }

        return hits;
    }
}
