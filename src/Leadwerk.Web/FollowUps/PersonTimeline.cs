using System.Globalization;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Sales;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.FollowUps;

/// <summary>
/// One entry of a person's timeline. `kind` is statusChange, followUpPlanned, followUpDone or sale;
/// `at` is when it happened (a planned follow-up: when it is due, so what is ahead comes first).
/// </summary>
public sealed record TimelineItemDto(
    string Kind, DateTime At, long Id, string Title, string? Detail, string? UserName, bool Overdue, string? Channel)
{
    /// <summary>A planned all-day follow-up: <see cref="At"/> is the start of its day, not a time.</summary>
    public bool AllDay { get; init; }
}

/// <summary>
/// A person's timeline (F15), newest first: status changes, follow-ups planned and done, sales (and
/// form submissions once they exist). Each source is read as a range of its own index and the
/// pages are merged, so a long history is never loaded whole.
/// </summary>
public sealed class PersonTimeline(LeadwerkDbContext db, LookupCache lookups, UserTime clock)
{
    public static readonly string[] Kinds = ["statusChange", "followUp", "sale"];

    /// <summary>Entries with the same moment keep one order: kind, then id, both descending.</summary>
    private sealed record Position(DateTime A, int K, long I);

    public async Task<Page<TimelineItemDto>> Read(int personId, string? kinds, int? limit, string? cursor)
    {
        var take = Cursor.Limit(limit);
        var wanted = Parse(kinds);
        if (!await db.Persons.AnyAsync(p => p.Id == personId))
        {
            throw DomainException.NotFound(L.T("The person was not found.", "De persoon is niet gevonden."));
        }

        var after = Cursor.Decode<Position>(cursor);
        var now = clock.UtcNow;
        var zone = await clock.ZoneOf(db.Actor.Value.UserId);
        var todayStart = UserTime.Days(now, zone).TodayStart;
        var items = new List<(Position Key, TimelineItemDto Item)>();
        if (wanted.Contains("statusChange"))
        {
            items.AddRange(await StatusChanges(personId, after, take));
        }

        if (wanted.Contains("followUp"))
        {
            items.AddRange(await FollowUps(personId, after, take, now, todayStart, done: false));
            items.AddRange(await FollowUps(personId, after, take, now, todayStart, done: true));
        }

        if (wanted.Contains("sale"))
        {
            items.AddRange(await SalesOf(personId, after, take));
        }

        var page = items.OrderByDescending(i => i.Key.A).ThenByDescending(i => i.Key.K).ThenByDescending(i => i.Key.I).Take(take + 1).ToList();
        return Cursor.ToPage(page, take, i => i.Key, i => i.Item);
    }

