using System.Globalization;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// The quick filters in the page's address (owner, categoryId, categoryGroup, country, period, asOf), the same
/// names as the tile data API takes, so a view can be shared, bookmarked and reloaded.
/// </summary>
public static class DashboardQuery
{
    public const string Owner = "owner";
    public const string Category = "categoryId";
    public const string Group = "categoryGroup";
    public const string Country = "country";
    public const string Period = "period";
    public const string AsOf = "asOf";

    public static IReadOnlyDictionary<string, object?> ToParameters(DashboardFilters filters) => new Dictionary<string, object?>
    {
        [Owner] = filters.Owner,
        [Category] = filters.CategoryId,
        [Group] = filters.CategoryGroup,
        [Country] = filters.Country,
        [Period] = filters.Period,
        [AsOf] = filters.AsOf,
    };

    /// <summary>"?owner=me&amp;period=last90d" (empty when no filter is set), for links such as the CSV download.</summary>
    public static string ToQueryString(DashboardFilters filters)
    {
        var parts = ToParameters(filters)
            .Where(p => p.Value is not null && !(p.Value is string s && string.IsNullOrWhiteSpace(s)))
            .Select(p => $"{p.Key}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}")
            .ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

public static class TileTitles
{
    /// <summary>The tile's title in the user's language, falling back to English and then the single title.</summary>
    public static string Of(TileSpec tile) =>
        L.Pick(tile.Titles?.En, tile.Titles?.Nl) is { Length: > 0 } picked ? picked
            : tile.Title is { Length: > 0 } title ? title
            : L.T("Untitled tile", "Tegel zonder titel");
}
