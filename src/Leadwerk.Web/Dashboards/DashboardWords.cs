using System.Globalization;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Dashboards;

/// <summary>The dashboard's names for charts, periods and measures, and how its figures read.</summary>
public static class DashboardWords
{
    public static string Chart(string? chart) => chart switch
    {
        Charts.BigNumber => L.T("Big number", "Groot getal"),
        Charts.Column => L.T("Columns", "Kolommen"),
        Charts.Bar => L.T("Bars", "Staven"),
        Charts.Line => L.T("Line", "Lijn"),
        Charts.Pie => L.T("Pie", "Taart"),
        Charts.Donut => L.T("Donut", "Donut"),
        Charts.Funnel => L.T("Funnel", "Trechter"),
        Charts.List => L.T("List", "Lijst"),
        Charts.Table => L.T("Table", "Tabel"),
        _ => chart ?? "",
    };

    public static string Period(string? preset) => preset switch
    {
        PeriodPresets.Last7Days => L.T("Last 7 days", "Laatste 7 dagen"),
        PeriodPresets.Last30Days => L.T("Last 30 days", "Laatste 30 dagen"),
        PeriodPresets.Last90Days => L.T("Last 90 days", "Laatste 90 dagen"),
        PeriodPresets.Last365Days => L.T("Last 365 days", "Laatste 365 dagen"),
        PeriodPresets.ThisMonth => L.T("This month", "Deze maand"),
        PeriodPresets.ThisQuarter => L.T("This quarter", "Dit kwartaal"),
        PeriodPresets.YearToDate => L.T("Year to date", "Dit jaar tot nu"),
        PeriodPresets.Custom => L.T("Custom dates", "Eigen data"),
        null or "" => L.T("Dashboard's default", "Standaard van het dashboard"),
        _ => preset,
    };

    public static string Measure(string? fn) => fn switch
    {
        "avg" => L.T("Average", "Gemiddelde"),
        "median" => L.T("Median", "Mediaan"),
        "p90" => L.T("90th percentile", "90e percentiel"),
        "sum" => L.T("Sum", "Som"),
        _ => L.T("Count", "Aantal"),
    };

    public static string Bucket(string? bucket) => bucket switch
    {
        "day" => L.T("Day", "Dag"),
        "week" => L.T("Week", "Week"),
        "month" => L.T("Month", "Maand"),
        _ => L.T("None", "Geen"),
    };

    public static string Visibility(string? visibility) =>
        visibility == "everyone" ? L.T("Everyone", "Iedereen") : L.T("Only me", "Alleen ik");

    /// <summary>A figure as it reads on screen: counts whole, durations with one decimal and their unit.</summary>
    public static string Figure(double value, string? unit)
    {
        var number = unit is null && Math.Abs(value % 1) < 1e-9
            ? value.ToString("N0", CultureInfo.CurrentCulture)
            : value.ToString("#,0.#", CultureInfo.CurrentCulture);
        return unit switch
        {
            "days" => L.T($"{number} days", $"{number} dagen"),
            "hours" => L.T($"{number} hours", $"{number} uur"),
            _ => number,
        };
    }

    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>"1 March 2026" for a yyyy-mm-dd day.</summary>
    public static string Day(string? isoDay) =>
        DateOnly.TryParseExact(isoDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)
            : isoDay ?? "";

    public static string Other => L.T("Other", "Overig");

    public static string Total => L.T("Total", "Totaal");
}
