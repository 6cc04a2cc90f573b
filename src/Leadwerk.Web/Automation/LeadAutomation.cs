using System.Security.Cryptography;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Automation;

/// <summary>A change a lead categorization rule may react to: a person's status set explicitly, or a sale's status.</summary>
public sealed record TriggerEvent(AutomationTrigger Kind, Person? Person, int? StatusId, int? SaleId)
{
    public bool IsStatusEvent => Kind == AutomationTrigger.LeadStatusSet;
}

/// <summary>Whether one rule fires for an event, and why not (the admin's "Test with…" box shows these).</summary>
public sealed record RuleCheck(AutomationRule Rule, bool Fires, string Reason);

/// <summary>
/// Lead categorization automation (R11, R12, R14–R16): after a triggering change, the first enabled
/// rule that fires moves the company in the same unit of work, through the lead rules (R5/R6 for its
/// persons), or proposes the move as a <see cref="Suggestion"/>. Every channel that sets a status or
/// a sale's status calls this, in the transaction of its change.
/// </summary>
public sealed class LeadAutomation(LeadwerkDbContext db, ListService lists, TimeProvider time)
{
    public static readonly TimeSpan SuggestionLifetime = TimeSpan.FromDays(14);

    private readonly List<Suggestion> _raised = [];
    private List<AutomationRule>? _rules;

    /// <summary>The suggestions raised in this unit of work, for the answer to the user who made the change.</summary>
    public IReadOnlyList<Suggestion> Raised => _raised;

    /// <summary>Runs the rules for an event on the company (tracked, with its category).</summary>
    public async Task Fire(Company company, TriggerEvent e)
    {
        // R14: a category the user sets by hand in the same change wins.
        var entry = db.Entry(company);
        entry.DetectChanges();
        if (entry.State == EntityState.Modified && entry.Property(c => c.CategoryId).IsModified)
        {
            return;
        }

        var fired = (await Evaluate(company, e)).FirstOrDefault(c => c.Fires)?.Rule;
        if (fired is null)
        {
            return;
        }

        var actor = db.Actor.Value;
        var interactive = actor.Channel is Channel.Ui or Channel.Api or Channel.Board;
        if (!fired.AskUser || (!interactive && fired.OnNonInteractive == NonInteractive.Apply))
        {
            await Apply(company, fired.TargetCategory!, Cause(fired, e, confirmed: false));
        }
        else if ((interactive || fired.OnNonInteractive == NonInteractive.Queue) && actor.UserId is { } userId)
        {
            await Suggest(company, fired, e, userId);
        }
    }

    /// <summary>Every rule that listens to this kind of event, in order, with whether it fires now and why (not).</summary>
    public async Task<List<RuleCheck>> Evaluate(Company company, TriggerEvent e)
    {
        var checks = new List<RuleCheck>();
        foreach (var rule in (await Rules()).Where(r => e.IsStatusEvent ? r.IsStatusTrigger : r.Trigger == e.Kind))
        {
            var why = await WhyNot(rule, company, e);
            checks.Add(new RuleCheck(rule, why is null, why ?? AutomationWords.Fires(rule)));
        }

        return checks;
    }

    /// <summary>A company category change a rule caused or a user confirmed, with its persons along (R5/R6, R15, R17).</summary>
    public async Task Apply(Company company, Category target, ChangeCause cause)
    {
        var persons = await PersonsOf(company);
        LeadRules.MoveCompany(company, target, persons, await lists.DefaultStatusId());
        db.Actor.Because(company, cause);

        // The person whose change triggered the rule keeps that change as its own (its channel, not automation).
        foreach (var person in persons.Where(p => !ReferenceEquals(p, cause.TriggerPerson) && (p.Id == 0 || p.Id != cause.TriggerPerson?.Id)))
        {
            db.Actor.Because(person, cause);
        }
    }

