namespace Leadwerk.Web.Automation;

/// <summary>
/// One rule as the lead categorization page edits it: kept across a refused save so nothing the
/// admin chose is lost, and compared with what was loaded so preview and apply never act on a
/// rule that differs from the one on screen.
/// </summary>
public sealed class RuleDraft
{
    private string _loaded = "";

    /// <summary>Stable across moves, so the editor rows keep their state and focus.</summary>
    public Guid Key { get; } = Guid.NewGuid();

    public int? Id { get; private init; }

    /// <summary>The derived name of the saved rule (RuleDto.Name); null for a new one.</summary>
    public string? Name { get; private init; }

    public bool Enabled { get; set; } = true;
    public AutomationTrigger Trigger { get; set; } = AutomationTrigger.LeadStatusSet;
    public IReadOnlyCollection<int> LeadStatusIds { get; set; } = [];
    public int? TargetCategoryId { get; set; }
    public bool AskUser { get; set; }
    public NonInteractive OnNonInteractive { get; set; } = NonInteractive.Apply;

    public bool IsStatusTrigger => Trigger is AutomationTrigger.LeadStatusSet or AutomationTrigger.AllPersonsInStatus or AutomationTrigger.AnyPersonInStatus;

    public bool IsChanged => Id is null || Snapshot() != _loaded;

    public static RuleDraft From(RuleDto dto)
    {
        var draft = new RuleDraft
        {
            Id = dto.Id,
            Name = dto.Name,
            Enabled = dto.Enabled,
            Trigger = AutomationTriggers.FromKey(dto.Trigger) ?? AutomationTrigger.LeadStatusSet,
            LeadStatusIds = [.. dto.LeadStatusIds ?? []],
            TargetCategoryId = dto.TargetCategoryId,
            AskUser = dto.AskUser,
            OnNonInteractive = AutomationTriggers.NonInteractiveFromKey(dto.OnNonInteractive) ?? NonInteractive.Apply,
        };
        draft._loaded = draft.Snapshot();
        return draft;
    }

    /// <summary>The statuses are dropped for a sale trigger: the server refuses them there, and they stay hidden in the editor.</summary>
    public RuleDto ToDto(int order) => new(Id, order, Enabled, Trigger.Key(), IsStatusTrigger ? [.. LeadStatusIds] : [], TargetCategoryId, AskUser,
        OnNonInteractive.Key());

    private string Snapshot() =>
        $"{Enabled}|{Trigger}|{string.Join(',', ToDto(0).LeadStatusIds!.Order())}|{TargetCategoryId}|{AskUser}|{OnNonInteractive}";
}

/// <summary>A lead status or category as the rule editor offers it, named in the user's language.</summary>
public sealed record RuleOption(int Id, string Name);
