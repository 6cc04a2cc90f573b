using System.Globalization;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.FollowUps;

/// <summary>How a follow-up's moment reads on screen, in the user's time zone: "Call Tue 8 Dec 14:00 (Anna)".</summary>
public static class FollowUpFormat
{
    public static string Due(FollowUpDto f, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(f.DueAt, zone);
        var day = local.ToString("ddd d MMM", CultureInfo.CurrentCulture);
        if (local.Year != TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone).Year)
        {
            day += local.ToString(" yyyy", CultureInfo.CurrentCulture);
        }

        return f.AllDay ? $"{day} ({L.T("all day", "hele dag")})" : $"{day} {local:HH:mm}";
    }

    public static string Time(FollowUpDto f, TimeZoneInfo zone) =>
        f.AllDay ? L.T("All day", "Hele dag") : TimeZoneInfo.ConvertTimeFromUtc(f.DueAt, zone).ToString("HH:mm", CultureInfo.CurrentCulture);

    public static string Summary(FollowUpDto f, TimeZoneInfo zone) =>
        f.OwnerName is { } owner ? $"{f.TypeName} {Due(f, zone)} ({owner})" : $"{f.TypeName} {Due(f, zone)}";
}
