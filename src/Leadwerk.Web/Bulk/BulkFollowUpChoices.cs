using System.Globalization;
using System.Text.Json.Nodes;

namespace Leadwerk.Web.Bulk;

/// <summary>The follow-up a user fills in for "plan a follow-up" in the bulk update dialog (F15).</summary>
public sealed class BulkFollowUpChoices
{
    public const string EachOwner = "each";
    public const string OneUser = "user";

    public int? TypeId { get; set; }
    public string? Title { get; set; }

    /// <summary>yyyy-mm-dd and hh:mm, as the browser's date and time inputs give them.</summary>
    public string? Date { get; set; }
    public string? Time { get; set; }
    public bool AllDay { get; set; } = true;
    public int? DurationMinutes { get; set; }
    public string? Notes { get; set; }
    public string Owner { get; set; } = EachOwner;
    public int? OwnerId { get; set; }

    /// <summary>The user's time zone: a time they type is a moment there.</summary>
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;

    public bool TypeMissing => TypeId is null;
    public bool DateMissing => Day is null;
    public bool TimeMissing => !AllDay && Clock is null;
    public bool OwnerMissing => Owner == OneUser && OwnerId is null;
    public bool Complete => !TypeMissing && !DateMissing && !TimeMissing && !OwnerMissing;

    private DateOnly? Day => DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private TimeOnly? Clock => TimeOnly.TryParseExact(Time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>A date alone is all day (in the owner's zone, the server decides); a time goes with the user's offset on that day.</summary>
    public BulkFollowUp ToRequest()
    {
        var due = Date;
        if (!AllDay && Day is { } day && Clock is { } time)
        {
            var local = day.ToDateTime(time, DateTimeKind.Unspecified);
            due = new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        return new BulkFollowUp(TypeId is { } id ? JsonValue.Create(id) : null, string.IsNullOrWhiteSpace(Title) ? null : Title.Trim(), due, AllDay,
            DurationMinutes, Owner == OneUser ? OwnerId : null, string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim());
    }
}
