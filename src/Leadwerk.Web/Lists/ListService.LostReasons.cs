using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Lists;

/// <summary>The list "Lost reasons" (F16): soft delete and restore, unique names per language like R10.</summary>
public sealed partial class ListService
{
    public async Task<List<LostReason>> LostReasons(bool includeDeleted = false) =>
        await db.LostReasons.AsNoTracking().Where(r => includeDeleted || !r.Deleted)
            .OrderBy(r => r.Rank).ThenBy(r => r.Id).ToListAsync();

    public async Task<LostReason> LostReason(int id) =>
        await db.LostReasons.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) ?? throw LostReasonNotFound();

    public async Task<LostReason> CreateLostReason(LostReasonRequest request)
    {
        var reason = new LostReason { Rank = request.Rank ?? await NextRank(db.LostReasons) };
        await Apply(reason, request);
        db.LostReasons.Add(reason);
        await audit.SaveNew("list.lostReason.created", "lostReason", () => reason.Id, () => AuditChanges.Diff(null, ListAudit.Of(reason)));
        return reason;
    }

    public async Task<LostReason> UpdateLostReason(int id, LostReasonRequest request, int? expectedVersion)
    {
        var reason = await TrackedLostReason(id, expectedVersion);
        var before = ListAudit.Of(reason);
        await Apply(reason, request);
        await Record("list.lostReason.updated", "lostReason", id, before, ListAudit.Of(reason));
        await db.SaveChangesAsync();
        return reason;
    }

    /// <summary>Soft: sales that were lost for this reason keep it; it only leaves the pickers.</summary>
    public async Task DeleteLostReason(int id, int? expectedVersion)
    {
        var reason = await TrackedLostReason(id, expectedVersion);
        var before = ListAudit.Of(reason);
        reason.Deleted = true;
        await Record("list.lostReason.deleted", "lostReason", id, before, ListAudit.Of(reason));
        await db.SaveChangesAsync();
    }

    public async Task<LostReason> RestoreLostReason(int id)
    {
        var reason = await TrackedLostReason(id, null);
        if (reason.Deleted)
        {
            await EnsureUniqueLostReason(id, reason.NameEn, reason.NameNl);
            reason.Deleted = false;
            await audit.Add("list.lostReason.restored", "lostReason", id, AuditChanges.Of("deleted", true, false));
            await db.SaveChangesAsync();
        }

        return reason;
    }

    public async Task MoveLostReason(int id, bool up, bool includeDeleted = true) =>
        await Move(db.LostReasons, "lostReason", id, up, includeDeleted, r => r.Id, r => r.Deleted, r => r.Rank, (r, rank) => r.Rank = rank);

    private async Task<LostReason> TrackedLostReason(int id, int? expectedVersion)
    {
        var reason = await db.LostReasons.FirstOrDefaultAsync(r => r.Id == id) ?? throw LostReasonNotFound();
        Concurrency.Check(reason.Version, expectedVersion);
        return reason;
    }

    private async Task Apply(LostReason reason, LostReasonRequest request)
    {
        var (en, nl) = Names(request.Name, request.Names);
        Validate(en, nl, null, null).ThrowIfInvalid();
        await EnsureUniqueLostReason(reason.Id, en!, nl!);
        (reason.NameEn, reason.NameNl) = (en!, nl!);
        reason.Rank = request.Rank ?? reason.Rank;
    }

    private async Task EnsureUniqueLostReason(int id, string en, string nl) =>
        await EnsureUnique(db.LostReasons.Where(r => r.Id != id && !r.Deleted).Select(r => new { r.NameEn, r.NameNl }).ToListAsync(),
            en, nl, n => (n.NameEn, n.NameNl));

    private static DomainException LostReasonNotFound() =>
        DomainException.NotFound(L.T("The lost reason was not found.", "De reden van verlies is niet gevonden."));
}
