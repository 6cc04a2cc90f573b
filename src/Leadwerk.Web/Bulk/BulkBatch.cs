using System.Text.Json;
using Leadwerk.Web.Automation;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Bulk;

/// <summary>One batch of a bulk update: its records loaded together, judged by <see cref="BulkRules"/>, saved together.</summary>
internal static class BulkBatch
{
    public static async Task<List<BulkAction>> ValidateActions(LeadwerkDbContext db, string entity, List<BulkAction>? actions)
    {
        var v = new Validation();
        if (actions is not { Count: > 0 })
        {
            v.Add("actions", L.T("Give at least one action.", "Geef minstens één actie.")).ThrowIfInvalid();
        }

        var allowed = entity == Entities.Person
            ? new[] { BulkFields.PersonLeadStatus, BulkFields.PersonOwner, BulkFields.PersonFollowUp }
            : [BulkFields.CompanyCategory, BulkFields.CompanyOwner];
        for (var i = 0; i < actions!.Count; i++)
        {
            var (field, op, value) = (actions[i].Field, actions[i].Op, actions[i].Value);
            var at = $"actions[{i}]";
            if (!allowed.Contains(field) || actions.Take(i).Any(a => a.Field == field))
            {
                v.Add($"{at}.field", L.T($"Action {i + 1}: use each of {string.Join(", ", allowed)} at most once.",
                    $"Actie {i + 1}: gebruik elk van {string.Join(", ", allowed)} hoogstens één keer."));
                continue;
            }

            if (field == BulkFields.PersonFollowUp)
            {
                BulkFollowUps.CheckShape(v, actions, i);
                continue;
            }

            var clearable = field is BulkFields.PersonOwner or BulkFields.CompanyOwner;
            if (op is not ("set" or "clear") || (op == "clear" && !clearable) || (op == "set" && value is null))
            {
                v.Add($"{at}.op", clearable
                    ? L.T($"Action {i + 1}: op must be set (with a value) or clear.", $"Actie {i + 1}: op moet set (met een waarde) of clear zijn.")
                    : L.T($"Action {i + 1}: op must be set, with a value.", $"Actie {i + 1}: op moet set zijn, met een waarde."));
                continue;
            }

            var exists = op == "clear" || field switch
            {
                BulkFields.PersonLeadStatus => await db.LeadStatuses.AnyAsync(s => s.Id == value && !s.Deleted),
                BulkFields.CompanyCategory => await db.Categories.AnyAsync(c => c.Id == value && !c.Deleted),
                _ => await db.Users.AnyAsync(u => u.Id == value && !u.Disabled),
            };
            if (!exists)
            {
                v.Add($"{at}.value", L.T($"Action {i + 1}: the value does not exist or is deleted or disabled.",
                    $"Actie {i + 1}: de waarde bestaat niet of is verwijderd of uitgeschakeld."));
            }
        }

        v.ThrowIfInvalid();
        return actions;
    }

