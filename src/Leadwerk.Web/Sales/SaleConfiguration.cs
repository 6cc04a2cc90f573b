using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Sales;

public sealed class SaleConfiguration : IEntityTypeConfiguration<Sale>
{
    public void Configure(EntityTypeBuilder<Sale> builder)
    {
        builder.ToTable("Sales");
        builder.Property(s => s.Title).HasMaxLength(SaleRules.TitleMaxLength);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.Amount).HasPrecision(18, 2);
        builder.Property(s => s.Version).IsConcurrencyToken();

        // A company's sales are refused a silent loss (CompanyService.Delete says why); a deleted
        // person only leaves the sale without a contact.
        builder.HasOne(s => s.Company).WithMany(c => c.Sales).HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Person).WithMany(p => p.Sales).HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.Owner).WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.LostReason).WithMany().HasForeignKey(s => s.LostReasonId).OnDelete(DeleteBehavior.Restrict);

        // Every list filter pages newest first by (CreatedAt, Id): one index per filter ends in that order.
        builder.HasIndex(s => new { s.CreatedAt, s.Id });
        builder.HasIndex(s => new { s.CompanyId, s.CreatedAt, s.Id });
        builder.HasIndex(s => new { s.PersonId, s.CreatedAt, s.Id });
        builder.HasIndex(s => new { s.OwnerId, s.CreatedAt, s.Id });
        builder.HasIndex(s => new { s.Status, s.CreatedAt, s.Id });
        builder.HasIndex(s => s.LostReasonId);
    }

    /// <summary>
    /// SQLite has no decimal type: EF would store text, which sorts "9" after "10" and cannot be
    /// summed. Whole cents in an INTEGER column compare and add exactly (precision 18,2 fits a long).
    /// </summary>
    public static void MapForSqlite(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Sale>().Property(s => s.Amount).HasConversion(v => (long)(v * 100), v => v / 100m);
}
