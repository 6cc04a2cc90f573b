using System.Globalization;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.FollowUps;

/// <summary>
/// A follow-up being typed in a dialog: the day and time as the user sees them in their time zone,
/// turned into the API's request (ISO 8601 with that zone's offset) only on saving.
/// </summary>
public sealed class FollowUpDraft
{
    public int? TypeId { get; set; }
    public string? Title { get; set; }
    public DateTime? Day { get; set; }
    public TimeSpan? Time { get; set; }
    public bool AllDay { get; set; }
    public int? DurationMinutes { get; set; }
    public int? OwnerId { get; set; }
    public string? Notes { get; set; }

    /// <summary>The day and time as native date and time inputs hold them (yyyy-mm-dd, HH:mm).</summary>
    public string? DayText
    {
        get => Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        set => Day = DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    public string? TimeText
    {
        get => Time is { } t ? $"{t.Hours:00}:{t.Minutes:00}" : null;
        set => Time = TimeSpan.TryParseExact(value, [@"hh\:mm", @"hh\:mm\:ss"], CultureInfo.InvariantCulture, out var t) ? t : null;
    }

    /// <summary>Every value the user can change, to tell whether closing the dialog throws typing away.</summary>
    public string Snapshot => string.Join('\u001f', TypeId, Title, DayText, TimeText, AllDay, DurationMinutes, OwnerId, Notes);

    /// <summary>The values as a form draft keeps them (FormDraft), to be offered back after a reload.</summary>
    public Dictionary<string, string?> DraftValues() => new()
    {
        ["typeId"] = TypeId?.ToString(CultureInfo.InvariantCulture), ["title"] = Title, ["day"] = DayText, ["time"] = TimeText,
        ["allDay"] = AllDay ? "true" : null, ["durationMinutes"] = DurationMinutes?.ToString(CultureInfo.InvariantCulture),
        ["ownerId"] = OwnerId?.ToString(CultureInfo.InvariantCulture), ["notes"] = Notes,
    };

    public void Restore(Dictionary<string, string?> values)
    {
        (TypeId, DurationMinutes, OwnerId) = (Components.Shared.FormDraft.Int(values, "typeId"), Components.Shared.FormDraft.Int(values, "durationMinutes"),
            Components.Shared.FormDraft.Int(values, "ownerId"));
        (Title, DayText, TimeText, Notes) = (values.GetValueOrDefault("title"), values.GetValueOrDefault("day"), values.GetValueOrDefault("time"), values.GetValueOrDefault("notes"));
        AllDay = values.GetValueOrDefault("allDay") == "true";
    }

    /// <summary>A new follow-up: tomorrow at 10:00 in the user's zone, unless told otherwise.</summary>
    public static FollowUpDraft New(TimeZoneInfo zone, DateTime utcNow, int? typeId, int daysAhead = 1)
    {
        var today = UserTime.DayOf(utcNow, zone);
        return new FollowUpDraft { TypeId = typeId, Day = today.AddDays(daysAhead).ToDateTime(TimeOnly.MinValue), Time = new TimeSpan(10, 0, 0) };
    }

    public static FollowUpDraft Of(FollowUpDto f, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(f.DueAt, zone);
        return new FollowUpDraft
        {
            TypeId = f.TypeId, Title = f.Title, Day = local.Date, Time = f.AllDay ? new TimeSpan(10, 0, 0) : local.TimeOfDay,
            AllDay = f.AllDay, DurationMinutes = f.DurationMinutes, OwnerId = f.OwnerId, Notes = f.Notes,
        };
    }

    /// <summary>The due moment as the API reads it; null when the day (or the time of a timed one) is missing.</summary>
    public string? DueAt(TimeZoneInfo zone)
    {
        if (Day is not { } day)
        {
            return null;
        }

        if (AllDay)
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (Time is not { } time)
        {
            return null;
        }

        var local = DateTime.SpecifyKind(day.Date + time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>True when the follow-up would be due before now: the dialog asks before it saves one as open.</summary>
    public bool IsPast(TimeZoneInfo zone, DateTime utcNow)
    {
        if (Day is not { } day)
        {
            return false;
        }

        var today = UserTime.DayOf(utcNow, zone).ToDateTime(TimeOnly.MinValue);
        return AllDay || Time is null
            ? day.Date < today
            : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.Date + Time.Value, DateTimeKind.Unspecified), zone) < utcNow;
    }

    public FollowUpRequest ToRequest(int personId, TimeZoneInfo zone) => new(
        personId, TypeId?.ToString(CultureInfo.InvariantCulture), Title, DueAt(zone), AllDay, DurationMinutes, OwnerId, Notes);

    public FollowUpChanges ToChanges(TimeZoneInfo zone) => new()
    {
        Type = System.Text.Json.Nodes.JsonValue.Create(TypeId?.ToString(CultureInfo.InvariantCulture)),
        Title = Title, DueAt = DueAt(zone), AllDay = AllDay, DurationMinutes = DurationMinutes, OwnerId = OwnerId, Notes = Notes,
    };

    public static string MissingDay => L.T("Enter a day.", "Vul een dag in.");
}
