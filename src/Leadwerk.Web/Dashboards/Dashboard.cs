using Leadwerk.Web.Common;
using Leadwerk.Web.Selections;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// A dashboard (F8): tiles in order, a default period, private or shared. The seeded "Leads"
/// dashboard has a key and no owner; it is shown to everyone and only admins change it.
/// </summary>
public sealed class Dashboard : IAuditable
{
    public int Id { get; set; }

    /// <summary>"leads" for the seeded dashboard, so it is found again after a rename; null for users' own.</summary>
    public string? Key { get; set; }
    public string NameEn { get; set; } = "";
    public string NameNl { get; set; } = "";
    public int? OwnerId { get; set; }
    public User? Owner { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Private;

    /// <summary>The period a tile without its own uses, as a preset such as last30d.</summary>
    public string Period { get; set; } = PeriodPresets.Last30Days;

    /// <summary>The tiles as JSON (<see cref="TileSpec"/>): read and written whole, never queried inside.</summary>
    public string TilesJson { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class DashboardConfiguration : IEntityTypeConfiguration<Dashboard>
{
    public void Configure(EntityTypeBuilder<Dashboard> builder)
    {
        builder.ToTable("Dashboards");
        builder.Property(d => d.Key).HasMaxLength(40);
        builder.Property(d => d.NameEn).HasMaxLength(DashboardRules.NameMaxLength);
        builder.Property(d => d.NameNl).HasMaxLength(DashboardRules.NameMaxLength);
        builder.Property(d => d.Period).HasMaxLength(20);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne(d => d.Owner).WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.HasIndex(d => d.OwnerId);
    }
}

public static class DashboardRules
{
    public const int NameMaxLength = 100;
    public const int MaxTiles = 24;
    public const int TitleMaxLength = 100;
    public const int MaxLimit = 500;
}
