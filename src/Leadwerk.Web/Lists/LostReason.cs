using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Lists;

/// <summary>An item of the admin list "Lost reasons": why a sale was lost (F16).</summary>
public sealed class LostReason : INamedListItem
{
    public int Id { get; set; }
    public string NameEn { get; set; } = "";
    public string NameNl { get; set; } = "";
    public int Rank { get; set; }
    public bool Deleted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public string Name => L.Pick(NameEn, NameNl);
}
