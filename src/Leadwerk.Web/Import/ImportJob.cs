using Leadwerk.Web.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Import;

public enum ImportState
{
    Queued = 1,
    Running = 2,
    Done = 3,
    Interrupted = 4,
    RollingBack = 5,
    RolledBack = 6,
}

public enum ImportRowState
{
    Pending = 1,
    Created = 2,
    Updated = 3,
    Unchanged = 4,
    Error = 5,
    RolledBack = 6,
    RollbackSkipped = 7,
}

/// <summary>
/// One CSV import. Its rows are stored parsed when it is queued, so the background run does not
/// need the file; each batch writes records, rows and counters in one transaction, so the counters
/// are exact even after the process dies.
/// </summary>
public sealed class ImportJob : IAuditable, Jobs.ILeasedJob
{
    public int Id { get; set; }
    public string Entity { get; set; } = "person";

    /// <summary>The checked options (match, defaults) as JSON; the column mapping is already applied to the rows.</summary>
    public string SettingsJson { get; set; } = "{}";
    public ImportState State { get; set; } = ImportState.Queued;
    public int Rows { get; set; }
    public int Done { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Errors { get; set; }
    public int RollbackSkipped { get; set; }
    public int UserId { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Version { get; set; }
}

/// <summary>A data row of the file, with what the run did with it and what rollback needs to undo that.</summary>
public sealed class ImportRow
{
    public int ImportId { get; set; }

    /// <summary>The physical line of the file where the row starts.</summary>
    public int Line { get; set; }

    /// <summary>Field → non-empty value, as JSON.</summary>
    public string Values { get; set; } = "{}";
    public ImportRowState State { get; set; } = ImportRowState.Pending;
    public string? Reason { get; set; }

    /// <summary>A stable code for the reason (e.g. "erasedPerson", "unknownLeadStatus"); null on rows of older runs.</summary>
    public string? Code { get; set; }

    /// <summary>
    /// The reason's arguments as JSON, so it is rendered in the reader's language (ImportErrors);
    /// null on rows of older runs, which show <see cref="Reason"/> as it was written.
    /// </summary>
    public string? Args { get; set; }

    /// <summary>The person or company the row created or updated.</summary>
    public int? EntityId { get; set; }

    /// <summary>A company a person row created on the way (its company column named no existing one).</summary>
    public int? CreatedCompanyId { get; set; }

    /// <summary>The updated record's values before the import, as JSON.</summary>
    public string? Before { get; set; }

    /// <summary>The record's version right after the import wrote it; rollback skips a record changed since.</summary>
    public int? VersionAfter { get; set; }
}

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("Imports");
        builder.Property(b => b.LeaseOwner).HasMaxLength(Jobs.JobLeases.OwnerLength);
        builder.Property(b => b.Entity).HasMaxLength(20);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Users.User>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.State);
        // The Jobs list pages newest first, everyone's or one user's.
        builder.HasIndex(b => new { b.CreatedAt, b.Id });
        builder.HasIndex(b => new { b.UserId, b.CreatedAt, b.Id });
    }
}

public sealed class ImportRowConfiguration : IEntityTypeConfiguration<ImportRow>
{
    public void Configure(EntityTypeBuilder<ImportRow> builder)
    {
        builder.ToTable("ImportRows");
        builder.HasKey(r => new { r.ImportId, r.Line });
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.Code).HasMaxLength(50);
        builder.Property(r => r.Args).HasMaxLength(4000);
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ImportId, r.State });
    }
}