    private async Task<IEnumerable<(Position, TimelineItemDto)>> StatusChanges(int personId, Position? after, int take)
    {
        const int kind = 3;
        var rows = db.LeadStatusChanges.AsNoTracking().Where(h => h.PersonId == personId);
        if (after is not null)
        {
            rows = kind < after.K ? rows.Where(h => h.At <= after.A)
                : kind > after.K ? rows.Where(h => h.At < after.A)
                : rows.Where(h => h.At < after.A || (h.At == after.A && h.Id < after.I));
        }

        var names = await lookups.Get(db);
        var found = await rows.OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Take(take + 1)
            .Select(h => new { h.Id, h.At, h.FromId, h.ToId, h.Channel, h.WasActive, h.Active, h.BecameLead, User = db.Users.Where(u => u.Id == h.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync();
        return found.Select(h => (new Position(h.At, kind, h.Id), new TimelineItemDto(
            "statusChange", h.At, h.Id,
            h.FromId is null
                ? L.T($"Lead status: {names.Status(h.ToId) ?? "—"}", $"Leadstatus: {names.Status(h.ToId) ?? "—"}")
                : L.T($"Lead status: {names.Status(h.FromId)} → {names.Status(h.ToId) ?? "—"}", $"Leadstatus: {names.Status(h.FromId)} → {names.Status(h.ToId) ?? "—"}"),
            Leads.HistoryWords.Event(h.FromId, h.ToId, h.WasActive, h.Active, h.BecameLead), h.User, false, h.Channel.DisplayName())));
    }

    private async Task<IEnumerable<(Position, TimelineItemDto)>> FollowUps(int personId, Position? after, int take, DateTime now, DateTime todayStart, bool done)
    {
        var kind = done ? 2 : 4;
        var rows = db.FollowUps.AsNoTracking().Where(f => f.PersonId == personId && (done ? f.CompletedAt != null : f.CompletedAt == null));
        var timed = rows.Select(f => new { f, At = done ? f.CompletedAt!.Value : f.DueAt });
        if (after is not null)
        {
            timed = kind < after.K ? timed.Where(x => x.At <= after.A)
                : kind > after.K ? timed.Where(x => x.At < after.A)
                : timed.Where(x => x.At < after.A || (x.At == after.A && x.f.Id < after.I));
        }

        var found = await timed.OrderByDescending(x => x.At).ThenByDescending(x => x.f.Id).Take(take + 1)
            .Select(x => new
            {
                x.f.Id, x.At, x.f.Title, x.f.Notes, x.f.Outcome, x.f.AllDay, x.f.DueAt, x.f.Type.NameEn, x.f.Type.NameNl,
                User = done ? x.f.CompletedBy!.DisplayName : x.f.Owner!.DisplayName,
            })
            .ToListAsync();
        return found.Select(f =>
        {
            var type = L.Pick(f.NameEn, f.NameNl);
            var overdue = !done && f.DueAt < now && (!f.AllDay || f.DueAt < todayStart);
            var title = done ? L.T($"{type} done: {f.Title}", $"{type} afgerond: {f.Title}") : L.T($"{type} planned: {f.Title}", $"{type} gepland: {f.Title}");
            return (new Position(f.At, kind, f.Id), new TimelineItemDto(done ? "followUpDone" : "followUpPlanned", f.At, f.Id, title,
                done ? f.Outcome : f.Notes, f.User, overdue, null) { AllDay = !done && f.AllDay });
        });
    }

    private async Task<IEnumerable<(Position, TimelineItemDto)>> SalesOf(int personId, Position? after, int take)
    {
        const int kind = 1;
        var rows = db.Sales.AsNoTracking().Where(s => s.PersonId == personId);
        if (after is not null)
        {
            rows = kind < after.K ? rows.Where(s => s.CreatedAt <= after.A)
                : kind > after.K ? rows.Where(s => s.CreatedAt < after.A)
                : rows.Where(s => s.CreatedAt < after.A || (s.CreatedAt == after.A && s.Id < after.I));
        }

        var found = await rows.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(take + 1)
            .Select(s => new { s.Id, s.CreatedAt, s.Title, s.Amount, s.Currency, s.Status, Owner = s.Owner!.DisplayName })
            .ToListAsync();
        return found.Select(s => (new Position(s.CreatedAt, kind, s.Id), new TimelineItemDto(
            "sale", s.CreatedAt, s.Id, L.T($"Sale: {s.Title}", $"Verkoop: {s.Title}"),
            $"{s.Amount.ToString("N2", CultureInfo.CurrentCulture)} {s.Currency} · {s.Status.DisplayName()}", s.Owner, false, null)));
    }

    private static HashSet<string> Parse(string? kinds)
    {
        if (string.IsNullOrWhiteSpace(kinds))
        {
            return [.. Kinds];
        }

        var parsed = kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return parsed.All(k => Kinds.Contains(k, StringComparer.OrdinalIgnoreCase))
            ? Kinds.Where(parsed.Contains).ToHashSet()
            : throw DomainException.Invalid("kinds", L.T(
                "kinds must be statusChange, followUp or sale, or several of them separated by commas.",
                "kinds moet statusChange, followUp of sale zijn, of enkele daarvan gescheiden door komma's."));
    }
}
