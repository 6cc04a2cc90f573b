using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.FollowUps;

/// <summary>The lists of follow-ups: GET /api/follow-ups and My day, each a range of one index.</summary>
public sealed partial class FollowUpService
{
    /// <summary>Cap of each My day bucket's items; its count is always exact.</summary>
    public const int DayBucketLimit = 200;

    private sealed record DuePosition(DateTime D, int I);

    public async Task<Page<FollowUpDto>> List(FollowUpFilter filter, int? limit, string? cursor)
    {
        var take = Cursor.Limit(limit);
        var now = clock.UtcNow;
        var zone = await clock.ZoneOf(filter.OwnerId ?? db.Actor.Value.UserId);
        var query = db.FollowUps.AsQueryable();
        if (filter.PersonId is { } personId)
        {
            query = query.Where(f => f.PersonId == personId);
        }

        if (filter.OwnerId is { } ownerId)
        {
            query = query.Where(f => f.OwnerId == ownerId);
        }

        if (filter.TypeId is { } typeId)
        {
            query = query.Where(f => f.TypeId == typeId);
        }

        var due = filter.Due?.Trim().ToLowerInvariant();
        var done = due == "done";
        var days = UserTime.Days(now, zone);
        query = due switch
        {
            null or "" => query,
            "open" => query.Where(f => f.CompletedAt == null),
            "done" => query.Where(f => f.CompletedAt != null),
            "overdue" => Overdue(query, now, days.TodayStart),
            "today" => Today(query, now, days.TodayStart, days.TomorrowStart),
            "next7" => query.Where(f => f.CompletedAt == null && f.DueAt >= days.TomorrowStart && f.DueAt < days.WeekEnd),
            _ => throw DomainException.Invalid("due", L.T(
                "due must be overdue, today, next7, open or done.", "due moet overdue, today, next7, open of done zijn.")),
        };

        // Done ones newest first by when they were done; all others by due date, soonest first.
        if (Cursor.Decode<DuePosition>(cursor) is { } after)
        {
            query = done
                ? query.Where(f => f.CompletedAt <= after.D && (f.CompletedAt < after.D || f.Id < after.I))
                : query.Where(f => f.DueAt >= after.D && (f.DueAt > after.D || f.Id > after.I));
        }

        var ordered = done
            ? query.OrderByDescending(f => f.CompletedAt).ThenByDescending(f => f.Id)
            : query.OrderBy(f => f.DueAt).ThenBy(f => f.Id);
        var rows = await Rows(ordered).Take(take + 1).ToListAsync();
        return Cursor.ToPage(rows, take, r => new DuePosition(done ? r.FollowUp.CompletedAt!.Value : r.FollowUp.DueAt, r.FollowUp.Id),
            r => r.ToDto(now, zone));
    }

    /// <summary>
    /// My day: the owner's open follow-ups that are overdue, due today, or due in the next seven
    /// days, in the owner's time zone. Only an admin may look at a colleague's day.
    /// </summary>
    public async Task<MyDayDto> Day(int? ownerId, int? typeId)
    {
        var me = db.Actor.Value.UserId;
        var owner = ownerId ?? me;
        if (owner != me && !db.Actor.Value.IsAdmin)
        {
            throw new DomainException(403, ErrorCodes.Forbidden, L.T(
                "Only an administrator can look at a colleague's day.", "Alleen een beheerder kan de dag van een collega bekijken."));
        }

        var zone = await clock.ZoneOf(owner);
        var now = clock.UtcNow;
        var days = UserTime.Days(now, zone);
        var mine = db.FollowUps.Where(f => f.OwnerId == owner);
        if (typeId is { } type)
        {
            mine = mine.Where(f => f.TypeId == type);
        }

        // The page's ids first, from the index alone, then their names: PostgreSQL otherwise joins
        // the whole bucket before it cuts it to the page.
        async Task<DayBucket> Bucket(IQueryable<FollowUp> bucket)
        {
            var count = await bucket.CountAsync();
            var ids = await bucket.OrderBy(f => f.DueAt).ThenBy(f => f.Id).Select(f => f.Id).Take(DayBucketLimit).ToListAsync();
            var rows = ids.Count == 0 ? [] : await Rows(db.FollowUps.Where(f => ids.Contains(f.Id)).OrderBy(f => f.DueAt).ThenBy(f => f.Id)).ToListAsync();
            return new DayBucket(count, rows.Select(r => r.ToDto(now, zone)).ToList());
        }

        return new MyDayDto(
            owner, ZoneName(zone), days.Today,
            await Bucket(Overdue(mine, now, days.TodayStart)),
            await Bucket(Today(mine, now, days.TodayStart, days.TomorrowStart)),
            await Bucket(mine.Where(f => f.CompletedAt == null && f.DueAt >= days.TomorrowStart && f.DueAt < days.WeekEnd)));
    }

    /// <summary>A timed follow-up is overdue once its moment has passed; an all-day one once its day has.</summary>
    private static IQueryable<FollowUp> Overdue(IQueryable<FollowUp> q, DateTime now, DateTime todayStart) =>
        q.Where(f => f.CompletedAt == null && f.DueAt < now && (!f.AllDay || f.DueAt < todayStart));

    private static IQueryable<FollowUp> Today(IQueryable<FollowUp> q, DateTime now, DateTime todayStart, DateTime tomorrowStart) =>
        q.Where(f => f.CompletedAt == null && f.DueAt >= todayStart && f.DueAt < tomorrowStart && (f.AllDay || f.DueAt >= now));

    private static string ZoneName(TimeZoneInfo zone) =>
        zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? zone.Id : iana;

    private IQueryable<FollowUpRow> Rows(IQueryable<FollowUp> followUps) => followUps.AsNoTracking().Select(f => new FollowUpRow(
        f, f.Type.Key, f.Type.NameEn, f.Type.NameNl, f.Person.FirstName, f.Person.LastName, f.Person.CompanyId,
        f.Person.Company == null ? null : f.Person.Company.Name, f.Owner == null ? null : f.Owner.DisplayName,
        f.CompletedBy == null ? null : f.CompletedBy.DisplayName));
}

/// <summary>A follow-up with the names its DTO shows, read in one query.</summary>
internal sealed record FollowUpRow(
    FollowUp FollowUp, string? TypeKey, string TypeEn, string TypeNl, string FirstName, string LastName, int? CompanyId, string? CompanyName,
    string? OwnerName, string? CompletedByName)
{
    public FollowUpDto ToDto(DateTime now, TimeZoneInfo zone)
    {
        var f = FollowUp;
        var overdue = f.IsOpen && f.DueAt < now && (!f.AllDay || f.DueAt < UserTime.Days(now, zone).TodayStart);
        return new FollowUpDto(
            f.Id, f.PersonId, $"{FirstName} {LastName}".Trim(), CompanyId, CompanyName, TypeKey ?? f.TypeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            f.TypeId, L.Pick(TypeEn, TypeNl), f.Title, f.DueAt, f.AllDay, f.DurationMinutes, f.OwnerId, OwnerName, f.Notes,
            f.IsOpen ? "open" : "done", overdue, f.CompletedAt, f.CompletedById, CompletedByName, f.Outcome, f.CreatedAt, f.UpdatedAt, f.Version);
    }
}
