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
/// The rules of a bulk update, per record, through <see cref="LeadRules"/>: a record is changed
/// completely or not at all; a refused action skips the record with the rule's own reason (R6, R7).
/// </summary>
public static class BulkRules
{
    public static Verdict Judge(Person person, IReadOnlyList<BulkAction> actions)
    {
        var changes = false;
        foreach (var action in actions)
        {
            switch (action.Field)
            {
                case BulkFields.PersonLeadStatus:
                    if (person.LeadStatusId == action.Value)
                    {
                        continue;
                    }

                    if (!LeadRules.IsActive(person.Category))
                    {
                        return new Verdict(Outcome.Skip, ErrorCodes.LeadStatusNotActive, LeadRules.InactiveReason(person.Category));
                    }

                    changes = true;
                    break;
                case BulkFields.PersonOwner:
                    changes |= person.OwnerId != Target(action);
                    break;
            }
        }

        return new Verdict(changes ? Outcome.Change : Outcome.Unchanged);
    }

    public static Verdict Judge(Company company, IReadOnlyList<BulkAction> actions)
    {
        var changes = actions.Any(a => a.Field switch
        {
            BulkFields.CompanyCategory => company.CategoryId != a.Value,
            BulkFields.CompanyOwner => company.OwnerId != Target(a),
            _ => false,
        });
        return new Verdict(changes ? Outcome.Change : Outcome.Unchanged);
    }

    /// <summary>Applies a judged change and returns the previous values for undo.</summary>
    public static string Apply(Person person, IReadOnlyList<BulkAction> actions)
    {
        var before = JsonSerializer.Serialize(new PersonBefore(person.LeadStatusId, person.OwnerId));
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

    /// <summary>A company's category change carries its persons along (R1, R5, R6); their statuses are kept for undo.</summary>
    public static string Apply(Company company, IReadOnlyList<Person> persons, IReadOnlyList<BulkAction> actions, Func<int, Category> category, int defaultStatusId)
    {
        var before = new CompanyBefore(company.CategoryId, company.OwnerId, persons.ToDictionary(p => p.Id, p => p.LeadStatusId));
        foreach (var action in actions)
        {
            if (action.Field == BulkFields.CompanyCategory && action.Value is { } categoryId && categoryId != company.CategoryId)
            {
                var to = category(categoryId);
                foreach (var person in persons)
                {
                    LeadRules.MoveToCategory(person, company.Category, to, defaultStatusId);
                }

                company.CategoryId = to.Id;
                company.Category = to;
            }
            else if (action.Field == BulkFields.CompanyOwner)
            {
                company.OwnerId = Target(action);
            }
        }

        return JsonSerializer.Serialize(before with { PersonStatusesAfter = persons.ToDictionary(p => p.Id, p => p.LeadStatusId) });
    }

    public static int? Target(BulkAction action) => action.Op == "clear" ? null : action.Value;

    public static string Undoable(string entity) => entity == "person"
        ? L.T("This person was changed by someone else after the bulk update; it was left as it is now.",
            "Deze persoon is na de bulkwijziging door iemand anders gewijzigd; hij is gelaten zoals hij nu is.")
        : L.T("This company was changed by someone else after the bulk update; it was left as it is now.",
            "Dit bedrijf is na de bulkwijziging door iemand anders gewijzigd; het is gelaten zoals het nu is.");
}

public sealed record PersonBefore(int? LeadStatusId, int? OwnerId);

/// <summary>
/// <see cref="PersonStatusesAfter"/> is what the run left each person with: undo puts a person's
/// status back only while it still has that value, so a status someone gave it since is kept.
/// </summary>
public sealed record CompanyBefore(int CategoryId, int? OwnerId, Dictionary<int, int?> PersonStatuses, Dictionary<int, int?>? PersonStatusesAfter = null);
