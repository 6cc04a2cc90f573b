using System.Linq.Expressions;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// What one evaluation of a tile works with: the persons its criteria find, the period, the
/// moment the figures are of (now or the end of the as-of day), and how to turn a group into drill criteria.
/// </summary>
public sealed record TileQuery(TileSpec Tile, Criteria Criteria, DayRange? Period, DateTime? AsOfEnd, DateTime Now, int? UserId)
{
    /// <summary>The moment snapshot figures are of.</summary>
    public DateTime End => AsOfEnd ?? Now;

    /// <summary>
    /// Counts of today's persons by criteria, made during this one evaluation (a snapshot tile and its
    /// "30 days ago" comparison both start from today's count). Shared by the copies `with` makes.
    /// </summary>
    public Dictionary<string, int> CountsNow { get; init; } = [];

    /// <summary>The criteria narrowed by more lines in every set (a group, a step).</summary>
    public Criteria With(params CriteriaLine[] lines) => lines.Length == 0 ? Criteria : Criteria.And(lines);

    /// <summary>A line that reads a field as of the tile's day when the field has a history and the tile has no period.</summary>
    public CriteriaLine AsOf(CriteriaLine line) =>
        AsOfEnd is { } end && Period is null && SearchFields.Find(line.Field)?.AsOfOnPerson is not null
            ? line with { AsOf = DayRange.Day(end.AddDays(-1)) } : line;
}

/// <summary>
/// Puts a selector (of a person, or of a person and a history row) into a template lambda written with <see cref="Key"/> placeholders,
/// so a GROUP BY over any fields keeps one statically typed query (an anonymous key EF translates).
/// </summary>
internal sealed class KeyInliner(IReadOnlyList<LambdaExpression?> selectors) : ExpressionVisitor
{
    public static int? Key<TRow>(TRow row, int index) => throw new InvalidOperationException("Only inside a query template.");

    public static Expression<Func<TIn, TOut>> Inline<TIn, TOut>(Expression<Func<TIn, TOut>> template, IReadOnlyList<LambdaExpression?> selectors) =>
        (Expression<Func<TIn, TOut>>)new KeyInliner(selectors).Visit(template);

    public static Expression<Func<TIn, TIn2, TOut>> Inline<TIn, TIn2, TOut>(Expression<Func<TIn, TIn2, TOut>> template, IReadOnlyList<LambdaExpression?> selectors) =>
        (Expression<Func<TIn, TIn2, TOut>>)new KeyInliner(selectors).Visit(template);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(KeyInliner) || node.Method.Name != nameof(Key))
        {
            return base.VisitMethodCall(node);
        }

        var person = Visit(node.Arguments[0]);
        var index = (int)((ConstantExpression)node.Arguments[1]).Value!;
        var selector = index < selectors.Count ? selectors[index] : null;
        if (selector is null)
        {
            return Expression.Constant(null, typeof(int?));
        }

        var body = CriteriaCompiler.Inline(selector, person);
        return body.Type == typeof(int?) ? body : Expression.Convert(body, typeof(int?));
    }
}
