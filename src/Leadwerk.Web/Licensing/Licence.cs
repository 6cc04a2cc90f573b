using Leadwerk.Web.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Licensing;

/// <summary>The organisation's licence: one row (id 1), written at first start from <see cref="Editions.Setting"/>.</summary>
public sealed class Licence : IAuditable
{
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;
    public string Edition { get; set; } = Editions.SalesEssentials;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> builder)
    {
        builder.ToTable("Licence");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Edition).HasMaxLength(40);
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
