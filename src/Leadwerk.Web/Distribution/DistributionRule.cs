using Leadwerk.Web.Common;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Distribution;

/// <summary>
/// A distribution rule (F12, B4): which new leads it takes (those of a form, those its criteria find,
/// or all), the users who get them by weight, and what happens when nobody can.
/// Rules are tried in rank order; the first that takes a lead owns it.
/// </summary>
public sealed class DistributionRule : IAuditable
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int Rank { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>Only leads from this form (its key); null: leads from any channel that asks for distribution.</summary>
    public string? FormKey { get; set; }

    /// <summary>Person criteria (Find's JSON) the new lead must meet; null: every lead.</summary>
    public string? CriteriaJson { get; set; }
    public bool SkipAway { get; set; } = true;
    public bool OnlyUnowned { get; set; } = true;
    public int? FallbackOwnerId { get; set; }
    public User? FallbackOwner { get; set; }
    public List<DistributionMember> Members { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A user in a rule with a weight, and the rule's running credit for them (smooth weighted round robin).</summary>
public sealed class DistributionMember
{
    public int RuleId { get; set; }
    public int UserId { get; set; }
    public User? User { get; set; }
    public int Weight { get; set; } = 1;

    /// <summary>Weight earned minus leads taken, in units of the active weights' sum; kept between leads.</summary>
    public int Credit { get; set; }
    public int Assigned { get; set; }
}

/// <summary>R23: one assignment of an owner to a new lead, with what decided it.</summary>
public sealed class Assignment
{
    public long Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int? UserId { get; set; }
    public int? RuleId { get; set; }
    public DateTime At { get; set; }

    /// <summary>The reason's facts as JSON (<see cref="AssignmentReason"/>), read in the reader's language.</summary>
    public string ReasonJson { get; set; } = "{}";

    /// <summary>What it did to the rule's counters (<see cref="AssignmentTurn"/>), to give back; null once given back.</summary>
    public string? TurnJson { get; set; }

    /// <summary>The import that created the lead, so its rollback can give the turn back.</summary>
    public int? ImportId { get; set; }

    /// <summary>The bulk update run of a rebalance that moved the lead, so its undo can give the turn back.</summary>
    public int? BulkUpdateId { get; set; }

    /// <summary>When the rebalance that made it was undone; the line stays in the log, marked so.</summary>
    public DateTime? UndoneAt { get; set; }
}

public sealed class DistributionConfiguration :
    IEntityTypeConfiguration<DistributionRule>, IEntityTypeConfiguration<DistributionMember>, IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<DistributionRule> builder)
    {
        builder.ToTable("DistributionRules");
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.FormKey).HasMaxLength(60);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.FallbackOwner).WithMany().HasForeignKey(r => r.FallbackOwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.RuleId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DistributionMember> builder)
    {
        builder.ToTable("DistributionMembers");
        builder.HasKey(m => new { m.RuleId, m.UserId });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("Assignments");
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PersonId, a.Id });
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<DistributionRule>().WithMany().HasForeignKey(a => a.RuleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Import.ImportJob>().WithMany().HasForeignKey(a => a.ImportId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Bulk.BulkUpdate>().WithMany().HasForeignKey(a => a.BulkUpdateId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.ImportId);
        builder.HasIndex(a => new { a.BulkUpdateId, a.PersonId });
    }
}
