namespace Leadwerk.Web.Lists;

public sealed record CategoryGroupDto(string Id, string Name);

public sealed record CategoryDto(
    int Id, string Name, LocalizedText Names, string? Description, LocalizedText Descriptions,
    string Group, string GroupName, bool LeadStatusEnabled, int Rank, bool Deleted, int Version);

public sealed record LeadStatusDto(
    int Id, string Name, LocalizedText Names, string? Description, LocalizedText Descriptions,
    int Rank, bool IsDefault, bool Deleted, int Version, bool FunnelStep = false);

/// <summary>Body of POST and PUT for a category; `name` fills both languages when `names` is absent.</summary>
public sealed record CategoryRequest(
    string? Name, LocalizedText? Names, string? Description, LocalizedText? Descriptions,
    string? Group, bool LeadStatusEnabled, int? Rank);

/// <summary>Body of POST and PUT for a lead status; `name` fills both languages when `names` is absent.</summary>
public sealed record LeadStatusRequest(
    string? Name, LocalizedText? Names, string? Description, LocalizedText? Descriptions, int? Rank, bool IsDefault,
    bool? FunnelStep = null);

/// <summary>The result of saving a category, with the F9 warning count.</summary>
public sealed record CategorySaved(CategoryDto Category, int LockedPersons);

public static class ListMapping
{
    public static CategoryDto ToDto(this Category c) => new(
        c.Id, c.Name, new(c.NameEn, c.NameNl), c.Description, new(c.DescriptionEn, c.DescriptionNl),
        c.Group.Key(), c.Group.DisplayName(), c.LeadStatusEnabled, c.Rank, c.Deleted, c.Version);

    public static LeadStatusDto ToDto(this LeadStatus s) => new(
        s.Id, s.Name, new(s.NameEn, s.NameNl), s.Description, new(s.DescriptionEn, s.DescriptionNl),
        s.Rank, s.IsDefault, s.Deleted, s.Version, s.FunnelStep);
}

public sealed record LostReasonDto(int Id, string Name, LocalizedText Names, int Rank, bool Deleted, int Version);

/// <summary>Body of POST and PUT for a lost reason; `name` fills both languages when `names` is absent.</summary>
public sealed record LostReasonRequest(string? Name, LocalizedText? Names, int? Rank);

public static class LostReasonMapping
{
    public static LostReasonDto ToDto(this LostReason r) => new(r.Id, r.Name, new(r.NameEn, r.NameNl), r.Rank, r.Deleted, r.Version);
}
