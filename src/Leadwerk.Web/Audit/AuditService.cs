using System.Globalization;
using System.Text.Json.Nodes;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Audit;

/// <summary>An audit entry on the wire; <c>changes</c> is <c>{ field: { from, to } }</c> or null.</summary>
public sealed record AuditEntryDto(long Id, DateTime At, int? ActorUserId, string ActorName, string Action, string ActionName,
    string TargetType, int? TargetId, JsonNode? Changes);

/// <summary>Filters of <c>GET /api/audit</c>; dates are yyyy-mm-dd (whole days, UTC) or ISO 8601 times.</summary>
public sealed record AuditFilter(string? Action, int? Actor, string? From, string? To);

/// <summary>Reads the audit log for admins, newest first, and applies the retention (<see cref="AuditRetention"/>).</summary>
public sealed class AuditService(LeadwerkDbContext db, IConfiguration config, TimeProvider time)
{
    public const string RetentionSetting = "Leadwerk:AuditRetentionDays";
    public const int DefaultRetentionDays = 400;

    private sealed record Position(long I);

    public int RetentionDays => Math.Max(1, config.GetValue(RetentionSetting, DefaultRetentionDays));

    public async Task<Page<AuditEntryDto>> List(AuditFilter filter, int? limit, string? cursor)
    {
        var take = Cursor.Limit(limit);
        var query = db.AuditEntries.AsNoTracking();
        if (Validation.Clean(filter.Action) is { } action)
        {
            // "user" is every user action; "user.created" is that one.
            query = action.Contains('.', StringComparison.Ordinal)
                ? query.Where(a => a.Action == action)
                : query.Where(a => a.Action.StartsWith(action + "."));
        }

        if (filter.Actor is { } actor)
        {
            query = query.Where(a => a.ActorUserId == actor);
        }

        if (Time("from", filter.From, endOfDay: false) is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (Time("to", filter.To, endOfDay: true) is { } to)
        {
            query = query.Where(a => a.At < to);
        }

        if (Cursor.Decode<Position>(cursor) is { } after)
        {
            query = query.Where(a => a.Id < after.I);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync();
        return Cursor.ToPage(rows, take, r => new Position(r.Id), ToDto);
    }

    /// <summary>Deletes the entries older than the retention; returns how many went.</summary>
    public async Task<int> DeleteExpired(CancellationToken cancel = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-RetentionDays);
        return await db.AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync(cancel);
    }

    public static AuditEntryDto ToDto(AuditEntry a) => new(a.Id, a.At, a.ActorUserId, a.ActorName, a.Action, AuditWords.Action(a.Action),
        a.TargetType, a.TargetId, a.Changes is null ? null : JsonNode.Parse(a.Changes));

    /// <summary>A day means its start for <c>from</c> and the start of the next day for <c>to</c>, so both ends are inclusive.</summary>
    private static DateTime? Time(string field, string? value, bool endOfDay)
    {
        if (Validation.Clean(value) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            // A time is inclusive too: the next tick is the first one after it.
            return endOfDay ? at.UtcDateTime.AddTicks(1) : at.UtcDateTime;
        }

        throw DomainException.Invalid(field, L.T($"{field} must be a date (yyyy-mm-dd) or an ISO 8601 time.",
            $"{field} moet een datum (jjjj-mm-dd) of een ISO 8601-tijd zijn."));
    }
}
