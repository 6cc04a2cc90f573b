using System.Text.Json;
using Leadwerk.Web.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Attribution;

/// <summary>R22: an alias turns a source value (lower-cased) or a referrer domain into the name reports group by.</summary>
public sealed record TouchAlias(string? From, string? To);

/// <summary>
/// R22: one channel rule. It holds when every condition it has holds: the source key is one of
/// <see cref="Sources"/>, the medium one of <see cref="Mediums"/>, one of <see cref="ClickIds"/> is
/// there, the visit came from a referrer. A rule with no condition holds always.
/// </summary>
public sealed record ChannelRule(string? Channel, List<string>? Sources = null, List<string>? Mediums = null, List<string>? ClickIds = null, bool? Referrer = null)
{
    public bool Holds(Touch t) =>
        (Sources is not { Count: > 0 } || (t.SourceKey is { } s && Sources.Contains(s)))
        && (Mediums is not { Count: > 0 } || (t.MediumKey is { } m && Mediums.Contains(m)))
        && (ClickIds is not { Count: > 0 } || ClickIds.Any(c => ClickId(t, c) is not null))
        && (Referrer is not { } r || (t.ReferrerDomain is not null) == r);

    public static string? ClickId(Touch t, string key) => key switch
    {
        TouchValues.Gclid => t.Gclid,
        TouchValues.Fbclid => t.Fbclid,
        TouchValues.Msclkid => t.Msclkid,
        TouchValues.LiFatId => t.LiFatId,
        _ => null,
    };
}

/// <summary>The aliases and ordered channel rules in force, and how to normalize a touch with them.</summary>
public sealed record AttributionRules(List<TouchAlias> Aliases, List<ChannelRule> ChannelRules)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Normalize(Touch touch)
    {
        var aliases = Aliases.Where(a => a.From is not null && a.To is not null).GroupBy(a => a.From!).ToDictionary(g => g.Key, g => g.First().To!);
        string? Alias(string? value) => value is null ? null : aliases.GetValueOrDefault(value, value);
        touch.SourceKey = Alias(touch.Source?.ToLowerInvariant()) ?? Alias(touch.ReferrerDomain);
        touch.MediumKey = touch.Medium?.ToLowerInvariant();
        touch.Channel = ChannelRules.FirstOrDefault(r => r.Holds(touch))?.Channel ?? Channels.Direct;
    }

    /// <summary>The rules a new database starts with: the built-in aliases and the seeded channels (Paid search, Paid social, ...).</summary>
    public static AttributionRules Seeded { get; } = new(
        [
            .. Alias("facebook", "fb", "facebook.com", "m.facebook.com", "l.facebook.com", "lm.facebook.com"),
            .. Alias("instagram", "ig", "instagram.com", "l.instagram.com"),
            .. Alias("linkedin", "li", "linkedin.com", "lnkd.in"),
            .. Alias("twitter", "tw", "twitter.com", "t.co", "x.com"),
            .. Alias("youtube", "yt", "youtube.com", "m.youtube.com"),
            .. Alias("google", "google.com", "google.nl", "google.be"),
            .. Alias("bing", "bing.com"),
            .. Alias("duckduckgo", "duckduckgo.com"),
        ],
        [
            new(Channels.PaidSocial, Mediums: ["paidsocial", "paid_social", "paid-social"]),
            new(Channels.PaidSocial, Sources: Social, Mediums: Paid),
            new(Channels.PaidSocial, ClickIds: [TouchValues.LiFatId]),
            new(Channels.PaidSearch, ClickIds: [TouchValues.Gclid, TouchValues.Msclkid]),
            new(Channels.PaidSearch, Mediums: Paid),
            new(Channels.Email, Mediums: ["email", "e-mail", "newsletter"]),
            new(Channels.OrganicSocial, Sources: Social),
            new(Channels.OrganicSocial, ClickIds: [TouchValues.Fbclid]),
            new(Channels.Offline, Mediums: ["offline", "print", "event", "qr"]),
            new(Channels.Referral, Referrer: true),
            new(Channels.Referral, Mediums: ["referral"]),
            new(Channels.Direct),
        ]);

    private static List<string> Social => ["facebook", "instagram", "linkedin", "twitter", "youtube", "tiktok", "pinterest"];

    private static List<string> Paid => ["cpc", "ppc", "paid", "paidsearch", "paid_search", "paid-search", "sem", "cpm", "paidsocial", "paid_social", "paid-social"];

    private static IEnumerable<TouchAlias> Alias(string to, params string[] from) => from.Select(f => new TouchAlias(f, to));
}

/// <summary>
/// The organisation's attribution rules (one row, id 1): the document in force, its version, and
/// the version every stored touch has been recomputed with (behind while a recompute runs).
/// </summary>
public sealed class AttributionSettings : IAuditable
{
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;
    public string RulesJson { get; set; } = "";
    public int RulesVersion { get; set; }
    public int AppliedVersion { get; set; }

    /// <summary>The progress of the recompute to <see cref="RulesVersion"/>, kept here so that every instance shows it.</summary>
    public int RecomputedTouches { get; set; }

    public int TouchesToRecompute { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public AttributionRules Rules() => JsonSerializer.Deserialize<AttributionRules>(RulesJson, AttributionRules.Json) ?? AttributionRules.Seeded;
}

public sealed class AttributionSettingsConfiguration : IEntityTypeConfiguration<AttributionSettings>
{
    public void Configure(EntityTypeBuilder<AttributionSettings> builder)
    {
        builder.ToTable("AttributionSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

/// <summary>One alias as the rules page edits it.</summary>
public sealed class AliasRow
{
    public string? From { get; set; }
    public string? To { get; set; }
}
