using System.Linq.Expressions;
using System.Text;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Search;

/// <summary>
/// A row of the SQLite FTS5 trigram table "PersonEmailTrigrams" (rowid = person id, the person's
/// EmailKey). Triggers on Persons keep it equal to the persons' keys (migration EmailTrigrams);
/// PostgreSQL has a pg_trgm index on the column itself and no such table.
/// </summary>
public sealed class PersonEmailTrigram
{
    public int RowId { get; set; }

    public string EmailKey { get; set; } = "";
}

/// <summary>
/// On SQLite, "e-mail contains / ends with" read as a whole-table scan. When the probe found no page
/// (the matches are few or bunched), the matches are taken from the trigram table instead: the same
/// rows, found through the index on three-character pieces of the text.
/// </summary>
public static class EmailTrigrams
{
    public const string Table = "PersonEmailTrigrams";

    /// <summary>The trigram index serves only text of at least three characters.</summary>
    private const int MinLength = 3;

    public static void Map(ModelBuilder modelBuilder) => modelBuilder.Entity<PersonEmailTrigram>(t =>
    {
        t.HasNoKey();
        // The migration creates it with raw SQL: EF cannot describe a virtual table.
        t.ToTable(Table, x => x.ExcludeFromMigrations());
        t.Property(x => x.RowId).HasColumnName("rowid");
    });

    /// <summary>
    /// The query with each e-mail LIKE "%text%" or "%text" that must hold replaced by "Id IN (trigram
    /// matches)". Lines under a NOT are left as they are: their rows are the many non-matches.
    /// </summary>
    public static Expression Use(Expression query, LeadwerkDbContext db) =>
        db.IsPostgres ? query : new Rewriter(db.Set<PersonEmailTrigram>()).Visit(query);

    private sealed class Rewriter(IQueryable<PersonEmailTrigram> trigrams) : ExpressionVisitor
    {
        protected override Expression VisitUnary(UnaryExpression node) => node.NodeType == ExpressionType.Not ? node : base.VisitUnary(node);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(DbFunctionsExtensions) || node.Method.Name != nameof(DbFunctionsExtensions.Like)
                || node.Arguments is not [_, MemberExpression { Expression: ParameterExpression person } email, var pattern, ..]
                || email.Member.DeclaringType != typeof(Person) || email.Member.Name != nameof(Person.EmailKey)
                || Glob(SearchService.Value(pattern) as string) is not { } glob)
            {
                return base.VisitMethodCall(node);
            }

            var matches = trigrams.Where(t => EF.Functions.Glob(t.EmailKey, glob)).Select(t => t.RowId);
            return Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int)], matches.Expression,
                Expression.Property(person, nameof(Person.Id)));
        }
    }

    /// <summary>
    /// The compiler's LIKE pattern ("%" + escaped text + optional "%") as a GLOB pattern: FTS5 uses
    /// its index for GLOB and for LIKE, but not for LIKE with ESCAPE. Keys are folded to lower
    /// case, so GLOB's case-sensitivity changes nothing. Null when the index cannot help.
    /// </summary>
    internal static string? Glob(string? like)
    {
        if (like is not ['%', .. var rest])
        {
            return null;
        }

        var text = new StringBuilder("*");
        var literal = 0;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '%' && i == rest.Length - 1)
            {
                text.Append('*');
                break;
            }

            if (c is '%' or '_')
            {
                return null;
            }

            if (c == '\\' && i + 1 < rest.Length)
            {
                c = rest[++i];
            }

            text.Append(c switch { '*' => "[*]", '?' => "[?]", '[' => "[[]", _ => c.ToString() });
            literal++;
        }

        return literal >= MinLength ? text.ToString() : null;
    }
}
