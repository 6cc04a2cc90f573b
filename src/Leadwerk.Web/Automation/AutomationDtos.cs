namespace Leadwerk.Web.Automation;

/// <summary>One rule as the API reads and writes it; `name` is derived (read-only).</summary>
public sealed record RuleDto(
    int? Id, int? Order, bool Enabled, string? Trigger, IReadOnlyList<int>? LeadStatusIds, int? TargetCategoryId, bool AskUser,
    string? OnNonInteractive, string? Name = null);

/// <summary>`GET/PUT /api/automation/lead-categorization`: the whole ordered list of rules.</summary>
public sealed record RuleSet(IReadOnlyList<RuleDto>? Rules);

public sealed record PreviewCompany(int Id, string Name, string Category);

/// <summary>What applying a rule to existing data would change now (R18): how many companies, the first of them.</summary>
public sealed record RulePreview(int RuleId, string Rule, int Matched, IReadOnlyList<PreviewCompany> Companies);

/// <summary>`POST .../test`: which rule would fire if this person got this status, and why each would or would not.</summary>
public sealed record RuleTestRequest(int? PersonId, int? LeadStatusId);

public sealed record RuleTestCheck(int RuleId, string Rule, bool Fires, string Reason);

public sealed record RuleTestResult(bool Fires, int? RuleId, string? Rule, int? TargetCategoryId, bool AskUser, string Summary, IReadOnlyList<RuleTestCheck> Rules);

/// <summary>One row of a company's category history (R17), with the sentence the company card shows.</summary>
public sealed record CategoryChangeDto(
    DateTime At, int? UserId, string? UserName, int? FromId, string? From, int ToId, string? To, string Channel, int? RuleId, string? Rule,
    string? Trigger, int? TriggerPersonId, string? TriggerPersonName, int? TriggerStatusId, string? TriggerStatus, int? TriggerSaleId, string Text);
