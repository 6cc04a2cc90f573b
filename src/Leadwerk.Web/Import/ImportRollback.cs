using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Import;

/// <summary>
/// Rolls an import back one batch at a time, last rows first: created records are removed,
/// updated ones get their previous values. A record someone changed since is left and listed.
/// A removed person's distribution turn goes back to its rule, so later leads take turns as if
/// the import had never been; its assignment line goes with it.
/// </summary>
internal static class ImportRollback
{
    /// <summary>
    /// Handles one batch of the rows before line <paramref name="before"/>; returns how many rows it handled
    /// (0 when none were left) and the lowest line it read, where the next batch continues. Walking down
    /// the key (import, line) reads each row once: a filter on the state alone made every batch pass the
    /// rows earlier batches had rolled back (quadratic in the file's rows).
    /// </summary>
    public static async Task<(int Count, int Lowest)> Batch(LeadwerkDbContext db, ImportJob job, int batchSize, int defaultStatusId, int before)
    {
        var rows = await db.ImportRows.AsNoTracking().Where(r => r.ImportId == job.Id && r.Line < before && (r.State == ImportRowState.Created || r.State == ImportRowState.Updated))
            .OrderByDescending(r => r.Line).Take(batchSize).ToListAsync();
        if (rows.Count == 0)
        {
            await RemoveCreatedCompanies(db, job);
            return (0, before);
        }

        var ids = rows.Select(r => r.EntityId!.Value).ToList();
        if (job.Entity == ImportFields.Person)
        {
            var persons = await db.Persons.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
            var removed = new List<int>();
            foreach (var row in rows)
            {
                var person = persons.GetValueOrDefault(row.EntityId!.Value);
                if (Restorable(row, person?.Version))
                {
                    if (row.State == ImportRowState.Created)
                    {
                        db.Persons.Remove(person!);
                        removed.Add(person!.Id);
                    }
                    else
                    {
                        ImportValues.Deserialize<PersonBefore>(row.Before!).Restore(person!);
                    }

                    row.State = ImportRowState.RolledBack;
                }
            }

            if (removed.Count > 0)
            {
                await Distribution.DistributionTurns.TakeBack(db, db.Assignments.Where(a => a.ImportId == job.Id && removed.Contains(a.PersonId)), null);
            }
        }
        else
        {
            await Companies(db, rows, ids, defaultStatusId);
        }

        job.RollbackSkipped += rows.Count(r => r.State == ImportRowState.RollbackSkipped);
        await db.SaveChangesAsync();
        await ImportRowWrites.Replace(db, job.Id, rows);
        await LeadHistory.MarkReverted(db, db.ChangeTracker.Entries<Persons.Person>().Select(e => e.Entity.Id).ToList());
        return (rows.Count, rows[^1].Line);
    }

    private static async Task Companies(LeadwerkDbContext db, List<ImportRow> rows, List<int> ids, int defaultStatusId)
    {
        var categories = await db.Categories.ToDictionaryAsync(c => c.Id);
        var companies = await db.Companies.Include(c => c.Category).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var persons = (await db.Persons.Where(p => p.CompanyId != null && ids.Contains(p.CompanyId.Value)).ToListAsync()).ToLookup(p => p.CompanyId!.Value);
        foreach (var row in rows)
        {
            var company = companies.GetValueOrDefault(row.EntityId!.Value);
            if (row.State == ImportRowState.Created && company is not null && persons[company.Id].Any())
            {
                Skip(row, ImportErrors.CompanyHasContacts);
                continue;
            }

            if (!Restorable(row, company?.Version))
            {
                continue;
            }

            if (row.State == ImportRowState.Created)
            {
                db.Companies.Remove(company!);
            }
            else
            {
                var before = ImportValues.Deserialize<CompanyBefore>(row.Before!);
                LeadRules.UndoCompanyMove(company!, categories[before.CategoryId], persons[company!.Id], before, defaultStatusId);
                company.OwnerId = before.OwnerId;
                (company.Name, company.Email, company.Phone, company.Website, company.Country, company.OrgNumber) =
                    (before.Name, before.Email, before.Phone, before.Website, before.Country, before.OrgNumber);
            }

            row.State = ImportRowState.RolledBack;
        }
    }

    /// <summary>Companies person rows created on the way go last, once no person is left in them and nobody edited them.</summary>
    private static async Task RemoveCreatedCompanies(LeadwerkDbContext db, ImportJob job)
    {
        var ids = await db.ImportRows.Where(r => r.ImportId == job.Id && r.CreatedCompanyId != null && r.State == ImportRowState.RolledBack)
            .Select(r => r.CreatedCompanyId!.Value).ToListAsync();
        if (ids.Count == 0)
        {
            return;
        }

        var companies = await db.Companies.Where(c => ids.Contains(c.Id) && c.Version == 1 && !db.Persons.Any(p => p.CompanyId == c.Id)).ToListAsync();
        db.Companies.RemoveRange(companies);
        await db.SaveChangesAsync();
    }

    private static bool Restorable(ImportRow row, int? currentVersion)
    {
        if (currentVersion is null || currentVersion != row.VersionAfter)
        {
            Skip(row, currentVersion is null ? ImportErrors.RecordGone : ImportErrors.ChangedSince);
            return false;
        }

        return true;
    }

    private static void Skip(ImportRow row, string code)
    {
        new RowError(code).WriteTo(row);
        row.State = ImportRowState.RollbackSkipped;
    }
}