    /// <summary>The verdict for each id; an id without a record is skipped, as the run skips it.</summary>
    public static async Task<List<(int Id, Verdict Verdict)>> Judge(LeadwerkDbContext db, string entity, int[] ids, List<BulkAction> actions)
    {
        Dictionary<int, Verdict> verdicts;
        if (entity == Entities.Person)
        {
            var statuses = await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id);
            verdicts = (await db.Persons.AsNoTracking().Include(p => p.Category).Where(p => ids.Contains(p.Id)).ToListAsync())
                .ToDictionary(p => p.Id, p => BulkRules.Judge(p, actions, statuses));
        }
        else
        {
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id);
            verdicts = (await db.Companies.AsNoTracking().Include(c => c.Category).Where(c => ids.Contains(c.Id)).ToListAsync())
                .ToDictionary(c => c.Id, c => BulkRules.Judge(c, actions, categories, Channel.Bulk));
        }

        return ids.Select(id => (id, verdicts.GetValueOrDefault(id) ?? Missing())).ToList();
    }

    /// <summary>
    /// Runs the next batch of pending items after record <paramref name="after"/>; returns the last
    /// record it handled, or 0 when none were left.
    /// </summary>
    public static async Task<int> Run(LeadwerkDbContext db, LeadAutomation automation, FollowUps.UserTime clock, BulkUpdate run, List<BulkAction> actions,
        int batchSize, int defaultStatusId, DateTime now, int after)
    {
        var items = await BulkItems.Next(db, run.Id, BulkItemState.Pending, after, batchSize);
        if (items.Count == 0)
        {
            return 0;
        }

        var ids = items.Select(i => i.EntityId).ToList();
        var versions = new Dictionary<int, Func<int>>();
        var changes = new List<LeadWrites.Change>();
        if (run.Entity == Entities.Person)
        {
            // Untracked: LeadWrites writes them a few hundred at a time. The categories are a short list, read once.
            var statuses = await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id);
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id);
            var batch = BulkItems.Ids(db, run.Id, BulkItemState.Pending, items);
            var persons = await db.Persons.AsNoTracking().Where(p => batch.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
            foreach (var item in items)
            {
                if (!persons.TryGetValue(item.EntityId, out var person))
                {
                    Gone(item);
                    continue;
                }

                person.Category = person.CategoryId is { } categoryId ? categories[categoryId] : null;

                var own = BulkRules.For(item, actions);
                var read = new LeadWrites.Change(person, person.LeadStatusId, person.Version);
                Record(item, BulkRules.Judge(person, own, statuses), () =>
                {
                    changes.Add(read);
                    return BulkRules.Apply(person, own);
                });
                versions[item.EntityId] = () => person.Version;
            }
        }
        else
        {
            var categories = await db.Categories.ToDictionaryAsync(c => c.Id);
            var companies = await db.Companies.Include(c => c.Category).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
            var persons = (await db.Persons.Where(p => p.CompanyId != null && ids.Contains(p.CompanyId.Value)).ToListAsync())
                .ToLookup(p => p.CompanyId!.Value);
            var rule = run.RuleId is { } ruleId ? await db.AutomationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId) : null;
            foreach (var item in items)
            {
                if (!companies.TryGetValue(item.EntityId, out var company))
                {
                    Gone(item);
                    continue;
                }

                var verdict = BulkRules.Judge(company, actions, categories, rule is null ? Channel.Bulk : Channel.Automation);
                Record(item, verdict, () => BulkRules.Apply(company, persons[company.Id].ToList(), actions, id => categories[id], defaultStatusId));
                if (rule is not null && item.State == BulkItemState.Changed)
                {
                    // R17: the company moved because an administrator applied this rule to existing data (R18).
                    var cause = new ChangeCause(rule.Id, rule.Trigger, null, null, null);
                    foreach (var changed in persons[company.Id].Append<object>(company))
                    {
                        db.Actor.Because(changed, cause);
                    }
                }
                versions[item.EntityId] = () => VersionAfterSave(db, company);
            }
        }

        run.Done += items.Count;
        run.Changed += items.Count(i => i.State == BulkItemState.Changed);
        run.Skipped += items.Count(i => i.State == BulkItemState.Skipped);

        // Persons first, one UPDATE per group that changes the same way; then their versions are
        // known for the items. Companies (tracked) are saved with the history rows and the counters,
        // their versions predicted as the audit interceptor will stamp them.
        await LeadWrites.Save(db, changes, now);
        foreach (var item in items.Where(i => i.State == BulkItemState.Changed))
        {
            item.VersionAfter = versions[item.EntityId]();
        }

        await FireRules(db, automation, changes);
        await Distribution.RebalanceLog.Moved(db, clock, actions, run.Id, items, now);
        await BulkItems.WriteOutcomes(db, run.Id, items);
        await db.SaveChangesAsync();
        return items[^1].EntityId;
    }

    /// <summary>
    /// R11/R15: each status the run set lets the lead categorization rules look at the person's
    /// company, in the batch's transaction. A company a rule moves carries its persons along, so
    /// their undo is then skipped as "changed since" rather than undoing the rule's move.
    /// </summary>
    private static async Task FireRules(LeadwerkDbContext db, LeadAutomation automation, List<LeadWrites.Change> changes)
    {
        var moved = changes.Where(c => c.FromStatusId != c.Person.LeadStatusId && c.Person.CompanyId is not null).ToList();
        if (moved.Count == 0 || !await db.AutomationRules.AnyAsync(r => r.Enabled))
        {
            return;
        }

        var companyIds = moved.Select(c => c.Person.CompanyId!.Value).Distinct().ToList();
        var companies = await db.Companies.Include(c => c.Category).Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        foreach (var change in moved)
        {
            await automation.Fire(companies[change.Person.CompanyId!.Value],
                new TriggerEvent(AutomationTrigger.LeadStatusSet, change.Person, change.Person.LeadStatusId, null));
        }
    }

    private static int VersionAfterSave<T>(LeadwerkDbContext db, T entity) where T : class, IAuditable
    {
        var entry = db.Entry(entity);
        entry.DetectChanges();
        return entry.State == EntityState.Modified ? entry.Property(e => e.Version).OriginalValue + 1 : entity.Version;
    }

    /// <summary>Undoes the next batch of changed items after record <paramref name="after"/>; returns the last one, or 0 when none were left.</summary>
    public static async Task<int> Undo(LeadwerkDbContext db, BulkUpdate run, int batchSize, int defaultStatusId, DateTime now, int after)
    {
        var items = await BulkItems.Next(db, run.Id, BulkItemState.Changed, after, batchSize);
        if (items.Count == 0)
        {
            return 0;
        }

        var ids = items.Select(i => i.EntityId).ToList();
        var changes = new List<LeadWrites.Change>();
        List<int>? companyPersons = null;
        if (run.Entity == Entities.Person)
        {
            var batch = BulkItems.Ids(db, run.Id, BulkItemState.Changed, items);
            var persons = await db.Persons.AsNoTracking().Where(p => batch.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
            foreach (var item in items)
            {
                if (!Restorable(item, persons.GetValueOrDefault(item.EntityId)?.Version, run.Entity))
                {
                    continue;
                }

                var before = JsonSerializer.Deserialize<PersonBefore>(item.Before!)!;
                var person = persons[item.EntityId];
                changes.Add(new LeadWrites.Change(person, person.LeadStatusId, person.Version, before.LeadStatusChangedAt));
                LeadRules.Restore(person, new StatusBefore(before.LeadStatusId, before.LeadStatusChangedAt));
                person.OwnerId = before.OwnerId;
            }
        }
        else
        {
            var categories = await db.Categories.ToDictionaryAsync(c => c.Id);
            var companies = await db.Companies.Include(c => c.Category).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
            var persons = (await db.Persons.Where(p => p.CompanyId != null && ids.Contains(p.CompanyId.Value)).ToListAsync())
                .ToLookup(p => p.CompanyId!.Value);
            companyPersons = persons.SelectMany(g => g).Select(p => p.Id).ToList();
            foreach (var item in items)
            {
                if (!Restorable(item, companies.GetValueOrDefault(item.EntityId)?.Version, run.Entity))
                {
                    continue;
                }

                var before = JsonSerializer.Deserialize<CompanyBefore>(item.Before!)!;
                var company = companies[item.EntityId];
                LeadRules.UndoCompanyMove(company, categories[before.CategoryId], persons[company.Id], before, defaultStatusId);
                company.OwnerId = before.OwnerId;
            }
        }

        run.UndoSkipped += items.Count(i => i.State == BulkItemState.UndoSkipped);
        await LeadWrites.Save(db, changes, now);
        await Distribution.RebalanceLog.Undone(db, run, items, now);
        await BulkItems.WriteOutcomes(db, run.Id, items);
        await db.SaveChangesAsync();
        // The persons put back are read from the batch's items, now written as undone.
        await (companyPersons is null
            ? LeadHistory.MarkReverted(db, BulkItems.Ids(db, run.Id, BulkItemState.Undone, items))
            : LeadHistory.MarkReverted(db, companyPersons));
        return items[^1].EntityId;
    }

    /// <summary>A record can be put back only if nobody changed it after the run; otherwise it is listed, not overwritten.</summary>
    private static bool Restorable(BulkUpdateItem item, int? currentVersion, string entity)
    {
        if (currentVersion is null || currentVersion != item.VersionAfter)
        {
            item.State = BulkItemState.UndoSkipped;
            item.Code = currentVersion is null ? ErrorCodes.NotFound : ErrorCodes.ConcurrencyConflict;
            item.Reason = currentVersion is null ? L.T("The record no longer exists.", "Het record bestaat niet meer.") : BulkRules.Undoable(entity);
            return false;
        }

        item.State = BulkItemState.Undone;
        return true;
    }

    private static void Record(BulkUpdateItem item, Verdict verdict, Func<string> apply)
    {
        switch (verdict.Outcome)
        {
            case Outcome.Change:
                item.Before = apply();
                item.State = BulkItemState.Changed;
                break;
            case Outcome.Unchanged:
                item.State = BulkItemState.Unchanged;
                break;
            default:
                item.State = BulkItemState.Skipped;
                item.Code = verdict.Code;
                item.Reason = Truncate(verdict.Reason);
                break;
        }
    }

    private static void Gone(BulkUpdateItem item) => Record(item, Missing(), () => "");

    private static Verdict Missing() =>
        new(Outcome.Skip, ErrorCodes.NotFound, L.T("The record does not exist (any more).", "Het record bestaat niet (meer)."));

    private static string? Truncate(string? text) => text is { Length: > 500 } ? text[..500] : text;
}
