using Leadwerk.Web.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.FollowUps;

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("FollowUps");
        builder.Property(f => f.Title).HasMaxLength(FollowUpRules.TitleMaxLength);
        builder.Property(f => f.Notes).HasMaxLength(FollowUpRules.NotesMaxLength);
        builder.Property(f => f.Outcome).HasMaxLength(FollowUpRules.NotesMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.IsOpen);

        // A person's follow-ups go with it (F15: deleting a person keeps nothing behind).
        builder.HasOne(f => f.Person).WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Type).WithMany().HasForeignKey(f => f.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Owner).WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(f => f.CompletedBy).WithMany().HasForeignKey(f => f.CompletedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Users.User>().WithMany().HasForeignKey(f => f.CreatedById).OnDelete(DeleteBehavior.SetNull);

        // My day and an owner's list: open ones by due date; "CompletedAt IS NULL" is the index's
        // second column, so open and done are two ranges of one index.
        builder.HasIndex(f => new { f.OwnerId, f.CompletedAt, f.DueAt, f.Id });
        builder.HasIndex(f => new { f.PersonId, f.CompletedAt, f.DueAt });
        builder.HasIndex(f => new { f.CompletedAt, f.DueAt, f.Id });
        builder.HasIndex(f => f.TypeId);
    }
}

public sealed class FollowUpTypeConfiguration : IEntityTypeConfiguration<FollowUpType>
{
    public void Configure(EntityTypeBuilder<FollowUpType> builder)
    {
        builder.ToTable("FollowUpTypes");
        builder.Property(t => t.Key).HasMaxLength(20);
        builder.Property(t => t.NameEn).HasMaxLength(ListRules.NameMaxLength);
        builder.Property(t => t.NameNl).HasMaxLength(ListRules.NameMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Name);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.HasIndex(t => new { t.Deleted, t.Rank });
    }
}
