namespace Leadwerk.Web.Search;

/// <summary>The per-user settings keys (<see cref="Users.UserSettings"/>) Find remembers between visits.</summary>
public static class FindSettings
{
    public const string Entity = "find.entity";

    public static string Criteria(string entity) => $"find.{entity}.criteria";

    public static string Columns(string entity) => $"find.{entity}.columns";

    public static string Sort(string entity) => $"find.{entity}.sort";

    /// <summary>The members grid of selections keeps its own columns, apart from Find's.</summary>
    public static string SelectionColumns(string entity) => $"selection.{entity}.columns";

    /// <summary>The Persons list keeps its own columns and sort, apart from Find's.</summary>
    public const string PersonsColumns = "persons.columns";

    public const string PersonsSort = "persons.sort";

    /// <summary>The Companies list keeps its own columns; its sort and filters live in its address.</summary>
    public const string CompaniesColumns = "companies.columns";
}
