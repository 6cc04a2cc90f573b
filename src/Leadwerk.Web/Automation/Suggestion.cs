using Leadwerk.Web.Companies;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Automation;

public enum SuggestionState
{
    Open = 1,
    Accepted = 2,
    Dismissed = 3,
}

/// <summary>
/// A rule with askUser proposes a company category instead of changing it (R16): the user who made
/// the triggering change accepts it (possibly with another category) or dismisses it.
/// </summary>
public sealed class Suggestion
{
    public int Id { get; set; }
    public string Token { get; set; } = "";
    public int UserId { get; set; }
    public int CompanyId { get; set; }
    public Company Company { get; set; } = null!;
    public int FromCategoryId { get; set; }
    public int ToCategoryId { get; set; }
    public int RuleId { get; set; }
    public AutomationTrigger Trigger { get; set; }
    public int? TriggerPersonId { get; set; }
    public Person? TriggerPerson { get; set; }
    public int? TriggerStatusId { get; set; }
    public int? TriggerSaleId { get; set; }
    public SuggestionState State { get; set; } = SuggestionState.Open;
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

public sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> builder)
    {
        builder.ToTable("Suggestions");
        builder.Property(s => s.Token).HasMaxLength(64);
        builder.HasIndex(s => s.Token).IsUnique();
        builder.HasIndex(s => new { s.UserId, s.State, s.ExpiresAt });
        builder.HasOne(s => s.Company).WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.TriggerPerson).WithMany().HasForeignKey(s => s.TriggerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Users.User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AutomationRule>().WithMany().HasForeignKey(s => s.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
