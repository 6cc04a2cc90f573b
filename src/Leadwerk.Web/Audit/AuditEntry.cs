using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Audit;

/// <summary>
/// One administrative action: who (id and the name they had then), when, what (a stable action key
/// such as "user.roleChanged"), on which record, and the changed fields as JSON
/// <c>{ field: { from, to } }</c>. Never a password, secret, or an erased person's name or e-mail.
/// Written by <see cref="AuditLog"/> in the transaction of the change it describes.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>Null for the system's own actions. No foreign key: the log outlives what it describes.</summary>
    public int? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string TargetType { get; set; } = "";
    public int? TargetId { get; set; }
    public string? Changes { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const int ActionMaxLength = 64;

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.ActorName).HasMaxLength(Users.UserRules.DisplayNameMaxLength);
        builder.Property(a => a.Action).HasMaxLength(ActionMaxLength);
        builder.Property(a => a.TargetType).HasMaxLength(32);

        // The list pages newest first by Id; a filter on action or actor walks its own index in that
        // order; the retention cleanup and date filters go by At.
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Action, a.Id });
        builder.HasIndex(a => new { a.ActorUserId, a.Id });
    }
}