    /// <summary>R14: null when the rule fires for this event on this company, else why it does not.</summary>
    private async Task<string?> WhyNot(AutomationRule rule, Company company, TriggerEvent e)
    {
        if (!rule.Enabled)
        {
            return AutomationWords.SwitchedOff();
        }

        if (rule.IsStatusTrigger && await StatusConditionFails(rule, company, e) is { } notMet)
        {
            return notMet;
        }

        if (company.Category.Group != CategoryGroup.PotentialCustomer || (rule.IsStatusTrigger && !LeadRules.IsActive(company.Category)))
        {
            return AutomationWords.NotALead(company);
        }

        if (rule.TargetCategory is not { Deleted: false } target)
        {
            return AutomationWords.NoTarget();
        }

        if (target.Id == company.CategoryId)
        {
            return AutomationWords.AlreadyThere(target);
        }

        var verdict = LeadRules.CompanyCategoryChange(company, target.Id, target, Channel.Automation);
        return verdict.IsRefused ? verdict.Reason : null;
    }

    private async Task<string?> StatusConditionFails(AutomationRule rule, Company company, TriggerEvent e)
    {
        var wanted = rule.LeadStatusIds;
        var mine = e.StatusId is { } s && wanted.Contains(s);
        switch (rule.Trigger)
        {
            case AutomationTrigger.LeadStatusSet:
                return mine ? null : AutomationWords.StatusNotInRule();
            case AutomationTrigger.AnyPersonInStatus:
                return mine || await Others(company, e).AnyAsync(p => p.LeadStatusId != null && wanted.Contains(p.LeadStatusId.Value))
                    ? null : AutomationWords.NoPersonInStatus();
            default:
                return mine && !await Others(company, e).AnyAsync(p => p.LeadStatusId == null || !wanted.Contains(p.LeadStatusId.Value))
                    ? null : AutomationWords.NotEveryPersonInStatus();
        }
    }

    /// <summary>The company's other persons as saved; the changed one counts with its new status, saved or not.</summary>
    private IQueryable<Person> Others(Company company, TriggerEvent e)
    {
        var personId = e.Person?.Id ?? 0;
        return db.Persons.AsNoTracking().Where(p => p.CompanyId == company.Id && p.Id != personId);
    }

    /// <summary>Saved persons of the company, and those added to it in this unit of work (an import row's new person).</summary>
    private async Task<List<Person>> PersonsOf(Company company)
    {
        var saved = company.Id == 0 ? [] : await db.Persons.Where(p => p.CompanyId == company.Id).ToListAsync();
        var added = db.ChangeTracker.Entries<Person>()
            .Where(p => p.State == EntityState.Added && (p.Entity.Company == company || (company.Id != 0 && p.Entity.CompanyId == company.Id)))
            .Select(p => p.Entity);
        return [.. saved.Union(added)];
    }

    /// <summary>R16: one open suggestion per company, rule and target for the user; a repeat trigger returns the same one.</summary>
    private async Task Suggest(Company company, AutomationRule rule, TriggerEvent e, int userId)
    {
        var existing = db.Suggestions.Local.FirstOrDefault(s => s.Company == company && s.RuleId == rule.Id && s.State == SuggestionState.Open)
            ?? await db.Suggestions.FirstOrDefaultAsync(s => s.CompanyId == company.Id && s.RuleId == rule.Id && s.UserId == userId
                && s.ToCategoryId == rule.TargetCategoryId && s.State == SuggestionState.Open && s.ExpiresAt > time.GetUtcNow().UtcDateTime);
        if (existing is not null)
        {
            _raised.Add(existing);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var suggestion = new Suggestion
        {
            Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant(), UserId = userId, Company = company,
            FromCategoryId = company.CategoryId, ToCategoryId = rule.TargetCategoryId!.Value, RuleId = rule.Id, Trigger = rule.Trigger,
            TriggerStatusId = e.StatusId, TriggerSaleId = e.SaleId, CreatedAt = now, ExpiresAt = now + SuggestionLifetime,
        };
        if (e.Person is { } person)
        {
            if (db.Entry(person).State == EntityState.Added)
            {
                suggestion.TriggerPerson = person;
            }
            else
            {
                suggestion.TriggerPersonId = person.Id;
            }
        }

        db.Suggestions.Add(suggestion);
        _raised.Add(suggestion);
    }

    private static ChangeCause Cause(AutomationRule rule, TriggerEvent e, bool confirmed) =>
        new(rule.Id, rule.Trigger, e.Person, e.StatusId, e.SaleId, confirmed);

    private async Task<List<AutomationRule>> Rules() => _rules ??= await db.AutomationRules.AsNoTracking().Include(r => r.TargetCategory)
        .OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync();
}
