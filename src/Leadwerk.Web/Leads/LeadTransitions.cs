using Leadwerk.Web.Automation;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Leads;

/// <summary>
/// Lead transitions on one tracked record, for the channels that change one at a time (person
/// card, API, board): each asks <see cref="LeadRules"/> for the verdict, throws the refusal with its
/// code and reason, and applies the change; the save records it (<see cref="LeadHistory"/>).
/// </summary>
public sealed class LeadTransitions(LeadwerkDbContext db, ListService lists, LeadAutomation automation)
{
    /// <summary>
    /// R2/R6: the person (with its effective category and its company's loaded) gets the status;
    /// then the lead categorization rules look at its company (R11, R15, R16).
    /// </summary>
    public async Task<LeadVerdict> SetStatus(Person person, int? statusId)
    {
        var target = statusId is { } id ? await db.LeadStatuses.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) : null;
        var verdict = LeadRules.StatusChange(person.Category, person.LeadStatusId, statusId, target).ThrowIfRefused();
        if (verdict.IsAllowed)
        {
            person.LeadStatusId = statusId;
            if (person.Company is { } company)
            {
                await automation.Fire(company, new TriggerEvent(AutomationTrigger.LeadStatusSet, person, statusId, null));
            }
        }

        return verdict;
    }

    /// <summary>R1/R5: a person without company gets a category of its own.</summary>
    public async Task<LeadVerdict> SetOwnCategory(Person person, int? categoryId)
    {
        var target = await Category(categoryId);
        var verdict = LeadRules.PersonCategoryChange(person.CategoryId, person.CompanyId, person.Company?.Name, categoryId, target).ThrowIfRefused();
        if (verdict.IsAllowed)
        {
            LeadRules.MoveToCategory(person, person.Category, target, await lists.DefaultStatusId());
        }

        return verdict;
    }

    /// <summary>R1/R5: a person that joins a company takes its category; one that leaves keeps it as its own.</summary>
    public async Task JoinCompany(Person person, Company? company)
    {
        (person.CompanyId, person.Company) = (company?.Id, company);
        if (company is not null)
        {
            LeadRules.MoveToCategory(person, person.Category, company.Category, await lists.DefaultStatusId());
        }
    }

    /// <summary>R5: a new person starts under its category, with the default status or a chosen one the rules allow.</summary>
    public async Task Start(Person person, Category? category, int? chosenStatusId)
    {
        var target = chosenStatusId is { } id ? await db.LeadStatuses.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) : null;
        LeadRules.StatusChange(category, null, chosenStatusId, target).ThrowIfRefused();
        LeadRules.StartAsNew(person, category, await lists.DefaultStatusId(), chosenStatusId);
    }

    /// <summary>
    /// R1/R5/R6: the company (with its category loaded) moves to another category and its persons
    /// follow, in the caller's save.
    /// </summary>
    public async Task<LeadVerdict> ChangeCompanyCategory(Company company, int categoryId)
    {
        var target = await Category(categoryId);
        var verdict = LeadRules.CompanyCategoryChange(company, categoryId, target, db.Actor.Value.Channel).ThrowIfRefused();
        if (verdict.IsAllowed)
        {
            var persons = await db.Persons.Where(p => p.CompanyId == company.Id).ToListAsync();
            LeadRules.MoveCompany(company, target!, persons, await lists.DefaultStatusId());
        }

        return verdict;
    }

    private async Task<Category?> Category(int? id) =>
        id is { } value ? await db.Categories.FirstOrDefaultAsync(c => c.Id == value) : null;
}
