using System.Text.Json;
using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Licensing;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Attribution;

public sealed record AttributionRulesRequest(List<TouchAlias>? Aliases, List<ChannelRule>? ChannelRules);

public sealed record ChannelChoice(string Key, string Name);

public sealed record RecomputeProgress(bool Running, int Done, int Total);

public sealed record AttributionRulesDto(List<TouchAlias> Aliases, List<ChannelRule> ChannelRules, IReadOnlyList<ChannelChoice> Channels,
    IReadOnlyList<string> ClickIds, int RulesVersion, int AppliedVersion, RecomputeProgress Recompute);

/// <summary>How many stored touches a change would give another value: in total, and per channel and source move.</summary>
public sealed record RecomputePreview(int Touches, int Changed, List<ValueShift> Channels, List<ValueShift> Sources);

public sealed record ValueShift(string? From, string? To, int Count);

/// <summary>
/// R22's aliases and channel rules, edited by admins (Marketing Premium). A change is previewed
/// against every stored touch, then saved and applied to them by <see cref="TouchRecompute"/>.
/// </summary>
public sealed class AttributionRulesService(LeadwerkDbContext db, LicenceService licences, AttributionRulesCache cache, TouchRecompute recompute, AuditLog audit,
    Cluster.ClusterSignals cluster)
{
    private const int MaxAliases = 1000, MaxRules = 100, MaxValues = 100;

    public async Task<AttributionRulesDto> Get()
    {
        await licences.Require(Features.UtmAttribution);
        var settings = await AttributionRulesCache.Row(db);
        var rules = settings.Rules();
        return new AttributionRulesDto(rules.Aliases, rules.ChannelRules, [.. Channels.All.Select(c => new ChannelChoice(c, Channels.Name(c)))],
            ClickIdKeys, settings.RulesVersion, settings.AppliedVersion,
            new RecomputeProgress(settings.AppliedVersion < settings.RulesVersion, settings.RecomputedTouches, settings.TouchesToRecompute));
    }

    public async Task<RecomputePreview> Preview(AttributionRulesRequest request)
    {
        await licences.Require(Features.UtmAttribution);
        var rules = Check(request);
        var (touches, changed) = (0, 0);
        var channels = new Dictionary<(string?, string?), int>();
        var sources = new Dictionary<(string?, string?), int>();
        // Streamed, untracked: every stored touch once, nothing written.
        await foreach (var t in db.Touches.AsNoTracking().OrderBy(t => t.Id).AsAsyncEnumerable())
        {
            touches++;
            var (channel, source, medium) = (t.Channel, t.SourceKey, t.MediumKey);
            rules.Normalize(t);
            if (t.Channel == channel && t.SourceKey == source && t.MediumKey == medium)
            {
                continue;
            }

            changed++;
            Count(channels, (channel, t.Channel), t.Channel != channel);
            Count(sources, (source, t.SourceKey), t.SourceKey != source);
        }

        static List<ValueShift> Top(Dictionary<(string?, string?), int> shifts) =>
            [.. shifts.OrderByDescending(s => s.Value).Take(20).Select(s => new ValueShift(s.Key.Item1, s.Key.Item2, s.Value))];
        return new RecomputePreview(touches, changed, Top(channels), Top(sources));
    }

    public async Task<AttributionRulesDto> Save(AttributionRulesRequest request, Actor actor)
    {
        await licences.Require(Features.UtmAttribution);
        var rules = Check(request);
        var settings = await db.AttributionSettings.SingleAsync(s => s.Id == AttributionSettings.TheOne);
        var json = JsonSerializer.Serialize(rules, AttributionRules.Json);
        if (json != settings.RulesJson)
        {
            settings.RulesJson = json;
            settings.RulesVersion++;
            settings.RecomputedTouches = 0;
            await audit.Add("attribution.rulesChanged", "attributionSettings", settings.Id,
                AuditChanges.Of("rulesVersion", settings.RulesVersion - 1, settings.RulesVersion));
            await db.SaveChangesAsync();
            cache.Set(rules);
            await db.SignalAfterCommit(cluster, AttributionRulesCache.Topic);
            recompute.Start();
        }

        return await Get();
    }

    public static IReadOnlyList<string> ClickIdKeys { get; } = [TouchValues.Gclid, TouchValues.Fbclid, TouchValues.Msclkid, TouchValues.LiFatId];

    private static void Count(Dictionary<(string?, string?), int> counts, (string?, string?) key, bool moved)
    {
        if (moved)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Every wrong value named; values lower-cased and trimmed as touches are compared.</summary>
    private static AttributionRules Check(AttributionRulesRequest request)
    {
        var v = new Validation();
        var aliases = request.Aliases ?? [];
        var rules = request.ChannelRules ?? [];
        if (aliases.Count > MaxAliases)
        {
            v.Add("aliases", L.T($"At most {MaxAliases} aliases.", $"Hoogstens {MaxAliases} aliassen."));
        }

        if (rules.Count is 0 or > MaxRules)
        {
            v.Add("channelRules", L.T($"Give 1 to {MaxRules} channel rules.", $"Geef 1 tot {MaxRules} kanaalregels."));
        }

        static string? Key(string? value) => TouchValues.Clean(value)?.ToLowerInvariant();
        var seen = new HashSet<string>();
        var cleanAliases = new List<TouchAlias>();
        for (var i = 0; i < aliases.Count; i++)
        {
            var (from, to) = (Key(aliases[i]?.From), Key(aliases[i]?.To));
            if (from is null)
            {
                v.Add($"aliases[{i}].from", L.T("Give the value to replace.", "Geef de waarde die vervangen wordt."));
            }
            else if (!seen.Add(from))
            {
                v.Add($"aliases[{i}].from", L.T($"“{from}” has an alias already.", $"“{from}” heeft al een alias."));
            }

            if (to is null)
            {
                v.Add($"aliases[{i}].to", L.T("Give the value to report.", "Geef de waarde die gerapporteerd wordt."));
            }

            cleanAliases.Add(new TouchAlias(from, to));
        }

        var cleanRules = new List<ChannelRule>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule?.Channel is not { } channel || !Channels.All.Contains(channel))
            {
                v.Add($"channelRules[{i}].channel", L.T($"Choose one of: {string.Join(", ", Channels.All)}.", $"Kies een van: {string.Join(", ", Channels.All)}."));
            }

            List<string>? Values(List<string>? values, string name)
            {
                var clean = values?.Select(Key).OfType<string>().Distinct().ToList();
                if (clean is { Count: > MaxValues })
                {
                    v.Add($"channelRules[{i}].{name}", L.T($"At most {MaxValues} values.", $"Hoogstens {MaxValues} waarden."));
                }

                return clean is { Count: > 0 } ? clean : null;
            }

            var clickIds = rule?.ClickIds?.Select(c => c?.Trim()).OfType<string>().Distinct().ToList();
            if (clickIds?.FirstOrDefault(c => !ClickIdKeys.Contains(c)) is { } unknown)
            {
                v.Add($"channelRules[{i}].clickIds", L.T($"“{unknown}” is no click id; use {string.Join(", ", ClickIdKeys)}.",
                    $"“{unknown}” is geen klik-id; gebruik {string.Join(", ", ClickIdKeys)}."));
            }

            cleanRules.Add(new ChannelRule(rule?.Channel, Values(rule?.Sources, "sources"), Values(rule?.Mediums, "mediums"),
                clickIds is { Count: > 0 } ? clickIds : null, rule?.Referrer));
        }

        v.ThrowIfInvalid();
        return new AttributionRules(cleanAliases, cleanRules);
    }
}

