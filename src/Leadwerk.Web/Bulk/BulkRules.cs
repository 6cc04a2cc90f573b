using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Bulk;

/// <summary>What one record does under a run's actions: change, stay as it is, or be skipped with a reason.</summary>
public enum Outcome
{
    Change,
    Unchanged,
    Skip,
}

public sealed record Verdict(Outcome Outcome, string? Code = null, string? Reason = null);

/// <summary>
/// A bulk update's verdict per record comes from <see cref="LeadRules"/>, the same as every other
/// channel's: a record is changed completely or not at all; a refused action skips the record with
/// the rule's own code and reason (R6, R7).
/// </summary>
public static class BulkRules
{
    public static Verdict Judge(Person person, IReadOnlyList<BulkAction> actions, IReadOnlyDictionary<int, LeadStatus> statuses) =>
        Judge(actions, action => action.Field switch
        {
            BulkFields.PersonLeadStatus => LeadRules.StatusChange(person.Category, person.LeadStatusId, action.Value,
                action.Value is { } id ? statuses.GetValueOrDefault(id) : null),
            BulkFields.PersonOwner => Changes(person.OwnerId != Target(action)),
            // Every person gets one, whether or not one is open already (the preview counts those).
            BulkFields.PersonFollowUp => LeadVerdict.Allowed,
            _ => LeadVerdict.Unchanged,
        });

    /// <param name="company">With its category.</param>
    /// <param name="channel">Bulk, or automation when the run applies a rule (R12 then keeps customers where they are).</param>
    public static Verdict Judge(Company company, IReadOnlyList<BulkAction> actions, IReadOnlyDictionary<int, Category> categories, Channel channel) =>
        Judge(actions, action => action.Field switch
        {
            BulkFields.CompanyCategory => LeadRules.CompanyCategoryChange(company, action.Value,
                action.Value is { } id ? categories.GetValueOrDefault(id) : null, channel),
            BulkFields.CompanyOwner => Changes(company.OwnerId != Target(action)),
            _ => LeadVerdict.Unchanged,
        });

    /// <summary>Applies a judged change and returns the previous values for undo.</summary>
    public static string Apply(Person person, IReadOnlyList<BulkAction> actions)
    {
        var before = JsonSerializer.Serialize(new PersonBefore(person.LeadStatusId, person.OwnerId, person.LeadStatusChangedAt));
        foreach (var action in actions)
        {
            if (action.Field == BulkFields.PersonLeadStatus)
            {
                person.LeadStatusId = action.Value;
            }
            else if (action.Field == BulkFields.PersonOwner)
            {
                person.OwnerId = Target(action);
            }
        }

        return before;
    }

    /// <summary>A company's category change carries its persons along (R1, R5, R6); what it did to them is kept for undo.</summary>
    public static string Apply(Company company, IReadOnlyList<Person> persons, IReadOnlyList<BulkAction> actions, Func<int, Category> category, int defaultStatusId)
    {
        var before = new CompanyBefore(company.CategoryId, company.OwnerId, []);
        foreach (var action in actions)
        {
            if (action.Field == BulkFields.CompanyCategory && action.Value is { } categoryId && categoryId != company.CategoryId)
            {
                var moved = LeadRules.MoveCompany(company, category(categoryId), persons, defaultStatusId);
                before = before with { PersonStatuses = moved.PersonStatuses!, PersonSince = moved.PersonSince, PersonStatusesAfter = moved.PersonStatusesAfter };
            }
            else if (action.Field == BulkFields.CompanyOwner)
            {
                company.OwnerId = Target(action);
            }
        }

        return JsonSerializer.Serialize(before);
    }

    public static int? Target(BulkAction action) => action.Op == "clear" ? null : action.Value;

    /// <summary>A record's own actions: a value planned for it alone (a rebalance's owner) replaces the planned action's.</summary>
    public static IReadOnlyList<BulkAction> For(BulkUpdateItem item, IReadOnlyList<BulkAction> actions) => item.Value is not { } value ? actions
        : [.. actions.Select(a => a.Op == BulkFields.Distribute ? a with { Op = "set", Value = value } : a)];

    /// <summary>The first refusal skips the record with its code and reason; otherwise it changes if any action changes it.</summary>
    private static Verdict Judge(IEnumerable<BulkAction> actions, Func<BulkAction, LeadVerdict> judge)
    {
        var changes = false;
        foreach (var verdict in actions.Select(judge))
        {
            if (verdict.IsRefused)
            {
                return new Verdict(Outcome.Skip, verdict.Code, verdict.Reason);
            }

            changes |= verdict.IsAllowed;
        }

        return new Verdict(changes ? Outcome.Change : Outcome.Unchanged);
    }

    private static LeadVerdict Changes(bool changes) => changes ? LeadVerdict.Allowed : LeadVerdict.Unchanged;

    public static string Undoable(string entity) => entity == "person"
        ? L.T("This person was changed by someone else after the bulk update; it was left as it is now.",
            "Deze persoon is na de bulkwijziging door iemand anders gewijzigd; hij is gelaten zoals hij nu is.")
        : L.T("This company was changed by someone else after the bulk update; it was left as it is now.",
            "Dit bedrijf is na de bulkwijziging door iemand anders gewijzigd; het is gelaten zoals het nu is.");
}

/// <summary>A person's values before a run; <see cref="LeadStatusChangedAt"/> puts "in status since" back on undo.</summary>
public sealed record PersonBefore(int? LeadStatusId, int? OwnerId, DateTime? LeadStatusChangedAt = null);

/// <summary>A company's values before a run, and what its category change did to its persons (undo puts back only what it left).</summary>
public sealed record CompanyBefore(int CategoryId, int? OwnerId, Dictionary<int, int?> PersonStatuses,
    Dictionary<int, int?>? PersonStatusesAfter = null, Dictionary<int, DateTime?>? PersonSince = null) : IPersonsMoved
{
    Dictionary<int, int?>? IPersonsMoved.PersonStatuses => PersonStatuses;
}
