using System.Linq.Expressions;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Search;

public sealed partial class SearchService
{
    /// <summary>
    /// Persons sorted by an attribute of a short list they point to (a lead status's rank, a category's
    /// rank or group, the owner's name). No index on Persons holds that order, so one ORDER BY would sort
    /// every match. The list is short: the database orders its values, and the page is read value by value
    /// from the index on (reference, Id), the nulls last — each part a short index range.
    /// </summary>
    private static readonly Dictionary<string, ByValueSort> ByValueSorts = new()
    {
        ["person.leadStatus"] = new(p => p.LeadStatusId,
            (db, d) => Ordered(db.LeadStatuses, s => s.Rank, d).Select(s => new ListKey { Id = s.Id, Number = s.Rank }).ToListAsync()),
        ["person.category"] = new(p => p.CategoryId,
            (db, d) => Ordered(db.Categories, c => c.Rank, d).Select(c => new ListKey { Id = c.Id, Number = c.Rank }).ToListAsync()),
        ["person.categoryGroup"] = new(p => p.CategoryId,
            (db, d) => Ordered(db.Categories, c => (int)c.Group, d).Select(c => new ListKey { Id = c.Id, Number = (int)c.Group }).ToListAsync()),
        ["person.owner"] = new(p => p.OwnerId,
            (db, d) => Ordered(db.Users, u => u.DisplayName, d).Select(u => new ListKey { Id = u.Id, Text = u.DisplayName }).ToListAsync()),
    };

    private sealed record ByValueSort(Expression<Func<Person, int?>> Reference, Func<LeadwerkDbContext, bool, Task<List<ListKey>>> Values);

    /// <summary>A list value and its sort key: a number (rank, group) or a text (a name).</summary>
    private sealed class ListKey
    {
        public int Id { get; init; }
        public int? Number { get; init; }
        public string? Text { get; init; }
        public string? Encoded => Number is { } n ? EncodeKey(n) : Text;
    }

    /// <summary>The database orders the values, so names compare as its collation does, as in a plain ORDER BY.</summary>
    private static IQueryable<TValue> Ordered<TValue, TKey>(IQueryable<TValue> values, Expression<Func<TValue, TKey>> key, bool descending) =>
        descending ? values.OrderByDescending(key) : values.OrderBy(key);

    /// <summary>
    /// The parts of the page in order — one per sort key (values with equal keys together, by id), then the
    /// nulls — from the cursor on; null when the sort is not such a list, or the cursor's key no longer exists.
    /// </summary>
    private async Task<IEnumerable<IQueryable<T>>?> ByValue<T>(IQueryable<T> query, SearchField field, bool descending, Position? after)
    {
        if (typeof(T) != typeof(Person) || !ByValueSorts.TryGetValue(field.Key, out var sort))
        {
            return null;
        }

        var persons = (IQueryable<Person>)query;
        var groups = (await sort.Values(db, descending)).GroupBy(v => v.Encoded).Select(g => (Key: g.Key, Ids: g.Select(v => v.Id).ToList())).ToList();
        var start = after is null || after.N ? (after is null ? 0 : groups.Count) : groups.FindIndex(g => g.Key == after.V);
        if (start < 0)
        {
            return null;
        }

        var parts = new List<IQueryable<Person>>();
        for (var i = start; i < groups.Count; i++)
        {
            var ids = groups[i].Ids;
            var part = persons.Where(In(sort.Reference, ids));
            parts.Add(ById(i == start && after is { N: false } ? part.Where(IdAfter(after, descending)) : part, descending));
        }

        var nulls = persons.Where(In(sort.Reference, null));
        parts.Add(ById(after is { N: true } ? nulls.Where(IdAfter(after, descending)) : nulls, descending));
        return parts.Cast<IQueryable<T>>();
    }

    /// <summary>reference = id, or IN (ids) for values that share a key, or IS NULL.</summary>
    private static Expression<Func<Person, bool>> In(Expression<Func<Person, int?>> reference, List<int>? ids)
    {
        var x = reference.Parameters[0];
        Expression body = ids switch
        {
            null => Expression.Equal(reference.Body, Expression.Constant(null, typeof(int?))),
            [var one] => Expression.Equal(reference.Body, CriteriaCompiler.Parameter<int?>(one)),
            _ => Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int?)],
                Expression.Constant(ids.Select(i => (int?)i).ToList()), reference.Body),
        };
        return Expression.Lambda<Func<Person, bool>>(body, x);
    }

    private static Expression<Func<Person, bool>> IdAfter(Position after, bool descending) =>
        descending ? p => p.Id < after.I : p => p.Id > after.I;

    private static IQueryable<Person> ById(IQueryable<Person> query, bool descending) =>
        descending ? query.OrderByDescending(p => p.Id) : query.OrderBy(p => p.Id);
}
