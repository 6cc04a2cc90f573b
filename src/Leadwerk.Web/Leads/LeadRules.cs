using System.Linq.Expressions;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Leads;

/// <summary>
/// The lead rules (R1–R7, R12) in one place: every channel asks these for a verdict and applies a
/// change through them, on one record (<see cref="LeadTransitions"/>) or on a batch (bulk, import).
/// </summary>
public static class LeadRules
{
    /// <summary>R2: a lead status is active only for a Potential customer category with lead status enabled.</summary>
    public static bool IsActive(Category? category) =>
        category is { Group: CategoryGroup.PotentialCustomer, LeadStatusEnabled: true };

    /// <summary>R2 as a query over categories, for the criteria that find active leads in SQL.</summary>
    public static Expression<Func<Category, bool>> ActiveCategory { get; } =
        c => c.Group == CategoryGroup.PotentialCustomer && c.LeadStatusEnabled;

    /// <summary>R2 per person in SQL, 1 or 0: a status, in a category whose statuses are active.</summary>
    public static Expression<Func<Person, int?>> ActiveLead { get; } = ActiveLeadOnPerson();

    /// <summary>R2/R6 per person in SQL: 1 when its status is in use, 0 when it is a kept value, null without a status.</summary>
    public static Expression<Func<Person, int?>> StatusInUse { get; } = Expression.Lambda<Func<Person, int?>>(
        Expression.Condition(Expression.Equal(Expression.Property(ActiveLead.Parameters[0], nameof(Person.LeadStatusId)), Expression.Constant(null, typeof(int?))),
            Expression.Constant(null, typeof(int?)), ActiveLead.Body), ActiveLead.Parameters);

    /// <summary>R6 per person in SQL: a status held in a category whose statuses are not active (a kept value).</summary>
    public static Expression<Func<Person, bool>> KeptStatus { get; } = Expression.Lambda<Func<Person, bool>>(
        Expression.Equal(ActiveLead.Body, Expression.Constant(0, typeof(int?))), ActiveLead.Parameters);

    private static Expression<Func<Person, int?>> ActiveLeadOnPerson()
    {
        var p = Expression.Parameter(typeof(Person), "p");
        var active = Expression.AndAlso(
            Expression.NotEqual(Expression.Property(p, nameof(Person.LeadStatusId)),
                Expression.Constant(null, typeof(int?))),
            Search.CriteriaCompiler.Inline(ActiveCategory, Expression.Property(p, nameof(Person.Category))));
        return Expression.Lambda<Func<Person, int?>>(Expression.Condition(active,
            Expression.Constant(1, typeof(int?)), Expression.Constant(0, typeof(int?))), p);
    }

    /// <summary>R3: only Potential customer categories may have lead status enabled.</summary>
    public static bool MayEnableLeadStatus(CategoryGroup group) => group == CategoryGroup.PotentialCustomer;

    /// <summary>R7: why a person with this category has no editable lead status; null when it has one.</summary>
    public static string? InactiveReason(Category? category) => LeadReasons.Inactive(category);

    /// <summary>
    /// R2/R6: a person under <paramref name="category"/> with status <paramref name="current"/> gets
    /// status <paramref name="targetId"/> (<paramref name="target"/> as found, null when unknown).
    /// </summary>
    public static LeadVerdict StatusChange(Category? category, int? current, int? targetId, LeadStatus? target)
    {
        if (targetId == current)
        {
            return LeadVerdict.Unchanged;
        }

        if (StatusLock(category) is { } locked)
        {
            return LeadVerdict.Conflict(ErrorCodes.LeadStatusNotActive, locked, "leadStatusId");
        }

        if (targetId is null)
        {
            return LeadVerdict.Invalid("leadStatusId", LeadReasons.StatusRequired());
        }

        return target is null || target.Deleted ? LeadVerdict.Invalid("leadStatusId", LeadReasons.StatusUnknown()) : LeadVerdict.Allowed;
    }

    /// <summary>R1: a person's own category changes only while it has no company.</summary>
    public static LeadVerdict PersonCategoryChange(int? current, int? companyId, string? companyName, int? targetId, Category? target)
    {
        if (targetId == current)
        {
            return LeadVerdict.Unchanged;
        }

        if (CategoryLock(companyId, companyName) is { } locked)
        {
            return LeadVerdict.Conflict(ErrorCodes.CategoryInherited, locked, "categoryId");
        }

        return targetId is not null && (target is null || target.Deleted)
            ? LeadVerdict.Invalid("categoryId", LeadReasons.CategoryUnknown())
            : LeadVerdict.Allowed;
    }

    /// <summary>
    /// A company's category becomes <paramref name="target"/>. R12: a channel no user watches
    /// (import, automation, form) never moves a customer out of the group Customer.
    /// </summary>
    public static LeadVerdict CompanyCategoryChange(Company company, int? targetId, Category? target, Channel channel)
    {
        if (targetId == company.CategoryId)
        {
            return LeadVerdict.Unchanged;
        }

        if (target is null || target.Deleted)
        {
            return LeadVerdict.Invalid("categoryId", LeadReasons.CategoryUnknown());
        }

        var unattended = channel is Channel.Import or Channel.Automation or Channel.Form;
        return unattended && company.Category.Group == CategoryGroup.Customer && target.Group != CategoryGroup.Customer
            ? LeadVerdict.Conflict(ErrorCodes.CustomerKept, LeadReasons.CustomerKept(company.Name, target, channel), "categoryId")
            : LeadVerdict.Allowed;
    }

