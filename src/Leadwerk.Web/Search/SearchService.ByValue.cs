using System.Linq.Expressions;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Search;

public sealed partial class SearchService
{
    /// <summary>
    /// Rows sorted by an attribute of a short list they point to (a lead status's rank, a category's rank
    /// or group, the owner's name). No index on the rows holds that order, so one ORDER BY would sort every
    /// match. The list is short: the database orders its values (by its own collation, as the ORDER BY
    /// would), and the page is read value by value from the index on (reference, Id), the nulls last —
    /// each part a short index range. Values with the same key are read together, so the order is exactly
    /// the single query's (key, id).
    /// </summary>
    private static readonly Dictionary<string, ByValueSort> ByValueSorts = new()
    {
        [$"{Entities.Person}:person.leadStatus"] = new(P(p => p.LeadStatusId), ByStatusRank),
        [$"{Entities.Person}:person.category"] = new(P(p => p.CategoryId), ByCategoryRank),
        [$"{Entities.Person}:person.categoryGroup"] = new(P(p => p.CategoryId), ByCategoryGroup),
        [$"{Entities.Person}:person.owner"] = new(P(p => p.OwnerId), ByOwnerName),
        [$"{Entities.Company}:company.category"] = new(C(c => c.CategoryId), ByCategoryRank),
        [$"{Entities.Company}:company.categoryGroup"] = new(C(c => c.CategoryId), ByCategoryGroup),
        [$"{Entities.Company}:company.owner"] = new(C(c => c.OwnerId), ByOwnerName),
    };

    private sealed record ByValueSort(LambdaExpression Reference, Func<LeadwerkDbContext, bool, Task<List<ListKey>>> Values);

    /// <summary>A list value and its sort key: a number (rank, group) or a text (a name).</summary>
    private sealed class ListKey
    {
        public int Id { get; init; }
        public int? Number { get; init; }
        public string? Text { get; init; }
        public string? Encoded => Number is { } n ? EncodeKey(n) : Text;
    }

    private static Task<List<ListKey>> ByStatusRank(LeadwerkDbContext db, bool descending) =>
        Ordered(db.LeadStatuses, s => s.Rank, descending).Select(s => new ListKey { Id = s.Id, Number = s.Rank }).ToListAsync();

    private static Task<List<ListKey>> ByCategoryRank(LeadwerkDbContext db, bool descending) =>
        Ordered(db.Categories, c => c.Rank, descending).Select(c => new ListKey { Id = c.Id, Number = c.Rank }).ToListAsync();

    private static Task<List<ListKey>> ByCategoryGroup(LeadwerkDbContext db, bool descending) =>
        Ordered(db.Categories, c => (int)c.Group, descending).Select(c => new ListKey { Id = c.Id, Number = (int)c.Group }).ToListAsync();

    private static Task<List<ListKey>> ByOwnerName(LeadwerkDbContext db, bool descending) =>
        Ordered(db.Users, u => u.DisplayName, descending).Select(u => new ListKey { Id = u.Id, Text = u.DisplayName }).ToListAsync();

    private static IQueryable<TValue> Ordered<TValue, TKey>(IQueryable<TValue> values, Expression<Func<TValue, TKey>> key, bool descending) =>
        descending ? values.OrderByDescending(key) : values.OrderBy(key);

    /// <summary>
    /// The parts of the page in order — one per sort key, then the nulls — from the cursor on; null when the
    /// sort is not such a list, or no value has the cursor's key any more (then one ORDER BY answers).
    /// </summary>
    private async Task<IEnumerable<IQueryable<T>>?> ByValue<T>(IQueryable<T> query, string entity, SearchField field, bool descending, Position? after)
    {
        if (!ByValueSorts.TryGetValue($"{entity}:{field.Key}", out var sort))
        {
            return null;
        }

        var groups = (await sort.Values(db, descending)).GroupBy(v => v.Encoded).Select(g => (g.Key, Ids: g.Select(v => v.Id).ToList())).ToList();
        var start = after switch
        {
            null => 0,
            { N: true } => groups.Count,
            _ => groups.FindIndex(g => g.Key == after.V),
        };
        if (start < 0)
        {
            return null;
        }

        return groups.Skip(start).Select(g => g.Ids).Append(null)
            .Select((ids, i) => ByReference(query, sort.Reference, ids, descending, i == 0 ? after?.I : null));
    }

    /// <summary>The rows whose reference is one of <paramref name="ids"/> (null: is null), by id, after <paramref name="afterId"/> when given.</summary>
    private static IQueryable<T> ByReference<T>(IQueryable<T> query, LambdaExpression reference, List<int>? ids, bool descending, int? afterId)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var value = CriteriaCompiler.Inline(reference, x);
        var id = Expression.Property(x, "Id");
        Expression where = ids switch
        {
            null => Expression.Equal(value, Expression.Constant(null, typeof(int?))),
            [var one] => Expression.Equal(value, CriteriaCompiler.Parameter<int?>(one)),
            _ => Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int?)], Expression.Constant(ids.Select(i => (int?)i).ToList()), value),
        };
        if (afterId is { } i)
        {
            var bound = CriteriaCompiler.Parameter(i);
            where = Expression.AndAlso(where, descending ? Expression.LessThan(id, bound) : Expression.GreaterThan(id, bound));
        }

        return Sort(query.Where(Expression.Lambda<Func<T, bool>>(where, x)), Expression.Lambda(id, x),
            descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy));
    }

    private static Expression<Func<Person, int?>> P(Expression<Func<Person, int?>> e) => e;

    private static Expression<Func<Company, int?>> C(Expression<Func<Company, int?>> e) => e;
}
