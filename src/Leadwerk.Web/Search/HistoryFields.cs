using System.Linq.Expressions;
using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Search;

/// <summary>
/// A person's lead status and whether it was active at a moment, read from its history (B1): the
/// last row before the moment. A person without a row then had no status (or did not exist).
/// </summary>
public static class HistoryFields
{
    public static LambdaExpression StatusOn(DateTime end) => (Expression<Func<Person, int?>>)(p =>
        p.StatusChanges.Where(h => h.At < end).OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Select(h => h.ToId).FirstOrDefault());

    public static LambdaExpression ActiveOn(DateTime end) => (Expression<Func<Person, int?>>)(p =>
        p.StatusChanges.Where(h => h.At < end).OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => (int?)(h.Active ? 1 : 0)).FirstOrDefault() ?? 0);
}
