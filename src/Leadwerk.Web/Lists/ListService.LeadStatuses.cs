using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Lists;

/// <summary>The list "Person – Lead status": one default that is never deleted (R9), unique names (R10).</summary>
public sealed partial class ListService
{
    public async Task<LeadStatus> CreateLeadStatus(LeadStatusRequest request)
    {
        var status = new LeadStatus { Rank = request.Rank ?? await NextRank(db.LeadStatuses) };
        await Apply(status, request);
        db.LeadStatuses.Add(status);
        await SaveWithSingleDefault(status, "list.leadStatus.created", null);
        return status;
    }

    public async Task<LeadStatus> UpdateLeadStatus(int id, LeadStatusRequest request, int? expectedVersion)
    {
        var status = await db.LeadStatuses.FirstOrDefaultAsync(s => s.Id == id) ?? throw StatusNotFound();
        Concurrency.Check(status.Version, expectedVersion);
        if (status.IsDefault && !request.IsDefault)
        {
            throw DomainException.Conflict(ErrorCodes.DefaultStatusUndeletable, L.T(
                "The list needs a default status: make another status the default instead.",
                "De lijst heeft een standaardstatus nodig: maak in plaats daarvan een andere status de standaard."), "isDefault");
        }

        var before = ListAudit.Of(status);
        await Apply(status, request);
        await SaveWithSingleDefault(status, "list.leadStatus.updated", before);
        return status;
    }

    /// <summary>R9: soft delete; the default status can never be deleted.</summary>
    public async Task DeleteLeadStatus(int id, int? expectedVersion)
    {
        var status = await db.LeadStatuses.FirstOrDefaultAsync(s => s.Id == id) ?? throw StatusNotFound();
        Concurrency.Check(status.Version, expectedVersion);
        if (status.IsDefault)
        {
            throw DomainException.Conflict(ErrorCodes.DefaultStatusUndeletable, L.T(
                $"“{status.Name}” is the default lead status and cannot be deleted. Make another status the default first.",
                $"“{status.Name}” is de standaard leadstatus en kan niet worden verwijderd. Maak eerst een andere status de standaard."));
        }

        var before = ListAudit.Of(status);
        status.Deleted = true;
        await Record("list.leadStatus.deleted", "leadStatus", id, before, ListAudit.Of(status));
        await db.SaveChangesAsync();
    }

    public async Task<LeadStatus> RestoreLeadStatus(int id)
    {
        var status = await db.LeadStatuses.FirstOrDefaultAsync(s => s.Id == id) ?? throw StatusNotFound();
        if (status.Deleted)
        {
            await EnsureUnique(db.LeadStatuses.Where(s => s.Id != id && !s.Deleted).Select(s => new { s.NameEn, s.NameNl }).ToListAsync(),
                status.NameEn, status.NameNl, n => (n.NameEn, n.NameNl));
            status.Deleted = false;
            await audit.Add("list.leadStatus.restored", "leadStatus", id, AuditChanges.Of("deleted", true, false));
            await db.SaveChangesAsync();
        }

        return status;
    }

    private async Task Apply(LeadStatus status, LeadStatusRequest request)
    {
        var (en, nl) = Names(request.Name, request.Names);
        Validate(en, nl, request.Description, request.Descriptions).ThrowIfInvalid();
        await EnsureUnique(db.LeadStatuses.Where(s => s.Id != status.Id && !s.Deleted).Select(s => new { s.NameEn, s.NameNl }).ToListAsync(),
            en!, nl!, n => (n.NameEn, n.NameNl));
        status.NameEn = en!;
        status.NameNl = nl!;
        (status.DescriptionEn, status.DescriptionNl) = Descriptions(request.Description, request.Descriptions);
        status.Rank = request.Rank ?? status.Rank;
        status.IsDefault = request.IsDefault || status.IsDefault;
        status.FunnelStep = request.FunnelStep ?? status.FunnelStep;
    }

    /// <summary>Saves the status (the only default if it is one) and its audit entry; <paramref name="before"/> is null for a new status.</summary>
    private async Task SaveWithSingleDefault(LeadStatus status, string action, Dictionary<string, object?>? before)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (status.IsDefault)
        {
            // The default must stay a non-deleted item; there is exactly one.
            status.Deleted = false;
            foreach (var other in await db.LeadStatuses.Where(s => s.IsDefault && s.Id != status.Id).ToListAsync())
            {
                other.IsDefault = false;
            }
        }

        await db.SaveChangesAsync();
        if (before is null)
        {
            await audit.Add(action, "leadStatus", status.Id, AuditChanges.Diff(null, ListAudit.Of(status)));
        }
        else
        {
            await Record(action, "leadStatus", status.Id, before, ListAudit.Of(status));
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static DomainException StatusNotFound() =>
        DomainException.NotFound(L.T("The lead status was not found.", "De leadstatus is niet gevonden."));
}
