using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Lists;

/// <summary>An item of the admin list "Person – Lead status".</summary>
public sealed class LeadStatus : IAuditable
{
    public int Id { get; set; }
    public string NameEn { get; set; } = "";
    public string NameNl { get; set; } = "";
    public string? DescriptionEn { get; set; }
    public string? DescriptionNl { get; set; }
    public int Rank { get; set; }
    public bool IsDefault { get; set; }

    /// <summary>A step of the dashboard's qualification funnel (F8), in rank order.</summary>
    public bool FunnelStep { get; set; }
    public bool Deleted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public string Name => L.Pick(NameEn, NameNl);
    public string? Description => L.Pick(DescriptionEn, DescriptionNl);
}