/// <summary>The rules in force, read once per process and replaced when an admin saves new ones.</summary>
public sealed class AttributionRulesCache
{
    /// <summary>The signal other instances read the rules again on (<see cref="Cluster.ClusterSignals"/>).</summary>
    public const string Topic = "attribution";

    private volatile AttributionRules? _rules;

    public AttributionRulesCache(Cluster.ClusterSignals cluster) => cluster.On(Topic, _ => _rules = null);

    public async Task<AttributionRules> Get(LeadwerkDbContext db) => _rules ??= (await Row(db)).Rules();

    public void Set(AttributionRules rules) => _rules = rules;

    /// <summary>The settings row; a database from before the rules were editable gets the seeded ones.</summary>
    public static async Task<AttributionSettings> Row(LeadwerkDbContext db) =>
        await db.AttributionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == AttributionSettings.TheOne) ?? new AttributionSettings
        {
            RulesJson = JsonSerializer.Serialize(AttributionRules.Seeded, AttributionRules.Json),
        };

    /// <summary>Writes the seeded rules at first start; later starts keep what an admin chose.</summary>
    public static async Task<bool> EnsureRow(LeadwerkDbContext db)
    {
        if (await db.AttributionSettings.AnyAsync())
        {
            return false;
        }

        db.AttributionSettings.Add(new AttributionSettings { RulesJson = JsonSerializer.Serialize(AttributionRules.Seeded, AttributionRules.Json) });
        await db.SaveChangesAsync();
        return true;
    }
}
