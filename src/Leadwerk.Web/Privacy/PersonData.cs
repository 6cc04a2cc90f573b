using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Web.Automation;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Import;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Sales;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Privacy;

/// <summary>
/// What a person's data is (B9): every table that holds a person's id or values, with how to export
/// it and how to erase it. Export, the erasure's preview and the erasure itself all go through this
/// list, so a table added here is exported and erased everywhere. Later features add their parts:
/// touches and form submissions (F11), export files kept on disk.
/// </summary>
public sealed class PersonData(LeadwerkDbContext db, SearchService search, LookupCache lookups, TimeProvider time)
{
    /// <summary>The person first, as an export reads; an erasure goes through them backwards, so the person row goes last.</summary>
    public IReadOnlyList<PersonDataPart> Parts =>
    [
        Person(),
        LeadStatusHistory(),
        CategoryHistory(),
        Sales(),
        FollowUps(),
        Assignments(),
        Touches(),
        FormSubmissions(),
        Selections(),
        Suggestions(),
        BulkUpdateItems(),
        ImportRows(),
    ];

    private PersonDataPart Person() => new("person", Erasure.Deleted, () => L.T("Person", "Persoon"),
        async k =>
        {
            var names = await lookups.Get(db);
            var row = await db.Persons.AsNoTracking().Where(p => p.Id == k.Id)
                .Select(p => new { p, Company = p.Company == null ? null : p.Company.Name, Owner = p.Owner == null ? null : p.Owner.DisplayName })
                .FirstAsync();
            var p = row.p;
            return new PersonRecord(p.Id, p.FirstName, p.LastName, p.Email, p.Phone, p.Title, p.CompanyId, row.Company, p.OwnerId, row.Owner,
                p.CategoryId, names.Category(p.CategoryId), names.Group(p.CategoryId), p.LeadStatusId, names.Status(p.LeadStatusId),
                p.LeadStatusChangedAt, p.CreatedAt, p.UpdatedAt);
        },
        k => db.Persons.CountAsync(p => p.Id == k.Id),
        k => db.Persons.Where(p => p.Id == k.Id).ExecuteDeleteAsync());

    private PersonDataPart LeadStatusHistory() => new("leadStatusHistory", Erasure.Deleted, () => L.T("Lead status history", "Leadstatushistorie"),
        async k =>
        {
            var names = await lookups.Get(db);
            var rows = await db.LeadStatusChanges.AsNoTracking().Where(h => h.PersonId == k.Id).OrderBy(h => h.At).ThenBy(h => h.Id)
                .Select(h => new { h.At, h.UserId, User = db.Users.Where(u => u.Id == h.UserId).Select(u => u.DisplayName).FirstOrDefault(), h.FromId, h.ToId, h.Channel })
                .ToListAsync();
            return rows.Select(h => new StatusChangeRecord(h.At, h.UserId, h.User, h.FromId, names.Status(h.FromId), h.ToId, names.Status(h.ToId),
                JsonNamingPolicy.CamelCase.ConvertName(h.Channel.ToString()))).ToList();
        },
        k => db.LeadStatusChanges.CountAsync(h => h.PersonId == k.Id),
        k => db.LeadStatusChanges.Where(h => h.PersonId == k.Id).ExecuteDeleteAsync());

