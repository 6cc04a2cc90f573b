using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.FollowUps;

/// <summary>
/// Which day it is for a user (F15): times are stored in UTC, and "today", "overdue" and an all-day
/// follow-up's day follow the user's time zone; a user without one follows the server's
/// (<c>Leadwerk:DefaultTimeZone</c>, else the machine's).
/// </summary>
public sealed class UserTime(LeadwerkDbContext db, TimeProvider time, IConfiguration configuration)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public TimeZoneInfo DefaultZone =>
        Find(configuration["Leadwerk:DefaultTimeZone"]) ?? time.LocalTimeZone;

    public async Task<TimeZoneInfo> ZoneOf(int? userId)
    {
        var id = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefaultAsync();
        return Find(id) ?? DefaultZone;
    }

    /// <summary>The calendar day of a moment in a zone, and the UTC moment a day starts there.</summary>
    public static DateOnly DayOf(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    public static DateTime StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where a zone skips midnight (a DST change at 00:00), the day starts at the first moment that exists.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The bounds of My day's buckets: the start of today, of tomorrow and of the day after the next seven.</summary>
    public static (DateOnly Today, DateTime TodayStart, DateTime TomorrowStart, DateTime WeekEnd) Days(DateTime now, TimeZoneInfo zone)
    {
        var today = DayOf(now, zone);
        return (today, StartOf(today, zone), StartOf(today.AddDays(1), zone), StartOf(today.AddDays(8), zone));
    }

    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    /// <summary>An IANA name such as Europe/Amsterdam, as browsers report it; a Windows name is turned into one.</summary>
    public static string ValidZone(string? id)
    {
        var zone = Find(id) ?? throw DomainException.Invalid("timeZone", L.T(
            "The time zone is not known; use a name such as Europe/Amsterdam.", "De tijdzone is onbekend; gebruik een naam zoals Europe/Amsterdam."));
        return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }
}
