using Leadwerk.Web.Search;

namespace Leadwerk.Web.Bulk;

/// <summary>What a bulk update works on: a selection, a criteria document, or explicit ids.</summary>
public sealed record BulkTarget(int? SelectionId, Criteria? Criteria, string? Entity, List<int>? Ids);

/// <summary>`{ "field": "person.leadStatus" | "person.owner" | "company.category" | "company.owner", "op": "set" | "clear", "value": ... }`</summary>
public sealed record BulkAction(string? Field, string? Op, int? Value);

public sealed record BulkRequest(BulkTarget? Target, List<BulkAction>? Actions, bool DryRun);

public sealed record BulkSkip(int Id, string Reason, string Code);

/// <summary>A dry run: what would happen, writing nothing.</summary>
public sealed record BulkPreview(int Matched, int ToChange, int Unchanged, int SkippedCount, IReadOnlyList<BulkSkip> Skipped, IReadOnlyList<int> FirstToChange);

public sealed record BulkStarted(int Id);

public sealed record BulkStatus(int Id, string Entity, string State, int Total, int Done, int Changed, int Skipped, int UndoSkipped,
    IReadOnlyList<BulkAction> Actions, DateTime CreatedAt, DateTime? FinishedAt, int? RuleId = null);

public static class BulkFields
{
    public const string PersonLeadStatus = "person.leadStatus";
    public const string PersonOwner = "person.owner";
    public const string CompanyCategory = "company.category";
    public const string CompanyOwner = "company.owner";

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
