using Leadwerk.Web.Companies;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Attribution;

public enum TouchKind
{
    /// <summary>The visitor's first visit as the attribution script kept it (or this submission's visit without the script).</summary>
    FirstTouch = 1,

    /// <summary>The visit of the submission that created the person.</summary>
    LeadCreation = 2,

    /// <summary>Every later submission of a person that exists.</summary>
    Conversion = 3,

    /// <summary>The visit of the submission that created the company.</summary>
    CompanySource = 4,
}

/// <summary>
/// R21: one marketing touch, append-only: first touch, lead creation and company source are written
/// once, when a submission creates the record, and never changed; conversions are added. Raw
/// values as sent (≤ 255 characters, control characters stripped) beside their normalized forms
/// and channel (R22).
/// </summary>
public sealed class Touch
{
    public long Id { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public int? CompanyId { get; set; }
    public Company? Company { get; set; }
    public TouchKind Kind { get; set; }
    public DateTime At { get; set; }
    public int? FormId { get; set; }
    public long? SubmissionId { get; set; }

    public string? Source { get; set; }
    public string? Medium { get; set; }
    public string? Campaign { get; set; }
    public string? Term { get; set; }
    public string? Content { get; set; }

    /// <summary>R22: the source and medium lower-cased and through the alias table; the channel from the channel rules.</summary>
    public string? SourceKey { get; set; }
    public string? MediumKey { get; set; }
    public string? Channel { get; set; }
    public string? ReferrerDomain { get; set; }
    public string? ReferrerUrl { get; set; }
    public string? LandingUrl { get; set; }
    public string? Gclid { get; set; }
    public string? Fbclid { get; set; }
    public string? Msclkid { get; set; }
    public string? LiFatId { get; set; }
}

public sealed class TouchConfiguration : IEntityTypeConfiguration<Touch>
{
    public void Configure(EntityTypeBuilder<Touch> builder)
    {
        builder.ToTable("Touches");
        builder.HasOne(t => t.Person).WithMany(p => p.Touches).HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Company).WithMany(c => c.Touches).HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.PersonId, t.Kind, t.At });
        builder.HasIndex(t => new { t.CompanyId, t.Kind });
        foreach (var property in new[] { "Source", "Medium", "Campaign", "Term", "Content", "SourceKey", "MediumKey", "ReferrerDomain", "Gclid", "Fbclid", "Msclkid", "LiFatId" })
        {
            builder.Property(property).HasMaxLength(TouchValues.MaxLength);
        }

        builder.Property(t => t.Channel).HasMaxLength(40);
        builder.Property(t => t.ReferrerUrl).HasMaxLength(TouchValues.UrlMaxLength);
        builder.Property(t => t.LandingUrl).HasMaxLength(TouchValues.UrlMaxLength);
    }
}
