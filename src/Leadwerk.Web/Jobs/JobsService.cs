using System.Text.Json;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Import;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Jobs;

/// <summary>
/// One persisted run in the Jobs list: a bulk update, a rule applied to existing companies (a bulk
/// update too), or an import. <c>Failed</c> is what the run could not do (skipped records, error
/// rows); <c>Changed</c> is what an undo or rollback would put back.
/// </summary>
public sealed record JobDto(JobKind Kind, int Id, string State, string Entity, int Total, int Done, int Changed, int Failed,
    int UserId, string? UserName, DateTime StartedAt, DateTime? FinishedAt, string Link);

/// <summary>The filters of <c>GET /api/jobs</c>: a kind (bulkUpdate, ruleApplication, import) and, for administrators, only their own.</summary>
public sealed record JobFilter(string? Kind, bool Mine);

/// <summary>
/// The runs people started, newest first, so a bulk update or import can be found again once its
/// page is left. Users see their own runs, administrators everyone's (the run pages allow the same).
/// </summary>
public sealed class JobsService(LeadwerkDbContext db)
{
    /// <summary>The two tables are merged in (started, table, id) order: bulk updates are table 1, imports table 2.</summary>
    private sealed record Position(DateTime At, int Table, int Id);

    private sealed record Row(int Table, JobDto Job);

    public static IReadOnlyList<string> Kinds { get; } = ["bulkUpdate", "ruleApplication", "import"];

    public async Task<Page<JobDto>> List(JobFilter filter, Actor actor, int? limit, string? cursor)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Position>(cursor);
        if (filter.Kind is { } kind && !Kinds.Contains(kind))
        {
            throw DomainException.Invalid("kind", L.T($"kind must be one of {string.Join(", ", Kinds)}.", $"kind moet een van {string.Join(", ", Kinds)} zijn."));
        }

        int? owner = filter.Mine || !actor.IsAdmin ? actor.UserId : null;
        var rows = new List<Row>();
        if (filter.Kind is null or "bulkUpdate" or "ruleApplication")
        {
            rows.AddRange(await Bulk(filter.Kind, owner, after, take + 1));
        }

        if (filter.Kind is null or "import")
        {
            rows.AddRange(await Imports(owner, after, take + 1));
        }

        var ordered = rows.OrderByDescending(r => r.Job.StartedAt).ThenBy(r => r.Table).ThenByDescending(r => r.Job.Id).Take(take + 1).ToList();
        return Cursor.ToPage(ordered, take, r => new Position(r.Job.StartedAt, r.Table, r.Job.Id), r => r.Job);
    }

    private async Task<List<Row>> Bulk(string? kind, int? owner, Position? after, int take)
    {
        var runs = db.BulkUpdates.AsNoTracking();
        runs = owner is { } o ? runs.Where(b => b.UserId == o) : runs;
        runs = kind switch
        {
            "bulkUpdate" => runs.Where(b => b.RuleId == null),
            "ruleApplication" => runs.Where(b => b.RuleId != null),
            _ => runs,
        };
        if (after is not null)
        {
            // Same start: imports (table 2) come after bulk updates, lower ids after higher.
            runs = after.Table == 1
                ? runs.Where(b => b.CreatedAt < after.At || (b.CreatedAt == after.At && b.Id < after.Id))
                : runs.Where(b => b.CreatedAt < after.At);
        }

        var found = await runs.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Take(take)
            .Select(b => new { Run = b, UserName = db.Users.Where(u => u.Id == b.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync();
        return found.Select(f => new Row(1, new JobDto(f.Run.RuleId is null ? JobKind.BulkUpdate : JobKind.RuleApplication, f.Run.Id, Name(f.Run.State),
            f.Run.Entity, f.Run.Total, f.Run.Done, f.Run.Changed, f.Run.Skipped, f.Run.UserId, f.UserName,
            f.Run.CreatedAt, f.Run.FinishedAt, $"/bulk-updates/{f.Run.Id}"))).ToList();
    }

    private async Task<List<Row>> Imports(int? owner, Position? after, int take)
    {
        var runs = db.Imports.AsNoTracking();
        runs = owner is { } o ? runs.Where(b => b.UserId == o) : runs;
        if (after is not null)
        {
            runs = after.Table == 2
                ? runs.Where(b => b.CreatedAt < after.At || (b.CreatedAt == after.At && b.Id < after.Id))
                : runs.Where(b => b.CreatedAt <= after.At);
        }

        var found = await runs.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Take(take)
            .Select(b => new { Run = b, UserName = db.Users.Where(u => u.Id == b.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync();
        return found.Select(f => new Row(2, new JobDto(JobKind.Import, f.Run.Id, Name(f.Run.State), f.Run.Entity, f.Run.Rows, f.Run.Done,
            f.Run.Created + f.Run.Updated, f.Run.Errors, f.Run.UserId, f.UserName, f.Run.CreatedAt, f.Run.FinishedAt, $"/imports/{f.Run.Id}"))).ToList();
    }

    private static string Name<T>(T state) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());
}
