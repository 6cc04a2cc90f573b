using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Licensing;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Attribution;

public sealed record ClickIds(string? Gclid, string? Fbclid, string? Msclkid, string? LiFatId);

public sealed record TouchDto(
    string Kind, string? Source, string? Medium, string? Campaign, string? Term, string? Content, string? SourceKey, string? MediumKey,
    string? Channel, string? ChannelName, string? ReferrerDomain, string? LandingUrl, ClickIds ClickIds, DateTime At, int? FormId);

public sealed record CompanyAttributionDto(string? RecordSource, TouchDto? CompanySource);

public sealed record AttributionDto(string? RecordSource, TouchDto? FirstTouch, TouchDto? LeadCreation, TouchDto? LatestTouch, List<TouchDto> Conversions);

/// <summary>
/// A person's attribution (B5): where the record came from (R20) and its touches (R21) — first touch,
/// lead creation, the latest, and every conversion. The touches are Marketing Premium's.
/// </summary>
public sealed class PersonAttribution(LeadwerkDbContext db, LicenceService licences)
{
    public async Task<AttributionDto> Of(int personId)
    {
        await licences.Require(Features.UtmAttribution);
        var source = await db.Persons.Where(p => p.Id == personId).Select(p => new { p.RecordSource }).FirstOrDefaultAsync()
            ?? throw DomainException.NotFound(L.T($"Person {personId} does not exist.", $"Persoon {personId} bestaat niet."));
        var touches = (await db.Touches.AsNoTracking().Where(t => t.PersonId == personId).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync())
            .Select(ToDto).ToList();
        var visits = touches.Where(t => t.Kind is "leadCreation" or "conversion").ToList();
        return new AttributionDto(source.RecordSource, touches.FirstOrDefault(t => t.Kind == "firstTouch"), touches.FirstOrDefault(t => t.Kind == "leadCreation"),
            visits.LastOrDefault(), [.. touches.Where(t => t.Kind == "conversion")]);
    }

    /// <summary>A company's source: the visit of the submission that created it (R21), Marketing Premium's too.</summary>
    public async Task<CompanyAttributionDto> OfCompany(int companyId)
    {
        await licences.Require(Features.UtmAttribution);
        var source = await db.Companies.Where(c => c.Id == companyId).Select(c => new { c.RecordSource }).FirstOrDefaultAsync()
            ?? throw DomainException.NotFound(L.T($"Company {companyId} does not exist.", $"Bedrijf {companyId} bestaat niet."));
        var touch = await db.Touches.AsNoTracking().Where(t => t.CompanyId == companyId && t.Kind == TouchKind.CompanySource)
            .OrderBy(t => t.At).FirstOrDefaultAsync();
        return new CompanyAttributionDto(source.RecordSource, touch is null ? null : ToDto(touch));
    }

    public static string Kind(TouchKind kind) => kind switch
    {
        TouchKind.FirstTouch => "firstTouch",
        TouchKind.LeadCreation => "leadCreation",
        TouchKind.Conversion => "conversion",
        _ => "companySource",
    };

    private static TouchDto ToDto(Touch t) => new(Kind(t.Kind), t.Source, t.Medium, t.Campaign, t.Term, t.Content, t.SourceKey, t.MediumKey,
        t.Channel, t.Channel is null ? null : Channels.Name(t.Channel), t.ReferrerDomain, t.LandingUrl, new ClickIds(t.Gclid, t.Fbclid, t.Msclkid, t.LiFatId), t.At, t.FormId);
}
