using System.Linq.Expressions;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Search;

/// <summary>
/// A person's lead status and whether it was active at a moment, read from its history (B1).
/// Rows chain (each row's from-values are the row before's to-values), so a person without a row
/// since the moment is still as it is now, and one with rows since was as the first of them says it
/// came from. Only the persons changed since are looked up row by row: the set of them is one
/// uncorrelated IN over the history's time index, not a probe per person.
/// </summary>
public static class HistoryFields
{
    public static LambdaExpression StatusOn(DateTime end, IQueryable<LeadStatusChange>? history) => history is null
        ? (Expression<Func<Person, int?>>)(p =>
            p.StatusChanges.Where(h => h.At < end && !h.Reverted).OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Select(h => h.ToId).FirstOrDefault())
        : (Expression<Func<Person, int?>>)(p => history.Where(h => h.At >= end).Select(h => h.PersonId).Contains(p.Id)
            ? p.StatusChanges.Where(h => h.At >= end && !h.Reverted).OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.FromId).FirstOrDefault()
            : p.LeadStatusId);

    public static LambdaExpression ActiveOn(DateTime end, IQueryable<LeadStatusChange>? history)
    {
        if (history is null)
        {
            return (Expression<Func<Person, int?>>)(p =>
                p.StatusChanges.Where(h => h.At < end && !h.Reverted).OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
                    .Select(h => (int?)(h.Active ? 1 : 0)).FirstOrDefault() ?? 0);
        }

        Expression<Func<Person, bool>> changed = p => history.Where(h => h.At >= end).Select(h => h.PersonId).Contains(p.Id);
        Expression<Func<Person, int?>> then = p =>
            p.StatusChanges.Where(h => h.At >= end && !h.Reverted).OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => (int?)(h.WasActive ? 1 : 0)).FirstOrDefault() ?? 0;
        var person = Expression.Parameter(typeof(Person), "p");
        return Expression.Lambda<Func<Person, int?>>(Expression.Condition(CriteriaCompiler.Inline(changed, person),
            CriteriaCompiler.Inline(then, person), CriteriaCompiler.Inline(LeadRules.ActiveLead, person)), person);
    }
}