    /// <summary>R6/R7: why no status change at all is possible for a person under this category; null when one is.</summary>
    public static string? StatusLock(Category? category) => IsActive(category) ? null : LeadReasons.Inactive(category);

    /// <summary>R1: why a person's own category cannot change; null when it can.</summary>
    public static string? CategoryLock(int? companyId, string? companyName) => companyId is null ? null : LeadReasons.CategoryInherited(companyName);

    /// <summary>The statuses a person under <paramref name="category"/> may be moved to: those the verdict allows.</summary>
    public static IEnumerable<LeadStatus> StatusTargets(Category? category, int? current, IEnumerable<LeadStatus> statuses) =>
        statuses.Where(s => StatusChange(category, current, s.Id, s).IsAllowed);

    /// <summary>The categories a person may be given: none while it has a company (R1).</summary>
    public static IEnumerable<Category> CategoryTargets(int? current, int? companyId, IEnumerable<Category> categories) =>
        categories.Where(c => PersonCategoryChange(current, companyId, null, c.Id, c).IsAllowed);

    /// <summary>
    /// R5/R6: the person's effective category becomes <paramref name="to"/>. Entering an active
    /// category from a non-active one makes the person a new lead with the default status; between
    /// two active categories the status is kept; leaving an active category keeps the value, locked.
    /// </summary>
    public static void MoveToCategory(Person person, Category? from, Category? to, int defaultStatusId)
    {
        person.CategoryId = to?.Id;
        person.Category = to;
        if (IsActive(to) && !IsActive(from))
        {
            person.LeadStatusId = defaultStatusId;
        }
    }

    /// <summary>
    /// R1/R5/R6: a company's category change carries its persons along. Returns what it did to
    /// them, for undo and rollback (<see cref="UndoCompanyMove"/>).
    /// </summary>
    public static PersonsMoved MoveCompany(Company company, Category to, IReadOnlyCollection<Person> persons, int defaultStatusId)
    {
        var moved = new PersonsMoved(persons.ToDictionary(p => p.Id, p => p.LeadStatusId), persons.ToDictionary(p => p.Id, p => p.LeadStatusChangedAt));
        foreach (var person in persons)
        {
            MoveToCategory(person, company.Category, to, defaultStatusId);
        }

        (company.CategoryId, company.Category) = (to.Id, to);
        return moved with { PersonStatusesAfter = persons.ToDictionary(p => p.Id, p => p.LeadStatusId) };
    }

    /// <summary>
    /// Undoes <see cref="MoveCompany"/>: the company goes back to <paramref name="back"/>, its persons
    /// follow, and a person still holding the status the move left gets its earlier status and
    /// since-date back; a status someone set since stays.
    /// </summary>
    public static void UndoCompanyMove(Company company, Category back, IEnumerable<Person> persons, IPersonsMoved moved, int defaultStatusId)
    {
        var from = company.Category;
        foreach (var person in persons)
        {
            var current = person.LeadStatusId;
            MoveToCategory(person, from, back, defaultStatusId);
            var leftByMove = moved.PersonStatusesAfter is null || (moved.PersonStatusesAfter.TryGetValue(person.Id, out var left) && left == current);
            if (moved.PersonStatuses?.TryGetValue(person.Id, out var status) == true && leftByMove)
            {
                Restore(person, new StatusBefore(status, moved.PersonSince?.GetValueOrDefault(person.Id)));
            }
        }

        (company.CategoryId, company.Category) = (back.Id, back);
    }

    /// <summary>R5: a new person under an active category starts with the default status (or a chosen one).</summary>
    public static void StartAsNew(Person person, Category? category, int defaultStatusId, int? chosenStatusId = null)
    {
        person.CategoryId = category?.Id;
        person.Category = category;
        person.LeadStatusId = IsActive(category) ? chosenStatusId ?? defaultStatusId : null;
    }

    /// <summary>R5: enabling lead status on a category gives its persons without a status the default.</summary>
    public static bool ShouldGetDefaultOnEnable(Person person) => person.LeadStatusId is null;

    /// <summary>
    /// Undo and rollback put a status back with the date it was set on, so "days in status" and the
    /// board's ageing stay true; <see cref="LeadHistory"/> records the change and keeps that date.
    /// </summary>
    public static void Restore(Person person, StatusBefore before)
    {
        if (person.LeadStatusId != before.StatusId)
        {
            person.LeadStatusId = before.StatusId;

            // Records written before since-dates were kept have none: the status is then in force from now.
            if (before.Since is { } since)
            {
                person.LeadStatusChangedAt = since;
            }
        }
    }
}

/// <summary>A person's lead status and since-date before a change, kept to undo it.</summary>
public sealed record StatusBefore(int? StatusId, DateTime? Since);
