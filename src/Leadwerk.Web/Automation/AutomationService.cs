using Leadwerk.Web.Audit;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Sales;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Automation;

/// <summary>Admin › Automation › Lead categorization (F10): the ordered rules, their preview and application to existing data (R18), and a dry test.</summary>
public sealed class AutomationService(LeadwerkDbContext db, LeadAutomation automation, BulkService bulk, AuditLog audit)
{
    public const int MaxRules = 100;
    private const int PreviewListed = 20;

    public async Task<RuleSet> Get()
    {
        var statuses = await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var rules = await db.AutomationRules.AsNoTracking().Include(r => r.TargetCategory).OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync();
        return new RuleSet([.. rules.Select(r => new RuleDto(r.Id, r.Order, r.Enabled, r.Trigger.Key(), r.LeadStatusIds, r.TargetCategoryId,
            r.AskUser, r.OnNonInteractive.Key(), AutomationWords.RuleName(r, statuses)))]);
    }

    /// <summary>Replaces the whole list: rules without id are added, listed ones changed, the rest removed; 422 lists every problem at once.</summary>
    public async Task<RuleSet> Put(RuleSet? set)
    {
        var requested = set?.Rules ?? throw DomainException.Invalid("rules", L.T("Give the list of rules.", "Geef de lijst met regels."));
        var existing = await db.AutomationRules.ToDictionaryAsync(r => r.Id);
        var before = existing.Values.Select(Audited).ToDictionary();
        var statuses = await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var v = new Validation();
        if (requested.Count > MaxRules)
        {
            v.Add("rules", L.T($"At most {MaxRules} rules.", $"Hoogstens {MaxRules} regels.")).ThrowIfInvalid();
        }

        var kept = new List<AutomationRule>();
        foreach (var (dto, i) in requested.Select((r, i) => (r, i)).OrderBy(x => x.r?.Order ?? int.MaxValue).ThenBy(x => x.i))
        {
            var at = $"rules[{i}]";
            if (dto is null)
            {
                v.Add(at, L.T($"Rule {i + 1} is empty.", $"Regel {i + 1} is leeg."));
                continue;
            }

            var rule = dto.Id is { } id ? existing.GetValueOrDefault(id) : new AutomationRule();
            if (rule is null || kept.Contains(rule))
            {
                v.Add($"{at}.id", L.T($"Rule {i + 1}: there is no rule {dto.Id} (or it is listed twice).", $"Regel {i + 1}: regel {dto.Id} bestaat niet (of staat er twee keer in)."));
                continue;
            }

            if (Check(v, at, i, dto, statuses, categories) is { } valid)
            {
                (rule.Enabled, rule.Trigger, rule.LeadStatusIds, rule.TargetCategoryId, rule.AskUser, rule.OnNonInteractive) = valid;
                rule.Order = kept.Count + 1;
                kept.Add(rule);
            }
        }

        v.ThrowIfInvalid();
        db.AutomationRules.RemoveRange(existing.Values.Except(kept));
        db.AutomationRules.AddRange(kept.Where(r => r.Id == 0));

        // New rules get their ids from the insert; the entry, which names them, follows in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        var changes = AuditChanges.Diff(before, kept.Select(Audited).ToDictionary());
        if (!changes.IsEmpty)
        {
            await audit.Add("automation.rules.updated", "automationRules", null, changes);
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return await Get();
    }

    /// <summary>R18: the companies the rule would move now, were it applied to existing data.</summary>
    public async Task<RulePreview> Preview(int ruleId)
    {
        var rule = await Rule(ruleId);
        var matches = Matches(rule);
        var listed = await matches.OrderBy(c => c.NameKey).ThenBy(c => c.Id).Take(PreviewListed)
            .Select(c => new { c.Id, c.Name, c.Category }).ToListAsync();
        return new RulePreview(rule.Id, await Name(rule), await matches.CountAsync(),
            [.. listed.Select(c => new PreviewCompany(c.Id, c.Name, c.Category.Name))]);
    }

    /// <summary>R18: applies the rule to the companies it matches now as a bulk update: progress, cancel and undo come with it.</summary>
    public async Task<BulkStatus> Apply(int ruleId, Actor user)
    {
        var rule = await Rule(ruleId);
        var ids = await Matches(rule).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        if (ids.Count == 0)
        {
            throw DomainException.Conflict(ErrorCodes.BulkNotRunning, L.T(
                "The rule matches no company now; there is nothing to apply.", "De regel past nu op geen enkel bedrijf; er is niets toe te passen."));
        }

        var started = await bulk.Start(new BulkRequest(new BulkTarget(null, null, Entities.Company, ids),
            [new BulkAction(BulkFields.CompanyCategory, "set", rule.TargetCategoryId)], false), user, rule.Id);

        // The run is queued in its own transaction (BulkService.Start); the entry names it once it exists.
        await audit.Add("automation.rule.applied", "automationRule", rule.Id, AuditChanges.Of("bulkUpdateId", null, started.Id));
        await db.SaveChangesAsync();
        return started;
    }

    /// <summary>A rule as the audit log records it: "rules.{id}" → its settings, so the entry shows each rule added, changed or removed.</summary>
    private static KeyValuePair<string, object?> Audited(AutomationRule r) => new($"rules.{r.Id}", new Dictionary<string, object?>
    {
        ["order"] = r.Order, ["enabled"] = r.Enabled, ["trigger"] = r.Trigger.Key(), ["leadStatusIds"] = r.LeadStatusIds,
        ["targetCategoryId"] = r.TargetCategoryId, ["askUser"] = r.AskUser, ["onNonInteractive"] = r.OnNonInteractive.Key(),
    });

    /// <summary>The "Test with…" box: what the rules would do if this person got this status now; nothing is saved.</summary>
    public async Task<RuleTestResult> Test(RuleTestRequest request)
    {
        var person = await db.Persons.AsNoTracking().Include(p => p.Category).Include(p => p.Company).ThenInclude(c => c!.Category)
            .FirstOrDefaultAsync(p => p.Id == request.PersonId) ?? throw DomainException.Invalid("personId", L.T("The person does not exist.", "De persoon bestaat niet."));
        var status = await db.LeadStatuses.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.LeadStatusId);
        if (person.Company is not { } company)
        {
            return new RuleTestResult(false, null, null, null, false, L.T(
                "The person has no company; rules move companies only.", "De persoon heeft geen bedrijf; regels verplaatsen alleen bedrijven."), []);
        }

        var verdict = LeadRules.StatusChange(person.Category, null, request.LeadStatusId, status);
        if (verdict.IsRefused)
        {
            return new RuleTestResult(false, null, null, null, false, verdict.Reason!, []);
        }

        var checks = await automation.Evaluate(company, new TriggerEvent(AutomationTrigger.LeadStatusSet, person, request.LeadStatusId, null));
        var statuses = await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var results = checks.Select(c => new RuleTestCheck(c.Rule.Id, AutomationWords.RuleName(c.Rule, statuses), c.Fires, c.Reason)).ToList();
        var fired = checks.FirstOrDefault(c => c.Fires)?.Rule;
        return fired is null
            ? new RuleTestResult(false, null, null, null, false, L.T("No rule would fire.", "Geen regel zou afgaan."), results)
            : new RuleTestResult(true, fired.Id, AutomationWords.RuleName(fired, statuses), fired.TargetCategoryId, fired.AskUser,
                L.T($"Rule “{AutomationWords.RuleName(fired, statuses)}” would fire first.", $"Regel “{AutomationWords.RuleName(fired, statuses)}” zou als eerste afgaan."), results);
    }

