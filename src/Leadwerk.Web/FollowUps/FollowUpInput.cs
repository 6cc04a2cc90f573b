using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.FollowUps;

/// <summary>Reads the values of a follow-up as the API and the UI send them, with the messages a user understands.</summary>
public static partial class FollowUpInput
{
    private static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A type's key (call, email, meeting, task) or id, as text or as a number.</summary>
    public static (string? Key, int? Id) Type(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node is null ? (null, null) : throw WrongType();
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String when value.GetValue<string>().Trim() is var text =>
                int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (null, id) : (text.ToLowerInvariant(), null),
            JsonValueKind.Number when value.TryGetValue<int>(out var id) => (null, id),
            _ => throw WrongType(),
        };
    }

    /// <summary>
    /// ISO 8601 with an offset ("2026-12-07T14:00:00+01:00" or "…Z") as a UTC moment; a date alone
    /// ("2026-12-07") means all day. An all-day follow-up is due at the start of its day in the
    /// owner's zone, so the day is what its owner sees, whatever offset the caller wrote.
    /// </summary>
    public static (DateTime Utc, bool AllDay)? Due(Validation v, string? text, bool? allDay, TimeZoneInfo ownerZone)
    {
        var label = FollowUpRules.Label("dueAt");
        if (Validation.Clean(text) is not { } value)
        {
            v.Add("dueAt", L.T($"{label} is required.", $"{label} is verplicht."));
            return null;
        }

        DateOnly day;
        DateTime utc;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            if (allDay == false)
            {
                v.Add("dueAt", L.T($"{label} needs a time unless the follow-up is all day.", $"{label} heeft een tijd nodig, tenzij de vervolgactie de hele dag is."));
                return null;
            }

            utc = UserTime.StartOf(day, ownerZone);
            return InRange(v, utc, allDay: true);
        }

        if (!HasOffset().IsMatch(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            v.Add("dueAt", L.T(
                $"{label} must be a date (2026-12-07) or a date and time with its offset (2026-12-07T14:00:00+01:00).",
                $"{label} moet een datum (2026-12-07) zijn of een datum en tijd met de afwijking van UTC (2026-12-07T14:00:00+01:00)."));
            return null;
        }

        if (allDay == true)
        {
            day = DateOnly.FromDateTime(moment.DateTime);
            return InRange(v, UserTime.StartOf(day, ownerZone), allDay: true);
        }

        return InRange(v, moment.UtcDateTime, allDay: false);
    }

    public static int? Duration(Validation v, int? minutes)
    {
        if (minutes is { } m && (m < 1 || m > FollowUpRules.MaxDurationMinutes))
        {
            v.Add("durationMinutes", L.T(
                $"The duration must be between 1 and {FollowUpRules.MaxDurationMinutes} minutes.",
                $"De duur moet tussen 1 en {FollowUpRules.MaxDurationMinutes} minuten liggen."));
        }

        return minutes;
    }

    public static string? Text(Validation v, string field, string? text, int max)
    {
        var value = Validation.Clean(text);
        v.MaxLength(field, value, max, FollowUpRules.Label(field));
        return value;
    }

    private static (DateTime, bool)? InRange(Validation v, DateTime utc, bool allDay)
    {
        if (utc < Earliest || utc >= Latest)
        {
            v.Add("dueAt", L.T("The due date must lie between the years 1900 and 2199.", "De datum moet tussen de jaren 1900 en 2199 liggen."));
            return null;
        }

        return (utc, allDay);
    }

    private static DomainException WrongType() => new(400, ErrorCodes.MalformedRequest, L.T(
        "“type” must be call, email, meeting, task or the id of a follow-up type.",
        "“type” moet call, email, meeting, task of het id van een soort vervolgactie zijn."), "type");

    [GeneratedRegex(@"T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
