using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Companies;

public sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("Companies");
        builder.Property(c => c.Name).HasMaxLength(CompanyRules.NameMaxLength);
        builder.Property(c => c.NameKey).HasMaxLength(CompanyRules.NameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(CompanyRules.EmailMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(CompanyRules.ShortTextMaxLength);
        builder.Property(c => c.EmailKey).HasMaxLength(CompanyRules.EmailMaxLength);
        builder.Property(c => c.PhoneKey).HasMaxLength(CompanyRules.ShortTextMaxLength);
        builder.Property(c => c.Website).HasMaxLength(CompanyRules.WebsiteMaxLength);
        builder.Property(c => c.Country).HasMaxLength(CompanyRules.ShortTextMaxLength);
        builder.Property(c => c.OrgNumber).HasMaxLength(CompanyRules.ShortTextMaxLength);
        builder.Property(c => c.RecordSource).HasMaxLength(Attribution.RecordSource.MaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);

        // The company list and Find page by (folded name, Id); category changes find companies by category.
        builder.HasIndex(c => new { c.NameKey, c.Id });
        builder.HasIndex(c => new { c.CategoryId, c.Id });
        builder.HasIndex(c => new { c.OrgNumber, c.Id });
        builder.HasIndex(c => new { c.Email, c.Id });
        // The app bar's search finds companies by a prefix of these, walked in (key, Id) order.
        builder.HasIndex(c => new { c.EmailKey, c.Id });
        builder.HasIndex(c => new { c.PhoneKey, c.Id });
        // The list's other sorts walk (value, Id), as the name sort walks (NameKey, Id); owner and
        // category: one value's companies after another's (SearchService.ByValue), and their filters.
        builder.HasIndex(c => new { c.Country, c.Id });
        builder.HasIndex(c => new { c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.OwnerId, c.Id });
        builder.Property(c => c.WebsiteDomain).HasMaxLength(CompanyRules.WebsiteMaxLength);
        builder.HasIndex(c => c.WebsiteDomain);
    }
}
