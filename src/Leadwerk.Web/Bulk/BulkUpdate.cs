using Leadwerk.Web.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Bulk;

public enum BulkState
{
    Queued = 1,
    Running = 2,
    Done = 3,
    Cancelled = 4,
    Interrupted = 5,
    Undone = 6,
    Undoing = 7,
}

public enum BulkItemState
{
    Pending = 1,
    Changed = 2,
    Unchanged = 3,
    Skipped = 4,
    Undone = 5,
    UndoSkipped = 6,
}

/// <summary>
/// One bulk update run (F7, B3). Its targets are fixed as items when it is queued; each batch
/// updates records, items and counters in one transaction, so the counters are exact even after
/// the process dies.
/// </summary>
public sealed class BulkUpdate : IAuditable, Jobs.ILeasedJob
{
    public int Id { get; set; }
    public string Entity { get; set; } = "person";
    public string ActionsJson { get; set; } = "[]";
    public BulkState State { get; set; } = BulkState.Queued;
    public int Total { get; set; }
    public int Done { get; set; }
    public int Changed { get; set; }
    public int Skipped { get; set; }
    public int UndoSkipped { get; set; }
    public bool CancelRequested { get; set; }
    public int UserId { get; set; }

    /// <summary>Set when the run applies a lead categorization rule to existing companies (R18).</summary>
    public int? RuleId { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Version { get; set; }
}

/// <summary>A record a run works on, with what it found and the values to put back on undo.</summary>
public sealed class BulkUpdateItem
{
    public int BulkUpdateId { get; set; }
    public int EntityId { get; set; }
    public BulkItemState State { get; set; } = BulkItemState.Pending;
    public string? Code { get; set; }
    public string? Reason { get; set; }

    /// <summary>The changed fields' values before the run, as JSON.</summary>
    public string? Before { get; set; }

    /// <summary>The record's version right after the run changed it; undo skips a record changed since.</summary>
    public int? VersionAfter { get; set; }

    /// <summary>The value decided for this record alone (a rebalance plans each lead's owner); null: the action's value.</summary>
    public int? Value { get; set; }
}

public sealed class BulkUpdateConfiguration : IEntityTypeConfiguration<BulkUpdate>
{
    public void Configure(EntityTypeBuilder<BulkUpdate> builder)
    {
        builder.ToTable("BulkUpdates");
        builder.Property(b => b.LeaseOwner).HasMaxLength(Jobs.JobLeases.OwnerLength);
        builder.Property(b => b.Entity).HasMaxLength(20);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Users.User>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.State);
        // The Jobs list pages newest first, everyone's or one user's.
        builder.HasIndex(b => new { b.CreatedAt, b.Id });
        builder.HasIndex(b => new { b.UserId, b.CreatedAt, b.Id });
        builder.HasOne<Automation.AutomationRule>().WithMany().HasForeignKey(b => b.RuleId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class BulkUpdateItemConfiguration : IEntityTypeConfiguration<BulkUpdateItem>
{
    public void Configure(EntityTypeBuilder<BulkUpdateItem> builder)
    {
        builder.ToTable("BulkUpdateItems");
        builder.HasKey(i => new { i.BulkUpdateId, i.EntityId });
        builder.Property(i => i.Code).HasMaxLength(50);
        builder.Property(i => i.Reason).HasMaxLength(500);
        builder.HasOne<BulkUpdate>().WithMany().HasForeignKey(i => i.BulkUpdateId).OnDelete(DeleteBehavior.Cascade);
        // A batch takes the next pending (or changed, for undo) items in id order straight from this index.
        builder.HasIndex(i => new { i.BulkUpdateId, i.State, i.EntityId });
    }
}