    /// <summary>R14 as a query: the companies a rule would move if it fired for them now.</summary>
    private IQueryable<Company> Matches(AutomationRule rule)
    {
        var target = rule.TargetCategoryId;
        var ids = rule.LeadStatusIds.ToList();
        var companies = db.Companies.Where(c => c.Category.Group == CategoryGroup.PotentialCustomer && c.CategoryId != target);
        if (rule.IsStatusTrigger)
        {
            companies = companies.Where(c => c.Category.LeadStatusEnabled);
        }

        return rule.Trigger switch
        {
            AutomationTrigger.LeadStatusSet or AutomationTrigger.AnyPersonInStatus => companies.Where(c =>
                db.Persons.Any(p => p.CompanyId == c.Id && p.LeadStatusId != null && ids.Contains(p.LeadStatusId.Value))),
            AutomationTrigger.AllPersonsInStatus => companies.Where(c => db.Persons.Any(p => p.CompanyId == c.Id)
                && !db.Persons.Any(p => p.CompanyId == c.Id && (p.LeadStatusId == null || !ids.Contains(p.LeadStatusId.Value)))),
            AutomationTrigger.SaleRegistered => companies.Where(c => db.Sales.Any(s => s.CompanyId == c.Id)),
            AutomationTrigger.SaleSold => companies.Where(c => db.Sales.Any(s => s.CompanyId == c.Id && s.Status == SaleStatus.Sold)),
            _ => companies.Where(c => db.Sales.Any(s => s.CompanyId == c.Id && s.Status == SaleStatus.Lost)),
        };
    }

