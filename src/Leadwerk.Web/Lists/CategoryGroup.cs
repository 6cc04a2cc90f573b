using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Lists;

/// <summary>The fixed groups a category belongs to (SPEC §1).</summary>
public enum CategoryGroup
{
    Customer = 1,
    PotentialCustomer = 2,
    Partner = 3,
    Lost = 4,
    Other = 5,
}

public static class CategoryGroups
{
    public static IReadOnlyList<CategoryGroup> All { get; } = Enum.GetValues<CategoryGroup>();

    public static string Key(this CategoryGroup group) => group switch
    {
        CategoryGroup.Customer => "customer",
        CategoryGroup.PotentialCustomer => "potentialCustomer",
        CategoryGroup.Partner => "partner",
        CategoryGroup.Lost => "lost",
        _ => "other",
    };

    public static string DisplayName(this CategoryGroup group) => group switch
    {
        CategoryGroup.Customer => L.T("Customer", "Klant"),
        CategoryGroup.PotentialCustomer => L.T("Potential customer", "Potentiële klant"),
        CategoryGroup.Partner => L.T("Partner", "Partner"),
        CategoryGroup.Lost => L.T("Lost", "Verloren"),
        _ => L.T("Other", "Overig"),
    };

    public static CategoryGroup? FromKey(string? key) =>
        All.Cast<CategoryGroup?>().FirstOrDefault(g => string.Equals(g!.Value.Key(), key, StringComparison.OrdinalIgnoreCase));
}
