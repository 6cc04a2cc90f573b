using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.FollowUps;

/// <summary>
/// A user's follow-ups as an iCalendar feed (RFC 5545, F15) at a secret address, so Outlook, Google
/// and Apple calendars can subscribe without logging in: the token in the address is the only key.
/// The feed holds the user's open follow-ups due from <see cref="DaysBack"/> days back to a year
/// ahead, and those done in the last <see cref="DaysBack"/> days (marked done), at most
/// <see cref="MaxEvents"/>: from today onwards soonest first, then the past most recent first.
/// </summary>
public sealed class CalendarFeed(LeadwerkDbContext db, UserTime clock)
{
    public const int DaysBack = 30;
    public const int MaxEvents = 2_000;
    public const int TimedMinutes = 30;

    /// <summary>256 bits in base64url without padding.</summary>
    private const int TokenBytes = 32;
    private const int TokenLength = 43;

    public static string Path(string token) => $"/calendar/{token}.ics";

    /// <summary>The user's current token, null while the feed is off.</summary>
    public async Task<string?> Token(int userId) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CalendarToken).FirstOrDefaultAsync();

    /// <summary>
    /// A new token; the old address stops working at once. Set-based, so the user's version (an
    /// administrator's open edit of the user) does not move.
    /// </summary>
    public async Task<string> Reset(int userId)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarToken, token));
        return token;
    }

    public async Task TurnOff(int userId) =>
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarToken, (string?)null));

    /// <summary>The feed as text, or null for a token that is unknown, reset, turned off or a disabled user's.</summary>
    public async Task<string?> Render(string token, string baseUrl)
    {
        if (token.Length != TokenLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        // Found by its unique index; the fixed-time comparison keeps the answer's timing from
        // depending on how much of a guess matched, whatever the database's comparison does.
        var user = await db.Users.AsNoTracking().Where(u => u.CalendarToken == token && !u.Disabled)
            .Select(u => new { u.Id, u.CalendarToken, u.Language, u.TimeZone }).FirstOrDefaultAsync();
        if (user?.CalendarToken is null || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(user.CalendarToken), Encoding.ASCII.GetBytes(token)))
        {
            return null;
        }

        var language = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(L.Normalize(user.Language) ?? "en");
        try
        {
            var zone = UserTime.Find(user.TimeZone) ?? clock.DefaultZone;
            return new CalendarSerializer().SerializeToString(Calendar(await Rows(user.Id, zone), zone, baseUrl.TrimEnd('/')));
        }
        finally
        {
            CultureInfo.CurrentUICulture = language;
        }
    }

    private async Task<List<FeedRow>> Rows(int userId, TimeZoneInfo zone)
    {
        var now = clock.UtcNow;
        var from = now.AddDays(-DaysBack);
        var to = now.AddYears(1);
        var today = UserTime.Days(now, zone).TodayStart;
        var mine = db.FollowUps.AsNoTracking()
            .Where(f => f.OwnerId == userId && f.DueAt >= from && f.DueAt < to && (f.CompletedAt == null || f.CompletedAt >= from));
        var ahead = await Select(mine.Where(f => f.DueAt >= today).OrderBy(f => f.DueAt).ThenBy(f => f.Id)).Take(MaxEvents).ToListAsync();
        var past = ahead.Count == MaxEvents ? [] : await Select(mine.Where(f => f.DueAt < today)
            .OrderByDescending(f => f.DueAt).ThenByDescending(f => f.Id)).Take(MaxEvents - ahead.Count).ToListAsync();
        return [.. ahead, .. past];
    }

    private static IQueryable<FeedRow> Select(IQueryable<FollowUp> followUps) => followUps.Select(f => new FeedRow(
        f.Id, f.PersonId, f.Title, f.DueAt, f.AllDay, f.DurationMinutes, f.Notes, f.CompletedAt, f.Outcome,
        f.CompletedBy == null ? null : f.CompletedBy.DisplayName, f.CreatedAt, f.UpdatedAt, f.Version,
        f.Type.NameEn, f.Type.NameNl, f.Person.FirstName, f.Person.LastName, f.Person.Company == null ? null : f.Person.Company.Name));

    private Calendar Calendar(List<FeedRow> rows, TimeZoneInfo zone, string baseUrl)
    {
        var calendar = new Calendar { ProductId = "-//Leadwerk//Follow-ups//EN" };
        calendar.AddProperty("X-WR-CALNAME", L.T("Leadwerk follow-ups", "Leadwerk-vervolgacties"));
        // Most clients refresh on their own schedule; these ask for about an hour.
        calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        var stamp = new CalDateTime(clock.UtcNow, CalDateTime.UtcTzId);
        foreach (var f in rows)
        {
            calendar.Events.Add(Event(f, zone, baseUrl, stamp));
        }

        return calendar;
    }

    private static CalendarEvent Event(FeedRow f, TimeZoneInfo zone, string baseUrl, CalDateTime stamp)
    {
        var card = new Uri($"{baseUrl}/persons/{f.PersonId}");
        var person = $"{f.FirstName} {f.LastName}".Trim() + (f.Company is null ? "" : $" ({f.Company})");
        var summary = $"{L.Pick(f.TypeEn, f.TypeNl)}: {f.Title} – {person}";
        var done = f.CompletedAt is not null;
        var e = new CalendarEvent
        {
            Uid = $"followup-{f.Id}@leadwerk",
            DtStamp = stamp,
            Created = Utc(f.CreatedAt),
            LastModified = Utc(f.UpdatedAt),
            Sequence = f.Version,
            // RFC 5545 has no "completed" for events (only for to-dos): a done one says so in its
            // summary and category, and no longer blocks time in free/busy.
            Summary = done ? "✓ " + summary : summary,
            Description = Description(f, card),
            Url = card,
            Status = EventStatus.Confirmed,
            Transparency = done ? TransparencyType.Transparent : TransparencyType.Opaque,
        };
        if (done)
        {
            e.Categories.Add(L.T("Done", "Afgerond"));
        }

        if (f.AllDay)
        {
            // The day the owner sees it on, whatever zone the subscribing calendar is in.
            var day = UserTime.DayOf(f.DueAt, zone);
            e.DtStart = new CalDateTime(day);
            e.DtEnd = new CalDateTime(day.AddDays(1));
        }
        else
        {
            e.DtStart = Utc(f.DueAt);
            e.DtEnd = Utc(f.DueAt.AddMinutes(f.DurationMinutes ?? TimedMinutes));
        }

        return e;
    }

    private static string Description(FeedRow f, Uri card)
    {
        var text = new StringBuilder();
        if (f.CompletedAt is { } at)
        {
            text.Append(L.T($"Done on {at:yyyy-MM-dd}", $"Afgerond op {at:yyyy-MM-dd}"))
                .Append(f.CompletedByName is null ? "" : L.T($" by {f.CompletedByName}", $" door {f.CompletedByName}"));
            text.AppendLine(string.IsNullOrWhiteSpace(f.Outcome) ? "." : $": {f.Outcome}");
            text.AppendLine();
        }

        if (!string.IsNullOrWhiteSpace(f.Notes))
        {
            text.AppendLine(f.Notes).AppendLine();
        }

        return text.Append(card).ToString();
    }

    private static CalDateTime Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc), CalDateTime.UtcTzId);

    private sealed record FeedRow(
        int Id, int PersonId, string Title, DateTime DueAt, bool AllDay, int? DurationMinutes, string? Notes, DateTime? CompletedAt,
        string? Outcome, string? CompletedByName, DateTime CreatedAt, DateTime UpdatedAt, int Version, string TypeEn, string TypeNl,
        string FirstName, string LastName, string? Company);
}
