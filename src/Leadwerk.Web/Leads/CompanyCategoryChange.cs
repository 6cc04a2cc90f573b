using Leadwerk.Web.Automation;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Leads;

/// <summary>
/// One change of a company's category (R17): when, who or which rule, from, to, what triggered it
/// and through which channel. Written only by <see cref="LeadHistory"/>.
/// </summary>
public sealed class CompanyCategoryChange
{
    public long Id { get; set; }
    public int CompanyId { get; set; }
    public Company Company { get; set; } = null!;
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public int? FromCategoryId { get; set; }
    public int ToCategoryId { get; set; }
    public Channel Channel { get; set; }
    public int? RuleId { get; set; }
    public AutomationTrigger? Trigger { get; set; }
    public int? TriggerPersonId { get; set; }
    public Person? TriggerPerson { get; set; }
    public int? TriggerStatusId { get; set; }
    public int? TriggerSaleId { get; set; }
}

/// <summary>
/// Why a company (or a person carried along) changed in this unit of work, when a rule caused it:
/// the history then names the rule and its trigger, and the channel is automation unless a user
/// confirmed the rule's suggestion.
/// </summary>
public sealed record ChangeCause(int RuleId, AutomationTrigger Trigger, Person? TriggerPerson, int? TriggerStatusId, int? TriggerSaleId,
    bool ConfirmedByUser = false);

public sealed class CompanyCategoryChangeConfiguration : IEntityTypeConfiguration<CompanyCategoryChange>
{
    public void Configure(EntityTypeBuilder<CompanyCategoryChange> builder)
    {
        builder.ToTable("CompanyCategoryChanges");
        builder.HasOne(c => c.Company).WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.TriggerPerson).WithMany().HasForeignKey(c => c.TriggerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Users.User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AutomationRule>().WithMany().HasForeignKey(c => c.RuleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.CompanyId, c.At });
    }
}
