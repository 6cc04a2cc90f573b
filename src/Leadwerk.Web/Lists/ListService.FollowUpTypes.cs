using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Leadwerk.Web.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Lists;

/// <summary>The list "Follow-up types" (F15): soft delete and restore, unique names per language like R10.</summary>
public sealed partial class ListService
{
    public async Task<List<FollowUpType>> FollowUpTypes(bool includeDeleted = false) =>
        await db.FollowUpTypes.AsNoTracking().Where(r => includeDeleted || !r.Deleted)
            .OrderBy(r => r.Rank).ThenBy(r => r.Id).ToListAsync();

    public async Task<FollowUpType> FollowUpType(int id) =>
        await db.FollowUpTypes.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) ?? throw FollowUpTypeNotFound();

    public async Task<FollowUpType> CreateFollowUpType(FollowUpTypeRequest request)
    {
        var reason = new FollowUpType { Rank = request.Rank ?? await NextRank(db.FollowUpTypes) };
        await Apply(reason, request);
        db.FollowUpTypes.Add(reason);
        await audit.SaveNew("list.followUpType.created", "followUpType", () => reason.Id, () => AuditChanges.Diff(null, ListAudit.Of(reason)));
        return reason;
    }

    public async Task<FollowUpType> UpdateFollowUpType(int id, FollowUpTypeRequest request, int? expectedVersion)
    {
        var reason = await TrackedFollowUpType(id, expectedVersion);
        var before = ListAudit.Of(reason);
        await Apply(reason, request);
        await Record("list.followUpType.updated", "followUpType", id, before, ListAudit.Of(reason));
        await db.SaveChangesAsync();
        return reason;
    }

    /// <summary>Soft: follow-ups of this type keep it; it only leaves the pickers.</summary>
    public async Task DeleteFollowUpType(int id, int? expectedVersion)
    {
        var reason = await TrackedFollowUpType(id, expectedVersion);
        var before = ListAudit.Of(reason);
        reason.Deleted = true;
        await Record("list.followUpType.deleted", "followUpType", id, before, ListAudit.Of(reason));
        await db.SaveChangesAsync();
    }

    public async Task<FollowUpType> RestoreFollowUpType(int id)
    {
        var reason = await TrackedFollowUpType(id, null);
        if (reason.Deleted)
        {
            await EnsureUniqueFollowUpType(id, reason.NameEn, reason.NameNl);
            reason.Deleted = false;
            await audit.Add("list.followUpType.restored", "followUpType", id, AuditChanges.Of("deleted", true, false));
            await db.SaveChangesAsync();
        }

        return reason;
    }

    public async Task MoveFollowUpType(int id, bool up, bool includeDeleted = true) =>
        await Move(db.FollowUpTypes, "followUpType", id, up, includeDeleted, r => r.Id, r => r.Deleted, r => r.Rank, (r, rank) => r.Rank = rank);

    private async Task<FollowUpType> TrackedFollowUpType(int id, int? expectedVersion)
    {
        var reason = await db.FollowUpTypes.FirstOrDefaultAsync(r => r.Id == id) ?? throw FollowUpTypeNotFound();
        Concurrency.Check(reason.Version, expectedVersion);
        return reason;
    }

    private async Task Apply(FollowUpType reason, FollowUpTypeRequest request)
    {
        var (en, nl) = Names(request.Name, request.Names);
        Validate(en, nl, null, null).ThrowIfInvalid();
        await EnsureUniqueFollowUpType(reason.Id, en!, nl!);
        (reason.NameEn, reason.NameNl) = (en!, nl!);
        reason.Rank = request.Rank ?? reason.Rank;
    }

    private async Task EnsureUniqueFollowUpType(int id, string en, string nl) =>
        await EnsureUnique(db.FollowUpTypes.Where(r => r.Id != id && !r.Deleted).Select(r => new { r.NameEn, r.NameNl }).ToListAsync(),
            en, nl, n => (n.NameEn, n.NameNl));

    private static DomainException FollowUpTypeNotFound() =>
        DomainException.NotFound(L.T("The follow-up type was not found.", "De soort vervolgactie is niet gevonden."));
}
