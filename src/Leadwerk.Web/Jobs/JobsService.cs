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

/// <summary>A page of the Jobs list; <c>Count</c> is every run the filter matches, when asked for.</summary>
public sealed record JobList(IReadOnlyList<JobDto> Items, string? NextCursor, int? Count);

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

    public async Task<JobList> List(JobFilter filter, Actor actor, int? limit, string? cursor, bool count = false)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Position>(cursor);
        if (filter.Kind is { } kind && !Kinds.Contains(kind))
        {
            throw DomainException.Invalid("kind", L.T($"kind must be one of {string.Join(", ", Kinds)}.", $"kind moet een van {string.Join(", ", Kinds)} zijn."));
        }

        int? owner = filter.Mine || !actor.IsAdmin ? actor.UserId : null;
        var bulk = filter.Kind is null or "bulkUpdate" or "ruleApplication";
        var imports = filter.Kind is null or "import";
        var rows = new List<Row>();
        if (bulk)
        {
            rows.AddRange(await Bulk(BulkRuns(filter.Kind, owner), after, take + 1));
        }

        if (imports)
        {
            rows.AddRange(await Imports(ImportRuns(owner), after, take + 1));
        }

        var ordered = rows.OrderByDescending(r => r.Job.StartedAt).ThenBy(r => r.Table).ThenByDescending(r => r.Job.Id).Take(take + 1).ToList();
        var page = Cursor.ToPage(ordered, take, r => new Position(r.Job.StartedAt, r.Table, r.Job.Id), r => r.Job);
        int? total = count
            ? (bulk ? await BulkRuns(filter.Kind, owner).CountAsync() : 0) + (imports ? await ImportRuns(owner).CountAsync() : 0)
            : null;
        return new JobList(page.Items, page.NextCursor, total);
    }

    private IQueryable<BulkUpdate> BulkRuns(string? kind, int? owner)
    {
        var runs = db.BulkUpdates.AsNoTracking();
        runs = owner is { } o ? runs.Where(b => b.UserId == o) : runs;
        return kind switch
        {
            "bulkUpdate" => runs.Where(b => b.RuleId == null),
            "ruleApplication" => runs.Where(b => b.RuleId != null),
            _ => runs,
        };
    }

    private IQueryable<ImportJob> ImportRuns(int? owner) =>
        owner is { } o ? db.Imports.AsNoTracking().Where(b => b.UserId == o) : db.Imports.AsNoTracking();

    private async Task<List<Row>> Bulk(IQueryable<BulkUpdate> runs, Position? after, int take)
    {
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

    private async Task<List<Row>> Imports(IQueryable<ImportJob> runs, Position? after, int take)
    {
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
