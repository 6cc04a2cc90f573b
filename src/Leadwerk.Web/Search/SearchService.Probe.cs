using System.Linq.Expressions;
using Leadwerk.Web.Common;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Leadwerk.Web.Search;

public sealed partial class SearchService
{
    /// <summary>
    /// How many rows, in sort order, the probe reads before it gives up on finding a full page
    /// there (`Leadwerk:Search:ProbeRows`; tests set a handful so pages cross the window's edge).
    /// </summary>
    private int ProbeRows => Math.Clamp(config.GetValue("Leadwerk:Search:ProbeRows", 4_000), 1, 100_000);

    /// <summary>Sorts that are never null with an index on exactly (key, Id), e.g. Persons(LastNameKey, Id), Companies(NameKey, Id).</summary>
    private static readonly HashSet<string> IndexedSorts =
    [
        "person:person.lastName", "person:person.firstName", "person:person.createdAt", "person:person.updatedAt", "person:person.openFollowUps",
        "company:company.name", "company:company.createdAt",
    ];

    /// <summary>Nullable sorts with an index on (key, Id): the probe reads the rows that have a value, the first part of their order.</summary>
    private static readonly HashSet<string> IndexedNullableSorts =
    [
        "person:person.email", "person:person.phone", "person:person.title", "person:person.recordSource",
        "person:person.leadStatusChangedAt", "person:person.nextFollowUp", "person:person.lastActivity",
    ];

    /// <summary>
    /// Planners guess badly how far a LIMIT lets them walk the sort index: SQLite, shown a lead
    /// status or owner line with an index, fetches and sorts every match (hundreds of thousands at
    /// scale) even when the sort index would fill the page within a few hundred rows; PostgreSQL,
    /// shown "e-mail contains", walks the sort index expecting matches spread evenly when they are
    /// bunched. So a page sorted on an indexed key first runs the same query over only the next
    /// <see cref="ProbeRows"/> rows in that order (an index range). Those rows precede all others,
    /// so a full page found there is exactly the page; otherwise the criteria are selective and the
    /// full query runs (filtering first for unanchored text, see <see cref="ScanFirst"/>).
    /// </summary>
    private IQueryable<T>? Probe<T>(IQueryable<T> query, string entity, SearchField field, LambdaExpression key, bool descending, Position? after,
        bool nullable) where T : class
    {
        if (!(nullable ? IndexedNullableSorts : IndexedSorts).Contains($"{entity}:{field.Key}") || Unfiltered(query.Expression)
            || IndexServesFilterAndOrder(query.Expression, key))
        {
            return null;
        }

        var rows = nullable ? db.Set<T>().Where(HasValue<T>(key)) : db.Set<T>();
        var window = From(rows, key, key, descending, nullable: false, after);
        return ReplaceRoot(query.Expression, window.Take(ProbeRows).Expression) is { } probed ? query.Provider.CreateQuery<T>(probed) : null;
    }

    /// <summary>
    /// No criteria (every Where is "true"): the sort index alone answers, and a probe would only make
    /// the database sort its window again (SQLite sorts the rows a LIMIT subquery yields).
    /// </summary>
    private static bool Unfiltered(Expression query) => query switch
    {
        EntityQueryRootExpression => true,
        MethodCallExpression { Method.Name: nameof(Queryable.Where) } call when call.Method.DeclaringType == typeof(Queryable)
            => call.Arguments[1] is UnaryExpression { Operand: LambdaExpression { Body: ConstantExpression { Value: true } } } && Unfiltered(call.Arguments[0]),
        _ => false,
    };

    /// <summary>
    /// Whether the query filters on text by "contains" or "ends with". Such matches are often
    /// bunched in sort order (e-mail addresses hold the last name), so when the probe found no
    /// page, walking the sort index would read most of the table row by row; finding the matches
    /// first (a trigram index on PostgreSQL, else one scan) and sorting them is cheaper.
    /// </summary>
    private static bool ScanFirst(Expression query) => Mentions.Any(query, _ => false, call =>
        (call.Method.DeclaringType == typeof(string) && call.Method.Name is nameof(string.Contains) or nameof(string.EndsWith))
        || (call.Method.DeclaringType == typeof(DbFunctionsExtensions) && call.Method.Name == nameof(DbFunctionsExtensions.Like)
            && Value(call.Arguments[2]) is string pattern && pattern.StartsWith('%')));

    /// <summary>Criteria values reach the tree as a property of a constant holder (CriteriaCompiler.Parameter).</summary>
    internal static object? Value(Expression e) => e switch
    {
        ConstantExpression c => c.Value,
        MemberExpression { Expression: ConstantExpression holder, Member: System.Reflection.PropertyInfo property } => property.GetValue(holder.Value),
        _ => null,
    };

    /// <summary>
    /// A company's persons (index CompanyId, LastNameKey, Id) and "last name starts with" (a range
    /// on the sort index itself) are already read in order from an index: a probe would only add a query.
    /// </summary>
    private static bool IndexServesFilterAndOrder(Expression query, LambdaExpression key)
    {
        var sortMember = (key.Body as MemberExpression)?.Member.Name;
        return Mentions.Any(query, m => m.Member.Name == nameof(Person.CompanyId) && m.Member.DeclaringType == typeof(Person),
            c => c.Method.DeclaringType == typeof(string) && c.Method.Name == nameof(string.Compare)
                && c.Arguments[0] is MemberExpression { Expression: ParameterExpression } m && m.Member.Name == sortMember);
    }

    /// <summary>Whether a query reads a column or calls a method that the predicates pick out.</summary>
    private sealed class Mentions(Func<MemberExpression, bool> member, Func<MethodCallExpression, bool> call) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        public static bool Any(Expression query, Func<MemberExpression, bool> member, Func<MethodCallExpression, bool> call)
        {
            var finder = new Mentions(member, call);
            finder.Visit(query);
            return finder.Found;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            Found |= node.Expression is ParameterExpression && member(node);
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Found |= call(node);
            return base.VisitMethodCall(node);
        }
    }

    /// <summary>The same sort key in a form no index serves (text || ''), so the planner filters first.</summary>
    private static LambdaExpression Unindexed(LambdaExpression key) => key.Body.Type == typeof(string)
        ? Expression.Lambda(Expression.Add(key.Body, Expression.Constant(""), typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])),
            key.Parameters)
        : key;

    /// <summary>The query with its table swapped for the window; only through Where calls, which filter the same either way.</summary>
    private static Expression? ReplaceRoot(Expression expression, Expression window) => expression switch
    {
        EntityQueryRootExpression root when root.Type == window.Type || typeof(IQueryable<>).MakeGenericType(root.EntityType.ClrType) == window.Type => window,
        MethodCallExpression { Method.Name: nameof(Queryable.Where) } call when call.Method.DeclaringType == typeof(Queryable)
            && ReplaceRoot(call.Arguments[0], window) is { } inner => call.Update(call.Object, [inner, .. call.Arguments.Skip(1)]),
        _ => null,
    };
}
