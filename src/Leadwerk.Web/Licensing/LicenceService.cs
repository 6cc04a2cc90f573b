using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Licensing;

/// <summary>What the licence says: an edition and the features it holds (F13).</summary>
public sealed record LicenceDto(string Edition, IReadOnlyDictionary<string, bool> Features)
{
    public static LicenceDto Of(string edition) =>
        new(edition, Licensing.Features.Matrix.ToDictionary(m => m.Feature, m => Licensing.Features.In(m.Feature, edition)));
}

public sealed record LicenceRequest(string? Edition);

/// <summary>A feature the organisation's edition does not hold: 403 with the edition that has it.</summary>
public sealed class FeatureNotInEditionException(string feature, string requiredEdition) : DomainException(403, ErrorCodes.FeatureNotInEdition,
    L.T($"{Features.Name(feature)} needs the {Editions.Name(requiredEdition)} edition.",
        $"{Features.Name(feature)} vraagt de editie {Editions.Name(requiredEdition)}."))
{
    public string Feature { get; } = feature;
    public string RequiredEdition { get; } = requiredEdition;

    public override IReadOnlyDictionary<string, object?>? Extensions => new Dictionary<string, object?>
    {
        ["feature"] = Feature, ["requiredEdition"] = RequiredEdition,
    };
}

/// <summary>
/// The licence: read from its row on every gate (a change by an admin holds at once, for every
/// channel), changed only by admins, each change in the audit log.
/// </summary>
public sealed class LicenceService(LeadwerkDbContext db, AuditLog audit, LicenceState state, Cluster.ClusterSignals cluster)
{
    public async Task<string> Edition() => state.Edition =
        await db.Licences.AsNoTracking().Where(l => l.Id == Licence.TheOne).Select(l => l.Edition).FirstOrDefaultAsync() ?? Editions.SalesEssentials;

    public async Task<LicenceDto> Get() => LicenceDto.Of(await Edition());

    public async Task<bool> Has(string feature) => Features.In(feature, await Edition());

    /// <summary>Refuses, with the edition it needs, a feature the licence does not hold.</summary>
    public async Task Require(string feature)
    {
        if (!await Has(feature))
        {
            throw new FeatureNotInEditionException(feature, Features.RequiredEdition(feature));
        }
    }

    public async Task<LicenceDto> Set(LicenceRequest request, Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new DomainException(403, ErrorCodes.Forbidden, L.T("Only an administrator can change the edition.", "Alleen een beheerder kan de editie wijzigen."));
        }

        if (!Editions.Known(request.Edition))
        {
            throw DomainException.Invalid("edition", L.T($"Choose one of: {string.Join(", ", Editions.All)}.", $"Kies een van: {string.Join(", ", Editions.All)}."));
        }

        var licence = await db.Licences.SingleAsync(l => l.Id == Licence.TheOne);
        if (licence.Edition != request.Edition)
        {
            var changes = AuditChanges.Of("edition", licence.Edition, request.Edition);
            licence.Edition = request.Edition!;
            await audit.Add("licence.editionChanged", "licence", licence.Id, changes);
            await db.SaveChangesAsync();
        }

        state.Edition = licence.Edition;
        await db.SignalAfterCommit(cluster, LicenceState.Topic, licence.Edition);
        return LicenceDto.Of(licence.Edition);
    }

    /// <summary>
    /// The edition a new database starts in: <see cref="Editions.Setting"/>, else Sales Essentials. An
    /// unknown value stops the start with a message that says what is allowed.
    /// </summary>
    public static string Initial(IConfiguration config)
    {
        var configured = config[Editions.Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return Editions.SalesEssentials;
        }

        return Editions.Known(configured) ? configured
            : throw new InvalidOperationException($"{Editions.Setting} is '{configured}'; use one of: {string.Join(", ", Editions.All)}.");
    }

    /// <summary>Writes the licence row at first start; later starts keep what an admin chose.</summary>
    public static async Task<bool> EnsureRow(LeadwerkDbContext db, IConfiguration config)
    {
        var initial = Initial(config);
        if (await db.Licences.AnyAsync())
        {
            return false;
        }

        db.Licences.Add(new Licence { Edition = initial });
        await db.SaveChangesAsync();
        return true;
    }
}
