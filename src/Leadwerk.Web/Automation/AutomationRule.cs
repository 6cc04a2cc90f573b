using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Automation;

/// <summary>What makes a lead categorization rule look at a company (R11, R14).</summary>
public enum AutomationTrigger
{
    LeadStatusSet = 1,
    SaleRegistered = 2,
    SaleSold = 3,
    SaleLost = 4,
    AllPersonsInStatus = 5,
    AnyPersonInStatus = 6,
}

/// <summary>What a rule with askUser does on a channel that cannot ask (bulk, import, form).</summary>
public enum NonInteractive
{
    Apply = 1,
    Queue = 2,
    Skip = 3,
}

/// <summary>One lead categorization rule (F10): on a trigger, move the company to a target category, at once or after asking.</summary>
public sealed class AutomationRule
{
    public int Id { get; set; }
    public int Order { get; set; }
    public bool Enabled { get; set; }
    public AutomationTrigger Trigger { get; set; }

    /// <summary>The statuses of the status triggers, comma-separated ids.</summary>
    public string LeadStatusIdList { get; set; } = "";
    public int? TargetCategoryId { get; set; }
    public Category? TargetCategory { get; set; }
    public bool AskUser { get; set; }
    public NonInteractive OnNonInteractive { get; set; } = NonInteractive.Apply;

    public IReadOnlyList<int> LeadStatusIds
    {
        get => [.. LeadStatusIdList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
        set => LeadStatusIdList = string.Join(',', value.Distinct().Order());
    }

    public bool IsStatusTrigger => Trigger is AutomationTrigger.LeadStatusSet or AutomationTrigger.AllPersonsInStatus or AutomationTrigger.AnyPersonInStatus;
}

public static class AutomationTriggers
{
    public static string Key(this AutomationTrigger trigger) => trigger switch
    {
        AutomationTrigger.LeadStatusSet => "leadStatusSet",
        AutomationTrigger.SaleRegistered => "saleRegistered",
        AutomationTrigger.SaleSold => "saleSold",
        AutomationTrigger.SaleLost => "saleLost",
        AutomationTrigger.AllPersonsInStatus => "allPersonsInStatus",
        _ => "anyPersonInStatus",
    };

    public static AutomationTrigger? FromKey(string? key) =>
        Enum.GetValues<AutomationTrigger>().Cast<AutomationTrigger?>().FirstOrDefault(t => t!.Value.Key() == key);

    public static string DisplayName(this AutomationTrigger trigger) => trigger switch
    {
        AutomationTrigger.LeadStatusSet => L.T("A person's lead status is set to", "De leadstatus van een persoon wordt"),
        AutomationTrigger.SaleRegistered => L.T("A sale is registered", "Een verkoop wordt geregistreerd"),
        AutomationTrigger.SaleSold => L.T("A sale is sold", "Een verkoop is verkocht"),
        AutomationTrigger.SaleLost => L.T("A sale is lost", "Een verkoop is verloren"),
        AutomationTrigger.AllPersonsInStatus => L.T("Every person of the company is in", "Elke persoon van het bedrijf staat op"),
        _ => L.T("Any person of the company is in", "Een persoon van het bedrijf staat op"),
    };

    public static string Key(this NonInteractive value) => value switch
    {
        NonInteractive.Apply => "apply",
        NonInteractive.Queue => "queue",
        _ => "skip",
    };

    public static NonInteractive? NonInteractiveFromKey(string? key) =>
        Enum.GetValues<NonInteractive>().Cast<NonInteractive?>().FirstOrDefault(t => t!.Value.Key() == key);
}

public sealed class AutomationRuleConfiguration : IEntityTypeConfiguration<AutomationRule>
{
    public void Configure(EntityTypeBuilder<AutomationRule> builder)
    {
        builder.ToTable("AutomationRules");
        builder.Property(r => r.LeadStatusIdList).HasMaxLength(1000);
        builder.Ignore(r => r.LeadStatusIds);
        builder.Ignore(r => r.IsStatusTrigger);
        builder.HasOne(r => r.TargetCategory).WithMany().HasForeignKey(r => r.TargetCategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Trigger, r.Order });
    }
}
