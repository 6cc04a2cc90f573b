using Leadwerk.Web.Search;

namespace Leadwerk.Web.Bulk;

/// <summary>What the user ticked in the first step of the bulk update dialog, turned into actions.</summary>
public sealed class BulkChoices
{
    public const string Keep = "keep";
    public const string Set = "set";
    public const string Clear = "clear";

    public bool SetStatus { get; set; }
    public int? StatusId { get; set; }
    public bool SetCategory { get; set; }
    public int? CategoryId { get; set; }
    public string OwnerOp { get; set; } = Keep;
    public int? OwnerId { get; set; }
    public bool PlanFollowUp { get; set; }
    public BulkFollowUpChoices FollowUp { get; } = new();

    /// <summary>Set after a first attempt to go on, so missing values are marked only from then on.</summary>
    public bool Tried { get; set; }

    public bool StatusMissing => Tried && SetStatus && StatusId is null;
    public bool CategoryMissing => Tried && SetCategory && CategoryId is null;
    public bool OwnerMissing => Tried && OwnerOp == Set && OwnerId is null;

    /// <summary>Whether to mark the follow-up's required fields: only after a first attempt to go on.</summary>
    public bool FollowUpTried => Tried && PlanFollowUp;

    public bool Complete(string entity) =>
        Actions(entity).Count > 0 && !(SetStatus && StatusId is null) && !(SetCategory && CategoryId is null) && !(OwnerOp == Set && OwnerId is null)
        && !(entity == Entities.Person && PlanFollowUp && !FollowUp.Complete);

    public List<BulkAction> Actions(string entity)
    {
        var actions = new List<BulkAction>();
        if (entity == Entities.Person && SetStatus)
        {
            actions.Add(new BulkAction(BulkFields.PersonLeadStatus, Set, StatusId));
        }

        if (entity == Entities.Company && SetCategory)
        {
            actions.Add(new BulkAction(BulkFields.CompanyCategory, Set, CategoryId));
        }

        if (OwnerOp != Keep)
        {
            var field = entity == Entities.Person ? BulkFields.PersonOwner : BulkFields.CompanyOwner;
            actions.Add(new BulkAction(field, OwnerOp, OwnerOp == Set ? OwnerId : null));
        }

        if (entity == Entities.Person && PlanFollowUp)
        {
            actions.Add(new BulkAction(BulkFields.PersonFollowUp, BulkFields.Plan, null, FollowUp.ToRequest()));
        }

        return actions;
    }
}
