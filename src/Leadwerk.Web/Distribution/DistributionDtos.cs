using System.Globalization;
using System.Text.Json;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Distribution;

public sealed record MemberRequest(int? UserId, int? Weight);

public sealed record RuleRequest(
    string? Name, int? Rank, bool? Active, string? FormKey, Criteria? Criteria, List<MemberRequest>? Members,
    bool? SkipAway, bool? OnlyUnowned, int? FallbackOwnerId);

/// <summary>A rule's member; <c>away</c>: away now (a return day that has passed is back); <c>backOn</c>: the return day in the member's time zone.</summary>
public sealed record MemberDto(int UserId, string UserName, int Weight, int Assigned, bool Away, DateOnly? BackOn);

public sealed record RuleDto(
    int Id, string Name, int Rank, bool Active, string? FormKey, Criteria? Criteria, List<MemberDto> Members,
    bool SkipAway, bool OnlyUnowned, int? FallbackOwnerId, int Version);

public sealed record SimulatedLead(int Number, int? UserId, string? UserName, string Reason);

/// <summary>An assignment; <c>undoneAt</c> is set when a rebalance that made it was undone (the reason then says so).</summary>
public sealed record AssignmentDto(long Id, int PersonId, int? UserId, string? UserName, int? RuleId, DateTime At, string Reason, DateTime? UndoneAt);

/// <summary>
/// The facts behind an assignment (R23), stored as they were and read in the reader's language:
/// "rule 'Website NL', weight 2 of 5, Bram away until 12 May, fallback not needed". <see cref="AwayUntil"/>
/// holds each away member's return day (null: none given), in the order of <see cref="Away"/>;
/// a rebalance names the lead's previous owner in <see cref="From"/>.
/// </summary>
public sealed record AssignmentReason(
    string RuleName, int Weight, int TotalWeight, List<string> Away, bool Fallback, bool NobodyAvailable,
    List<DateOnly?>? AwayUntil = null, bool Rebalance = false, string? From = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AssignmentReason? Read(string json) => JsonSerializer.Deserialize<AssignmentReason>(json, Json);

    public string Describe()
    {
        var parts = new List<string>
        {
            !Rebalance ? L.T($"rule '{RuleName}'", $"regel '{RuleName}'")
                : From is null ? L.T($"rebalance of rule '{RuleName}'", $"herverdeling van regel '{RuleName}'")
                : L.T($"rebalance of rule '{RuleName}' from {From}", $"herverdeling van regel '{RuleName}' van {From}"),
        };
        if (!Fallback && !NobodyAvailable)
        {
            parts.Add(L.T($"weight {Weight} of {TotalWeight}", $"gewicht {Weight} van {TotalWeight}"));
        }

        parts.AddRange(Away.Select((name, i) => AwayUntil?.ElementAtOrDefault(i) is { } day
            ? L.T($"{name} away until {Day(day)}", $"{name} afwezig tot {Day(day)}")
            : L.T($"{name} away", $"{name} afwezig")));
        if (!Rebalance)
        {
            parts.Add(NobodyAvailable && !Fallback ? L.T("nobody available and no fallback: no owner", "niemand beschikbaar en geen vervanger: geen eigenaar")
                : Fallback ? L.T("nobody available: the fallback owner", "niemand beschikbaar: de vervangende eigenaar")
                : L.T("fallback not needed", "vervanger niet nodig"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>"12 May" / "12 mei", in the reader's language.</summary>
    private static string Day(DateOnly day) => day.ToString("d MMMM", CultureInfo.CurrentCulture);
}
