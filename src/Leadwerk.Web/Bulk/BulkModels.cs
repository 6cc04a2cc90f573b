using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Bulk;

/// <summary>What a bulk update works on: a selection, a criteria document, or explicit ids.</summary>
public sealed record BulkTarget(int? SelectionId, Criteria? Criteria, string? Entity, List<int>? Ids);

/// <summary>
/// `{ "field": "person.leadStatus" | "person.owner" | "company.category" | "company.owner", "op": "set" | "clear", "value": ... }`,
/// or `{ "field": "person.followUp", "op": "plan", "followUp": { ... } }` to plan the same follow-up for every person (F15).
/// A rebalance's run shows `{ "field": "person.owner", "op": "distribute", "value": ruleId, "fromUserIds": [...] }`.
/// </summary>
public sealed record BulkAction(string? Field, string? Op, int? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BulkFollowUp? FollowUp = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<int>? FromUserIds = null);

/// <summary>
/// The follow-up a bulk update plans for each person: the fields of POST /api/follow-ups without
/// `personId`. Without `ownerId` each follow-up goes to the person's owner, else to whoever runs it;
/// a date alone for `dueAt` is all day, in the owner's time zone.
/// </summary>
public sealed record BulkFollowUp(JsonNode? Type, string? Title, string? DueAt, bool? AllDay, int? DurationMinutes, int? OwnerId, string? Notes);

public sealed record BulkRequest(BulkTarget? Target, List<BulkAction>? Actions, bool DryRun);

public sealed record BulkSkip(int Id, string Reason, string Code);

/// <summary>A dry run: what would happen, writing nothing. `alreadyPlanned`: for "plan a follow-up", how many already have an open one.</summary>
public sealed record BulkPreview(int Matched, int ToChange, int Unchanged, int SkippedCount, IReadOnlyList<BulkSkip> Skipped, IReadOnlyList<int> FirstToChange,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AlreadyPlanned = null);

public sealed record BulkStarted(int Id);

public sealed record BulkStatus(int Id, string Entity, string State, int Total, int Done, int Changed, int Skipped, int UndoSkipped,
    IReadOnlyList<BulkAction> Actions, DateTime CreatedAt, DateTime? FinishedAt, int? RuleId = null);

public static class BulkFields
{
    public const string PersonLeadStatus = "person.leadStatus";
    public const string PersonOwner = "person.owner";
    public const string CompanyCategory = "company.category";
    public const string CompanyOwner = "company.owner";
    public const string PersonFollowUp = "person.followUp";
    public const string Plan = "plan";

    /// <summary>The op of a rebalance's owner action: each lead's owner is planned by the distribution rule in `value`.</summary>
    public const string Distribute = "distribute";

    public static string Key(this BulkState state) => state switch
    {
        BulkState.Queued => "queued",
        BulkState.Running => "running",
        BulkState.Done => "done",
        BulkState.Cancelled => "cancelled",
        BulkState.Interrupted => "interrupted",
        BulkState.Undoing => "undoing",
        _ => "undone",
    };
}
