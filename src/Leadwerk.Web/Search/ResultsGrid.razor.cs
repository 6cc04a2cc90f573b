using System.Globalization;
using Leadwerk.Web.Components.Shared;
using Leadwerk.Web.Localization;
using MudBlazor;

namespace Leadwerk.Web.Search;

/// <summary>How the results grid labels, sorts and links its cells.</summary>
public partial class ResultsGrid
{
    private string Label(string column) => Fields.FirstOrDefault(f => f.Key == column)?.Label ?? column;

    private string? AriaSort(string column) =>
        Current.Column == column ? (Current.Descending ? "descending" : "ascending") : null;

    private string? SortIcon(string column) =>
        Current.Column != column ? null : Current.Descending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward;

    private (string Column, bool Descending) Current
    {
        get
        {
            var sort = string.IsNullOrWhiteSpace(Sort) ? SearchFields.DefaultSort(Entity) : Sort;
            return (sort.TrimStart('-'), sort.StartsWith('-'));
        }
    }

    private static int RowId(ResultRow row) => row.Id;

    private string RowName(ResultRow row)
    {
        var names = Entity == Entities.Person ? new[] { "person.firstName", "person.lastName" } : ["company.name"];
        var text = string.Join(" ", names.Select(n => row.Values.GetValueOrDefault(n) as string).Where(n => !string.IsNullOrWhiteSpace(n)));
        return text.Length > 0 ? text : string.Join(" ", Shown.Select(c => Text(row, c)).Take(2));
    }

    private static string Text(ResultRow row, string column) => row.Values.GetValueOrDefault(column) switch
    {
        null => UiFormat.Empty,
        DateTime d => UiFormat.When(d),
        string s when string.IsNullOrWhiteSpace(s) => UiFormat.Empty,
        var v => Convert.ToString(v, CultureInfo.CurrentCulture) ?? UiFormat.Empty,
    };

    /// <summary>Names link to their card; with no name column, the first column does.</summary>
    private string? Link(ResultRow row, string column)
    {
        var id = RowId(row);
        if (Entity == Entities.Company)
        {
            return column == "company.name" || (column == Shown[0] && !Shown.Contains("company.name")) ? $"/companies/{id}" : null;
        }

        if (column is "person.firstName" or "person.lastName"
            || (column == Shown[0] && !Shown.Contains("person.firstName") && !Shown.Contains("person.lastName")))
        {
            return $"/persons/{id}";
        }

        return column == "company.name" && row.Values.GetValueOrDefault("person.companyId") is int companyId ? $"/companies/{companyId}" : null;
    }
}
