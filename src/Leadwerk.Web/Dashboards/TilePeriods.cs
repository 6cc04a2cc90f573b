using System.Globalization;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Dashboards;

/// <summary>A period of whole UTC days: From inclusive, To exclusive (the start of the day after).</summary>
public sealed record DayRange(DateTime From, DateTime To)
{
    public int Days => (int)(To - From).TotalDays;

    /// <summary>The same number of days just before.</summary>
    public DayRange Previous => new(From.AddDays(-Days), From);

    public string FromText => Day(From);

    /// <summary>The last day inside the period, as criteria's inclusive "between" wants it.</summary>
    public string LastDayText => Day(To.AddDays(-1));

    public string Describe() => L.T($"{FromText} to {LastDayText}", $"{FromText} t/m {LastDayText}");

    public static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public static class TilePeriods
{
    /// <summary>
    /// The days a preset covers, ending with <paramref name="today"/> (the as-of day, or today):
    /// "last 30 days" is today and the 29 days before it.
    /// </summary>
    public static DayRange? Resolve(string? preset, string? from, string? to, DateTime today)
    {
        var end = today.Date.AddDays(1);
        return preset switch
        {
            PeriodPresets.Last7Days => new(end.AddDays(-7), end),
            PeriodPresets.Last30Days => new(end.AddDays(-30), end),
            PeriodPresets.Last90Days => new(end.AddDays(-90), end),
            PeriodPresets.Last365Days => new(end.AddDays(-365), end),
            PeriodPresets.ThisMonth => new(new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc), end),
            PeriodPresets.ThisQuarter => new(new DateTime(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, DateTimeKind.Utc), end),
            PeriodPresets.YearToDate => new(new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc), end),
            PeriodPresets.Custom when ParseDay(from) is { } f && ParseDay(to) is { } t && t >= f => new(f, t.AddDays(1)),
            _ => null,
        };
    }

    public static DateTime? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is > 1900 and < 9000
            ? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;

    public static string Name(string? preset) => preset switch
    {
        PeriodPresets.Last7Days => L.T("last 7 days", "laatste 7 dagen"),
        PeriodPresets.Last30Days => L.T("last 30 days", "laatste 30 dagen"),
        PeriodPresets.Last90Days => L.T("last 90 days", "laatste 90 dagen"),
        PeriodPresets.Last365Days => L.T("last 365 days", "laatste 365 dagen"),
        PeriodPresets.ThisMonth => L.T("this month", "deze maand"),
        PeriodPresets.ThisQuarter => L.T("this quarter", "dit kwartaal"),
        PeriodPresets.YearToDate => L.T("year to date", "dit jaar tot nu"),
        _ => L.T("custom period", "eigen periode"),
    };
}
