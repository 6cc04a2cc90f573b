namespace Leadwerk.Web.Lists;

/// <summary>What the audit log records of a list item (F9): its fields as an admin sees them, compared before and after a change.</summary>
internal static class ListAudit
{
    public static Dictionary<string, object?> Of(Category c) => new()
    {
        ["names.en"] = c.NameEn, ["names.nl"] = c.NameNl, ["descriptions.en"] = c.DescriptionEn, ["descriptions.nl"] = c.DescriptionNl,
        ["group"] = c.Group.Key(), ["leadStatusEnabled"] = c.LeadStatusEnabled, ["rank"] = c.Rank, ["deleted"] = c.Deleted,
    };

    public static Dictionary<string, object?> Of(LeadStatus s) => new()
    {
        ["names.en"] = s.NameEn, ["names.nl"] = s.NameNl, ["descriptions.en"] = s.DescriptionEn, ["descriptions.nl"] = s.DescriptionNl,
        ["rank"] = s.Rank, ["isDefault"] = s.IsDefault, ["funnelStep"] = s.FunnelStep, ["deleted"] = s.Deleted,
    };

    public static Dictionary<string, object?> Of(INamedListItem i) => new()
    {
        ["names.en"] = i.NameEn, ["names.nl"] = i.NameNl, ["rank"] = i.Rank, ["deleted"] = i.Deleted,
    };
}
