using System.Text.Json;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Distribution;

public sealed record MemberRequest(int? UserId, int? Weight);

public sealed record RuleRequest(
    string? Name, int? Rank, bool? Active, string? FormKey, Criteria? Criteria, List<MemberRequest>? Members,
    bool? SkipAway, bool? OnlyUnowned, int? FallbackOwnerId);

public sealed record MemberDto(int UserId, string UserName, int Weight, int Assigned, bool Away);

public sealed record RuleDto(
    int Id, string Name, int Rank, bool Active, string? FormKey, Criteria? Criteria, List<MemberDto> Members,
    bool SkipAway, bool OnlyUnowned, int? FallbackOwnerId, int Version);

public sealed record SimulatedLead(int Number, int? UserId, string? UserName, string Reason);

public sealed record AssignmentDto(long Id, int PersonId, int? UserId, string? UserName, int? RuleId, DateTime At, string Reason);

/// <summary>
/// The facts behind an assignment (R23), stored as they were and read in the reader's language:
/// "rule 'Website NL', weight 2 of 5, Bram away, fallback not needed".
/// </summary>
public sealed record AssignmentReason(string RuleName, int Weight, int TotalWeight, List<string> Away, bool Fallback, bool NobodyAvailable)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AssignmentReason? Read(string json) => JsonSerializer.Deserialize<AssignmentReason>(json, Json);

    public string Describe()
    {
        var parts = new List<string> { L.T($"rule '{RuleName}'", $"regel '{RuleName}'") };
        if (!Fallback && !NobodyAvailable)
        {
            parts.Add(L.T($"weight {Weight} of {TotalWeight}", $"gewicht {Weight} van {TotalWeight}"));
        }

        parts.AddRange(Away.Select(name => L.T($"{name} away", $"{name} afwezig")));
        parts.Add(NobodyAvailable && !Fallback ? L.T("nobody available and no fallback: no owner", "niemand beschikbaar en geen vervanger: geen eigenaar")
            : Fallback ? L.T("nobody available: the fallback owner", "niemand beschikbaar: de vervangende eigenaar")
            : L.T("fallback not needed", "vervanger niet nodig"));
        return string.Join(", ", parts);
    }
}
