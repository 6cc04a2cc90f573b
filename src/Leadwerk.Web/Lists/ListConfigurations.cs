using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Lists;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.NameEn).HasMaxLength(ListRules.NameMaxLength);
        builder.Property(c => c.NameNl).HasMaxLength(ListRules.NameMaxLength);
        builder.Property(c => c.DescriptionEn).HasMaxLength(ListRules.DescriptionMaxLength);
        builder.Property(c => c.DescriptionNl).HasMaxLength(ListRules.DescriptionMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Name);
        builder.Ignore(c => c.Description);
        builder.HasIndex(c => new { c.Deleted, c.Rank });
    }
}

public sealed class LeadStatusConfiguration : IEntityTypeConfiguration<LeadStatus>
{
    public void Configure(EntityTypeBuilder<LeadStatus> builder)
    {
        builder.ToTable("LeadStatuses");
        builder.Property(s => s.NameEn).HasMaxLength(ListRules.NameMaxLength);
        builder.Property(s => s.NameNl).HasMaxLength(ListRules.NameMaxLength);
        builder.Property(s => s.DescriptionEn).HasMaxLength(ListRules.DescriptionMaxLength);
        builder.Property(s => s.DescriptionNl).HasMaxLength(ListRules.DescriptionMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Name);
        builder.Ignore(s => s.Description);
        builder.HasIndex(s => new { s.Deleted, s.Rank });
    }
}

public sealed class LostReasonConfiguration : IEntityTypeConfiguration<LostReason>
{
    public void Configure(EntityTypeBuilder<LostReason> builder)
    {
        builder.ToTable("LostReasons");
        builder.Property(r => r.NameEn).HasMaxLength(ListRules.NameMaxLength);
        builder.Property(r => r.NameNl).HasMaxLength(ListRules.NameMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Name);
        builder.HasIndex(r => new { r.Deleted, r.Rank });
    }
}