    /// <summary>A company's category history names the person whose status change triggered a rule (R17); the company keeps its history.</summary>
    private PersonDataPart CategoryHistory() => new("categoryHistory", Erasure.Unlinked, () => L.T("Company category changes it triggered", "Categoriewijzigingen van bedrijven die het veroorzaakte"),
        async k =>
        {
            var names = await lookups.Get(db);
            var rows = await db.CompanyCategoryChanges.AsNoTracking().Where(c => c.TriggerPersonId == k.Id).OrderBy(c => c.At).ThenBy(c => c.Id)
                .Select(c => new { c.At, c.CompanyId, Company = c.Company.Name, c.FromCategoryId, c.ToCategoryId, c.RuleId, c.Trigger })
                .ToListAsync();
            return rows.Select(c => new CategoryChangeRecord(c.At, c.CompanyId, c.Company, c.FromCategoryId, names.Category(c.FromCategoryId),
                c.ToCategoryId, names.Category(c.ToCategoryId), c.RuleId, c.Trigger?.Key())).ToList();
        },
        k => db.CompanyCategoryChanges.CountAsync(c => c.TriggerPersonId == k.Id),
        k => db.CompanyCategoryChanges.Where(c => c.TriggerPersonId == k.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.TriggerPersonId, (int?)null)));

    /// <summary>A sale is its company's: it stays, without a contact person, and its version moves so an open edit of it is stale.</summary>
    private PersonDataPart Sales() => new("sales", Erasure.Unlinked, () => L.T("Sales with this person as contact", "Verkopen met deze persoon als contact"),
        async k =>
        {
            var rows = await db.Sales.AsNoTracking().Where(s => s.PersonId == k.Id).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
                .Select(s => new { s.Id, s.CompanyId, Company = s.Company.Name, s.Title, s.Amount, s.Currency, s.Status, s.CreatedAt, s.ClosedAt })
                .ToListAsync();
            return rows.Select(s => new SaleRecord(s.Id, s.CompanyId, s.Company, s.Title, s.Amount, s.Currency, s.Status.Key(), s.CreatedAt, s.ClosedAt)).ToList();
        },
        k => db.Sales.CountAsync(s => s.PersonId == k.Id),
        k =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return db.Sales.Where(s => s.PersonId == k.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.PersonId, (int?)null).SetProperty(x => x.Version, x => x.Version + 1).SetProperty(x => x.UpdatedAt, now));
        });

    /// <summary>A person's follow-ups are about the person alone: they go with it (the foreign key cascades too).</summary>
    private PersonDataPart FollowUps() => new("followUps", Erasure.Deleted, () => L.T("Follow-ups", "Vervolgacties"),
        async k =>
        {
            var rows = await db.FollowUps.AsNoTracking().Where(f => f.PersonId == k.Id).OrderBy(f => f.DueAt).ThenBy(f => f.Id)
                .Select(f => new
                {
                    f.Id, f.Type.NameEn, f.Type.NameNl, f.Title, f.DueAt, f.AllDay, f.DurationMinutes, f.OwnerId,
                    Owner = f.Owner == null ? null : f.Owner.DisplayName, f.Notes, f.CompletedAt, f.CompletedById,
                    CompletedBy = f.CompletedBy == null ? null : f.CompletedBy.DisplayName, f.Outcome, f.CreatedAt,
                })
                .ToListAsync();
            return rows.Select(f => new FollowUpRecord(f.Id, L.Pick(f.NameEn, f.NameNl)!, f.Title, f.DueAt, f.AllDay, f.DurationMinutes,
                f.OwnerId, f.Owner, f.Notes, f.CompletedAt is null ? "open" : "done", f.CompletedAt, f.CompletedById, f.CompletedBy, f.Outcome,
                f.CreatedAt)).ToList();
        },
        k => db.FollowUps.CountAsync(f => f.PersonId == k.Id),
        k => db.FollowUps.Where(f => f.PersonId == k.Id).ExecuteDeleteAsync());

    /// <summary>Why distribution gave the person its owners (R23): about the person alone, they go with it.</summary>
    private PersonDataPart Assignments() => new("assignments", Erasure.Deleted, () => L.T("Owner assignments", "Toewijzingen van eigenaren"),
        async k =>
        {
            var rows = await db.Assignments.AsNoTracking().Where(a => a.PersonId == k.Id).OrderBy(a => a.Id)
                .Select(a => new { a.At, a.UserId, User = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault(), a.RuleId, a.ReasonJson, a.UndoneAt })
                .ToListAsync();
            return rows.Select(a => new AssignmentRecord(a.At, a.UserId, a.User, a.RuleId, Distribution.DistributionService.Describe(a.ReasonJson, a.UndoneAt))).ToList();
        },
        k => db.Assignments.CountAsync(a => a.PersonId == k.Id),
        k => db.Assignments.Where(a => a.PersonId == k.Id).ExecuteDeleteAsync());

    /// <summary>Where the person came from (R21): the visits of their submissions, about them alone.</summary>
    private PersonDataPart Touches() => new("touches", Erasure.Deleted, () => L.T("Marketing touches", "Marketingaanrakingen"),
        async k => (await db.Touches.AsNoTracking().Where(t => t.PersonId == k.Id).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync())
            .Select(t => new TouchRecord(Attribution.PersonAttribution.Kind(t.Kind), t.At, t.Source, t.Medium, t.Campaign, t.Term, t.Content, t.Channel,
                t.ReferrerUrl, t.LandingUrl, t.Gclid, t.Fbclid, t.Msclkid, t.LiFatId, t.FormId)).ToList(),
        k => db.Touches.CountAsync(t => t.PersonId == k.Id),
        k => db.Touches.Where(t => t.PersonId == k.Id).ExecuteDeleteAsync());

    /// <summary>What the person sent through forms, as sent: theirs alone, so it goes with them.</summary>
    private PersonDataPart FormSubmissions() => new("formSubmissions", Erasure.Deleted, () => L.T("Form submissions", "Formulierinzendingen"),
        async k => (await db.FormSubmissions.AsNoTracking().Where(s => s.PersonId == k.Id).OrderBy(s => s.Id)
                .Select(s => new { s.FormId, Form = s.Form!.Key, s.ReceivedAt, s.Status, s.ValuesJson, s.TouchJson }).ToListAsync())
            .Select(s => new FormSubmissionRecord(s.FormId, s.Form, s.ReceivedAt, Forms.FormRules.Status(s.Status),
                System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(s.ValuesJson) ?? [], System.Text.Json.Nodes.JsonNode.Parse(s.TouchJson))).ToList(),
        k => db.FormSubmissions.CountAsync(s => s.PersonId == k.Id),
        k => db.FormSubmissions.Where(s => s.PersonId == k.Id).ExecuteDeleteAsync());

    /// <summary>Static selections hold the person as a member; a dynamic one holds it while its criteria match (exported, nothing to erase).</summary>
    private PersonDataPart Selections() => new("selections", Erasure.Deleted, () => L.T("Selections", "Selecties"),
        async k =>
        {
            var member = await db.Selections.AsNoTracking()
                .Where(s => s.Entity == Entities.Person && db.SelectionMembers.Any(m => m.SelectionId == s.Id && m.EntityId == k.Id))
                .OrderBy(s => s.Id).Select(s => new SelectionRecord(s.Id, s.Name, "static", s.Owner.DisplayName)).ToListAsync();
            var dynamic = await db.Selections.AsNoTracking().Where(s => s.Entity == Entities.Person && s.Kind == SelectionKind.Dynamic)
                .OrderBy(s => s.Id).Include(s => s.Owner).ToListAsync();
            foreach (var selection in dynamic)
            {
                if (await Matches(selection, k.Id))
                {
                    member.Add(new SelectionRecord(selection.Id, selection.Name, "dynamic", selection.Owner.DisplayName));
                }
            }

            return member;
        },
        k => Memberships(k).CountAsync(),
        k => Memberships(k).ExecuteDeleteAsync());

    /// <summary>A rule that asks first proposes a company category, naming the person whose change triggered it (R16).</summary>
    private PersonDataPart Suggestions() => new("suggestions", Erasure.Unlinked, () => L.T("Suggestions it triggered", "Suggesties die het veroorzaakte"),
        async k =>
        {
            var names = await lookups.Get(db);
            var rows = await db.Suggestions.AsNoTracking().Where(s => s.TriggerPersonId == k.Id).OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.CompanyId, Company = s.Company.Name, s.FromCategoryId, s.ToCategoryId, s.State, s.CreatedAt, s.ResolvedAt })
                .ToListAsync();
            return rows.Select(s => new SuggestionRecord(s.Id, s.CompanyId, s.Company, s.FromCategoryId, names.Category(s.FromCategoryId),
                s.ToCategoryId, names.Category(s.ToCategoryId), JsonNamingPolicy.CamelCase.ConvertName(s.State.ToString()), s.CreatedAt, s.ResolvedAt)).ToList();
        },
        k => db.Suggestions.CountAsync(s => s.TriggerPersonId == k.Id),
        k => db.Suggestions.Where(s => s.TriggerPersonId == k.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.TriggerPersonId, (int?)null)));

    /// <summary>A bulk update's items hold the person's id and its values before the run (for undo).</summary>
    private PersonDataPart BulkUpdateItems() => new("bulkUpdateItems", Erasure.Deleted, () => L.T("Bulk update rows", "Rijen van bulkwijzigingen"),
        async k =>
        {
            var rows = await (from i in db.BulkUpdateItems.AsNoTracking()
                              join b in db.BulkUpdates on i.BulkUpdateId equals b.Id
                              where b.Entity == Entities.Person && i.EntityId == k.Id
                              orderby b.Id
                              select new { b.Id, b.CreatedAt, i.State, i.Code, i.Reason, i.Before }).ToListAsync();
            return rows.Select(i => new BulkItemRecord(i.Id, i.CreatedAt, JsonNamingPolicy.CamelCase.ConvertName(i.State.ToString()),
                i.Code, i.Reason, Parse(i.Before))).ToList();
        },
        k => BulkItems(k).CountAsync(),
        k => BulkItems(k).ExecuteDeleteAsync());

    /// <summary>An import keeps each row of its file: those that wrote the person, and any that carry its e-mail address.</summary>
    private PersonDataPart ImportRows() => new("importRows", Erasure.Deleted, () => L.T("Import rows", "Importrijen"),
        async k =>
        {
            var rows = await (from r in ImportRowsOf(k)
                              join j in db.Imports on r.ImportId equals j.Id
                              orderby r.ImportId, r.Line
                              select new { r.ImportId, j.CreatedAt, r.Line, r.State, r.Values, r.Reason, r.Before }).AsNoTracking().ToListAsync();
            return rows.Select(r => new ImportRowRecord(r.ImportId, r.CreatedAt, r.Line, JsonNamingPolicy.CamelCase.ConvertName(r.State.ToString()),
                Parse(r.Values), r.Reason, Parse(r.Before))).ToList();
        },
        k => ImportRowsOf(k).CountAsync(),
        k => ImportRowsOf(k).ExecuteDeleteAsync());

    private IQueryable<SelectionMember> Memberships(PersonKey k) => db.SelectionMembers.Where(m => m.EntityId == k.Id
        && db.Selections.Any(s => s.Id == m.SelectionId && s.Entity == Entities.Person));

    private IQueryable<Bulk.BulkUpdateItem> BulkItems(PersonKey k) => db.BulkUpdateItems.Where(i => i.EntityId == k.Id
        && db.BulkUpdates.Any(b => b.Id == i.BulkUpdateId && b.Entity == Entities.Person));

    /// <summary>
    /// The rows of person imports that wrote this person, or whose values hold its e-mail address as
    /// a whole JSON string (any case; with JSON's escapes, e.g. "+" as \u002B).
    /// </summary>
    private IQueryable<ImportRow> ImportRowsOf(PersonKey k)
    {
        var rows = db.ImportRows.Where(r => db.Imports.Any(j => j.Id == r.ImportId && j.Entity == ImportFields.Person));
        if (k.Email is not { } email)
        {
            return rows.Where(r => r.EntityId == k.Id);
        }

        var plain = $"\"{email}\"".ToLowerInvariant();
        var escaped = JsonSerializer.Serialize(email).ToLowerInvariant();
        return rows.Where(r => r.EntityId == k.Id || r.Values.ToLower().Contains(plain) || r.Values.ToLower().Contains(escaped));
    }

    private async Task<bool> Matches(Selection selection, int personId)
    {
        try
        {
            return SelectionService.CriteriaOf(selection) is { } criteria
                && await search.Persons(criteria, selection.OwnerId).AnyAsync(p => p.Id == personId);
        }
        catch (DomainException)
        {
            // Saved criteria that no longer compile (a field since removed) match nobody.
            return false;
        }
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
