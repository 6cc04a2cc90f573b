using Leadwerk.Web.Common;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Selections;

public enum SelectionKind
{
    Static = 1,
    Dynamic = 2,
}

public enum Visibility
{
    Private = 1,
    Everyone = 2,
}

/// <summary>
/// A saved search (F5, B6): dynamic keeps criteria and re-runs them on every view; static keeps
/// the members it was given or that matched when it was made.
/// </summary>
public sealed class Selection : IAuditable
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>"person" or "company".</summary>
    public string Entity { get; set; } = "person";
    public SelectionKind Kind { get; set; }

    /// <summary>The criteria document as JSON (dynamic selections; for static ones, what made them).</summary>
    public string? CriteriaJson { get; set; }
    public int OwnerId { get; set; }
    public User Owner { get; set; } = null!;
    public Visibility Visibility { get; set; } = Visibility.Private;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A member of a static selection: a person or company id, by the selection's entity.</summary>
public sealed class SelectionMember
{
    public int SelectionId { get; set; }
    public int EntityId { get; set; }
}

public sealed class SelectionConfiguration : IEntityTypeConfiguration<Selection>
{
    public void Configure(EntityTypeBuilder<Selection> builder)
    {
        builder.ToTable("Selections");
        builder.Property(s => s.Name).HasMaxLength(SelectionRules.NameMaxLength);
        builder.Property(s => s.Description).HasMaxLength(SelectionRules.DescriptionMaxLength);
        builder.Property(s => s.Entity).HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Owner).WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OwnerId, s.Name });
        builder.HasIndex(s => new { s.Visibility, s.Name });
    }
}

public sealed class SelectionMemberConfiguration : IEntityTypeConfiguration<SelectionMember>
{
    public void Configure(EntityTypeBuilder<SelectionMember> builder)
    {
        builder.ToTable("SelectionMembers");
        builder.HasKey(m => new { m.SelectionId, m.EntityId });
        builder.HasOne<Selection>().WithMany().HasForeignKey(m => m.SelectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.EntityId);
    }
}
