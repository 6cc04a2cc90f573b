using System.Globalization;

namespace Leadwerk.Web.FollowUps;

/// <summary>One bucket of My day as shown: the server's count, and the items so far ("show more" adds to them).</summary>
public sealed class MyDaySection(string due, int count, IEnumerable<FollowUpDto> items)
{
    /// <summary>The bucket's name in GET /api/follow-ups?due=: overdue, today or next7.</summary>
    public string Due { get; } = due;

    public int Count { get; } = count;

    public List<FollowUpDto> Items { get; } = [.. items];

    public bool HasMore => Items.Count < Count;
}

/// <summary>The three buckets of one load of My day, in the order j and k walk through them.</summary>
public sealed class MyDayView(MyDayDto day)
{
    public MyDayDto Day { get; } = day;

    /// <summary>The day's owner's zone: the buckets follow it, so times and days are shown in it too.</summary>
    public TimeZoneInfo Zone { get; } = UserTime.Find(day.TimeZone) ?? TimeZoneInfo.Utc;

    public IReadOnlyList<MyDaySection> Sections { get; } =
    [
        new("overdue", day.Overdue.Count, day.Overdue.Items),
        new("today", day.Due.Count, day.Due.Items),
        new("next7", day.Next7.Count, day.Next7.Items),
    ];

    public IEnumerable<FollowUpDto> Rows => Sections.SelectMany(s => s.Items);

    public bool IsEmpty => Sections.All(s => s.Count == 0);
}

/// <summary>The reschedule buttons of My day: the same time of day a number of days later, in the day's zone.</summary>
public static class FollowUpReschedule
{
    /// <summary>
    /// Counted from the due day, or from today for one that is overdue: snoozing last week's call by a
    /// day should bring it to tomorrow, not leave it overdue. An all-day follow-up moves by its day;
    /// a timed one keeps its clock time across a DST change (or the first time that exists, in a gap).
    /// </summary>
    public static FollowUpChanges By(FollowUpDto f, int days, TimeZoneInfo zone, DateTime utcNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(f.DueAt, zone);
        var today = UserTime.DayOf(utcNow, zone).ToDateTime(TimeOnly.MinValue);
        var day = (local.Date < today ? today : local.Date).AddDays(days);
        if (f.AllDay)
        {
            return new FollowUpChanges { DueAt = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AllDay = true };
        }

        var at = DateTime.SpecifyKind(day + local.TimeOfDay, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(at))
        {
            at = at.AddMinutes(30);
        }

        var due = new DateTimeOffset(at, zone.GetUtcOffset(at)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return new FollowUpChanges { DueAt = due, AllDay = false };
    }
}
