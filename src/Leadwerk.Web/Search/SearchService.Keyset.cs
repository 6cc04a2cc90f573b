using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Search;

/// <summary>Keyset paging: the order (nulls last, value, id) and "after the cursor's row" for any sort key.</summary>
public sealed partial class SearchService
{
    /// <summary>Nulls always come last (providers disagree by default), then the value, then id as tie-breaker.</summary>
    private static IQueryable<T> Order<T>(IQueryable<T> query, LambdaExpression key, bool descending, bool nullable)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var value = CriteriaCompiler.Inline(key, x);
        var id = Expression.Property(x, "Id");
        IOrderedQueryable<T> ordered;
        if (nullable)
        {
            var isNull = Expression.Lambda(Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)),
                Expression.Constant(1), Expression.Constant(0)), x);
            ordered = Sort(query, isNull, nameof(Queryable.OrderBy));
            ordered = Sort(ordered, Expression.Lambda(value, x), descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy));
        }
        else
        {
            ordered = Sort(query, Expression.Lambda(value, x), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy));
        }

        return Sort(ordered, Expression.Lambda(id, x), descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy));
    }

    private static IOrderedQueryable<T> Sort<T>(IQueryable<T> query, LambdaExpression key, string method) =>
        (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method,
            [typeof(T), key.ReturnType], query.Expression, Expression.Quote(key)));

    /// <summary>The query in the order of <paramref name="sortKey"/>, from just after the cursor's row on.</summary>
    private static IQueryable<T> From<T>(IQueryable<T> query, LambdaExpression sortKey, LambdaExpression key, bool descending, bool nullable,
        Position? after)
    {
        var ordered = Order(query, sortKey, descending, nullable);
        return after is null ? ordered : ordered.Where(After<T>(key, descending, nullable, after));
    }

    /// <summary>
    /// A nullable key's order (values, then nulls by id) as two queries that each read an index in order:
    /// the rows with a value, then — only if the page is not full — the nulls. One ORDER BY on
    /// "is null" first would be an expression no index serves, so the database would sort every match.
    /// </summary>
    private static IEnumerable<IQueryable<T>> Split<T>(IQueryable<T> query, LambdaExpression key, bool descending, Position? after,
        LambdaExpression? sortKey = null)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var value = CriteriaCompiler.Inline(key, x);
        var id = Expression.Property(x, "Id");
        var isNull = Expression.Lambda<Func<T, bool>>(Expression.Equal(value, Expression.Constant(null, value.Type)), x);
        var nulls = Sort(query.Where(isNull), Expression.Lambda(id, x), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy));
        if (after is { N: true })
        {
            var idAfter = descending ? Expression.LessThan(id, CriteriaCompiler.Parameter(after.I)) : Expression.GreaterThan(id, CriteriaCompiler.Parameter(after.I));
            return [nulls.Where(Expression.Lambda<Func<T, bool>>(idAfter, x))];
        }

        return [From(query.Where(HasValue<T>(key)), sortKey ?? key, key, descending, nullable: false, after), nulls];
    }

    /// <summary>Rows whose sort key has a value: the first part of a nullable key's order.</summary>
    private static Expression<Func<T, bool>> HasValue<T>(LambdaExpression key)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var value = CriteriaCompiler.Inline(key, x);
        return Expression.Lambda<Func<T, bool>>(Expression.NotEqual(value, Expression.Constant(null, value.Type)), x);
    }

    /// <summary>
    /// Rows strictly after the cursor in (null flag, value, id) order, written as
    /// "value ≥ v and (value > v or id > i)" so the first half is an index range start.
    /// </summary>
    private static Expression<Func<T, bool>> After<T>(LambdaExpression key, bool descending, bool nullable, Position after)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var value = CriteriaCompiler.Inline(key, x);
        var id = Expression.Property(x, "Id");
        var idAfter = descending ? Expression.LessThan(id, CriteriaCompiler.Parameter(after.I)) : Expression.GreaterThan(id, CriteriaCompiler.Parameter(after.I));
        // A count is a plain int: it has no null to compare with.
        Expression isNull = value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null
            ? Expression.Constant(false)
            : Expression.Equal(value, Expression.Constant(null, value.Type));
        Expression body;
        if (after.N)
        {
            body = Expression.AndAlso(isNull, idAfter);
        }
        else
        {
            var boundary = Decode(after.V, value.Type);
            var from = Compare(value, boundary, descending, orEqual: true);
            body = Expression.AndAlso(from, Expression.OrElse(Compare(value, boundary, descending, orEqual: false), idAfter));
            if (nullable)
            {
                body = Expression.OrElse(isNull, body);
            }
        }

        return Expression.Lambda<Func<T, bool>>(body, x);
    }

    private static Expression Compare(Expression value, Expression boundary, bool descending, bool orEqual)
    {
        var type = (descending, orEqual) switch
        {
            (true, true) => ExpressionType.LessThanOrEqual,
            (true, false) => ExpressionType.LessThan,
            (false, true) => ExpressionType.GreaterThanOrEqual,
            _ => ExpressionType.GreaterThan,
        };
        if (value.Type == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, value, boundary);
            return Expression.MakeBinary(type, compare, Expression.Constant(0));
        }

        return Expression.MakeBinary(type, value, boundary);
    }

    private static Expression Decode(string? text, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            object? value = underlying == typeof(string) ? text
                : underlying == typeof(int) ? int.Parse(text!, CultureInfo.InvariantCulture)
                : underlying == typeof(DateTime) ? DateTime.Parse(text!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : throw new FormatException();
            var holder = typeof(CriteriaCompiler).GetMethod(nameof(CriteriaCompiler.Parameter), BindingFlags.Static | BindingFlags.NonPublic)!
                .MakeGenericMethod(type);
            return (Expression)holder.Invoke(null, [value])!;
        }
        catch (Exception e) when (e is FormatException or ArgumentNullException or OverflowException)
        {
            throw new DomainException(400, ErrorCodes.InvalidCursor, L.T("The cursor is not valid.", "De cursor is ongeldig."), "cursor");
        }
    }

    private static string? EncodeKey(object? key) => key switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString(),
    };
}