    private async Task<AutomationRule> Rule(int id)
    {
        var rule = await db.AutomationRules.AsNoTracking().Include(r => r.TargetCategory).FirstOrDefaultAsync(r => r.Id == id)
            ?? throw DomainException.NotFound(L.T("The rule was not found.", "De regel is niet gevonden."));
        return rule.TargetCategory is { Deleted: false } ? rule : throw DomainException.Conflict(ErrorCodes.InvalidCriteria, AutomationWords.NoTarget());
    }

    private async Task<string> Name(AutomationRule rule) =>
        AutomationWords.RuleName(rule, await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id));

    private static (bool, AutomationTrigger, IReadOnlyList<int>, int?, bool, NonInteractive)? Check(
        Validation v, string at, int i, RuleDto dto, Dictionary<int, LeadStatus> statuses, Dictionary<int, Category> categories)
    {
        var before = v.Count;
        var problems = v;
        var trigger = AutomationTriggers.FromKey(dto.Trigger);
        if (trigger is null)
        {
            problems.Add($"{at}.trigger", L.T(
                $"Rule {i + 1}: trigger must be leadStatusSet, saleRegistered, saleSold, saleLost, allPersonsInStatus or anyPersonInStatus.",
                $"Regel {i + 1}: trigger moet leadStatusSet, saleRegistered, saleSold, saleLost, allPersonsInStatus of anyPersonInStatus zijn."));
        }

        var statusIds = dto.LeadStatusIds ?? [];
        var statusTrigger = trigger is AutomationTrigger.LeadStatusSet or AutomationTrigger.AllPersonsInStatus or AutomationTrigger.AnyPersonInStatus;
        if (statusTrigger && (statusIds.Count == 0 || statusIds.Count > 50 || statusIds.Any(s => statuses.GetValueOrDefault(s) is not { Deleted: false })))
        {
            problems.Add($"{at}.leadStatusIds", L.T($"Rule {i + 1}: pick one or more lead statuses that exist.", $"Regel {i + 1}: kies een of meer bestaande leadstatussen."));
        }
        else if (!statusTrigger && statusIds.Count > 0)
        {
            problems.Add($"{at}.leadStatusIds", L.T($"Rule {i + 1}: a sale trigger takes no lead statuses.", $"Regel {i + 1}: een verkooptrigger heeft geen leadstatussen."));
        }

        if (dto.TargetCategoryId is { } target ? categories.GetValueOrDefault(target) is not { Deleted: false } : dto.Enabled)
        {
            problems.Add($"{at}.targetCategoryId", L.T(
                $"Rule {i + 1}: an enabled rule needs a target category that exists and is not deleted.",
                $"Regel {i + 1}: een actieve regel heeft een bestaande, niet verwijderde doelcategorie nodig."));
        }

        var onNonInteractive = dto.OnNonInteractive is null ? NonInteractive.Apply : AutomationTriggers.NonInteractiveFromKey(dto.OnNonInteractive);
        if (onNonInteractive is null)
        {
            problems.Add($"{at}.onNonInteractive", L.T($"Rule {i + 1}: onNonInteractive must be apply, queue or skip.", $"Regel {i + 1}: onNonInteractive moet apply, queue of skip zijn."));
        }

        return v.Count > before ? null : (dto.Enabled, trigger!.Value, statusIds, dto.TargetCategoryId, dto.AskUser, onNonInteractive!.Value);
    }
}
