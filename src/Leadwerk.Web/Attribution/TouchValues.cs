using System.Text;
using Leadwerk.Web.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace Leadwerk.Web.Attribution;

/// <summary>
/// The touch keys a submission may carry, cleaned (R21) and normalized with a channel (R22). Where a
/// UTM value is missing but the landing page's address carries it, the address is read.
/// </summary>
public static class TouchValues
{
    public const int MaxLength = 255;
    public const int UrlMaxLength = 2000;

    public const string UtmSource = "utm_source", UtmMedium = "utm_medium", UtmCampaign = "utm_campaign", UtmTerm = "utm_term", UtmContent = "utm_content";
    public const string Gclid = "gclid", Fbclid = "fbclid", Msclkid = "msclkid", LiFatId = "li_fat_id", Referrer = "referrer", LandingUrl = "landingUrl";

    public static IReadOnlyList<string> Keys { get; } =
        [UtmSource, UtmMedium, UtmCampaign, UtmTerm, UtmContent, Gclid, Fbclid, Msclkid, LiFatId, Referrer, LandingUrl];

    /// <summary>Whether any touch value is there at all (a submission from a bookmark has none).</summary>
    public static bool Any(IReadOnlyDictionary<string, string?> values) => Keys.Any(k => !string.IsNullOrEmpty(values.GetValueOrDefault(k)));

    public static Touch Build(IReadOnlyDictionary<string, string?> values, TouchKind kind, DateTime at, AttributionRules rules)
    {
        var landing = Url(values.GetValueOrDefault(LandingUrl));
        var query = landing is not null && Uri.TryCreate(landing, UriKind.Absolute, out var uri) ? QueryHelpers.ParseQuery(uri.Query) : null;
        string? Value(string key) => Clean(values.GetValueOrDefault(key)) ?? Clean(query?.GetValueOrDefault(key).ToString());
        var referrer = Url(values.GetValueOrDefault(Referrer));
        var touch = new Touch
        {
            Kind = kind, At = at,
            Source = Value(UtmSource), Medium = Value(UtmMedium), Campaign = Value(UtmCampaign), Term = Value(UtmTerm), Content = Value(UtmContent),
            Gclid = Value(Gclid), Fbclid = Value(Fbclid), Msclkid = Value(Msclkid), LiFatId = Value(LiFatId),
            ReferrerUrl = referrer, ReferrerDomain = Domains.Of(referrer), LandingUrl = landing,
        };
        rules.Normalize(touch);
        return touch;
    }

    /// <summary>Control characters out, trimmed, at most 255 characters; empty is none.</summary>
    public static string? Clean(string? value, int max = MaxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = new StringBuilder(Math.Min(value.Length, max));
        foreach (var c in value.Trim())
        {
            if (!char.IsControl(c))
            {
                text.Append(c);
            }
        }

        var clean = text.ToString().Trim();
        return clean.Length == 0 ? null : clean.Length > max ? clean[..max] : clean;
    }

    private static string? Url(string? value) => Clean(value, UrlMaxLength);
}

/// <summary>The channels a touch is given by the channel rules (R22, <see cref="AttributionRules"/>).</summary>
public static class Channels
{
    public const string PaidSearch = "paidSearch", PaidSocial = "paidSocial", OrganicSocial = "organicSocial", Email = "email",
        Referral = "referral", Offline = "offline", Direct = "direct";

    public static IReadOnlyList<string> All { get; } = [PaidSearch, PaidSocial, OrganicSocial, Email, Referral, Offline, Direct];

    public static string Name(string? channel) => channel switch
    {
        PaidSearch => L.T("Paid search", "Betaald zoeken"),
        PaidSocial => L.T("Paid social", "Betaalde social"),
        OrganicSocial => L.T("Organic social", "Organische social"),
        Email => L.T("Email", "E-mail"),
        Referral => L.T("Referral", "Verwijzing"),
        Offline => L.T("Offline", "Offline"),
        Direct => L.T("Direct", "Direct"),
        null => "",
        _ => channel,
    };
}

/// <summary>Domains of web addresses: lower-cased host without "www.", for matching companies and referrers.</summary>
public static class Domains
{
    public static string? Of(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var text = address.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.'))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant().TrimEnd('.');
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>The domain of an e-mail address, unless it is a mailbox anyone can have.</summary>
    public static string? OfEmail(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        var domain = at < 0 ? null : Of(email![(at + 1)..]);
        return domain is null || FreeMail.Contains(domain) ? null : domain;
    }

    private static readonly HashSet<string> FreeMail =
    [
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.nl", "outlook.com", "live.com", "live.nl", "msn.com", "yahoo.com", "yahoo.nl",
        "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "ziggo.nl", "kpnmail.nl", "planet.nl", "home.nl",
        "xs4all.nl", "telenet.be", "skynet.be", "web.de", "mail.com",
    ];
}
