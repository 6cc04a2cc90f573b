using System.Globalization;
using System.Text;
using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.FollowUps;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Bulk;

/// <summary>Preview, start, follow, cancel, resume and undo bulk updates (F7, B3). The work itself runs in <see cref="BulkRunner"/>.</summary>
public sealed class BulkService(LeadwerkDbContext db, SelectionService selections, SearchService search, JobQueue<BulkUpdate> queue,
    FollowUpService followUps, UserTime clock)
{
    // The scale of the largest customers (issue 17): a million records per run, measured by the bench's `jobs`.
    public const int MaxIds = 1_000_000;
    private const int PreviewBatch = 1000;
    private const int PreviewSkipsListed = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A dry run; <paramref name="listed"/> caps the skipped rows it lists (all of them for the CSV download).</summary>
    public async Task<BulkPreview> Preview(BulkRequest request, Actor user, int listed = PreviewSkipsListed)
    {
        var (entity, ids, actions) = await Resolve(request, user);
        int change = 0, unchanged = 0, skippedCount = 0, alreadyPlanned = 0;
        var plans = BulkFollowUps.Plans(actions);
        var skipped = new List<BulkSkip>();
        var firstToChange = new List<int>();
        foreach (var batch in ids.Chunk(PreviewBatch))
        {
            alreadyPlanned += plans ? await BulkFollowUps.AlreadyPlanned(db, batch) : 0;
            foreach (var (id, verdict) in await BulkBatch.Judge(db, entity, batch, actions))
            {
                switch (verdict.Outcome)
                {
                    case Outcome.Change:
                        change++;
                        if (firstToChange.Count < 25)
                        {
                            firstToChange.Add(id);
                        }

                        break;
                    case Outcome.Unchanged:
                        unchanged++;
                        break;
                    default:
                        skippedCount++;
                        if (skipped.Count < listed)
                        {
                            skipped.Add(new BulkSkip(id, verdict.Reason!, verdict.Code!));
                        }

                        break;
                }
            }

            db.ChangeTracker.Clear();
        }

        return new BulkPreview(ids.Count, change, unchanged, skippedCount, skipped, firstToChange, plans ? alreadyPlanned : null);
    }

    /// <summary>Fixes the targets as items and queues the run; the caller follows it with <see cref="Get"/>.</summary>
    /// <param name="ruleId">A lead categorization rule applied to existing companies (R18): its changes are recorded as the rule's.</param>
    public async Task<BulkStatus> Start(BulkRequest request, Actor user, int? ruleId = null)
    {
        var (entity, ids, actions) = await Resolve(request, user);
        return await Queue(entity, [.. ids.Select(id => (id, (int?)null))], actions, user, ruleId);
    }

    /// <summary>
    /// A run whose value is decided per record by its caller (a rebalance plans each lead's owner by a
    /// distribution rule); it runs, shows and undoes like every other run.
    /// </summary>
    public Task<BulkStatus> StartPlanned(string entity, IReadOnlyList<(int Id, int Value)> plan, List<BulkAction> actions, Actor user) =>
        Queue(entity, [.. plan.OrderBy(p => p.Id).Select(p => (p.Id, (int?)p.Value))], actions, user, null);

    private async Task<BulkStatus> Queue(string entity, List<(int Id, int? Value)> items, List<BulkAction> actions, Actor user, int? ruleId)
    {
        var ids = items.Select(i => i.Id).ToList();
        var run = new BulkUpdate
        {
            Entity = entity, ActionsJson = JsonSerializer.Serialize(actions, Json), Total = ids.Count, UserId = user.UserId!.Value, RuleId = ruleId,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.BulkUpdates.Add(run);
            await db.SaveChangesAsync();
            // One INSERT per thousand items: tracked entities cost a statement each (100,000 for a
            // big run). The values are ids from the database, written as integer literals.
            foreach (var chunk in items.Chunk(1000))
            {
                var sql = new StringBuilder("""INSERT INTO "BulkUpdateItems" ("BulkUpdateId", "EntityId", "State", "Value") VALUES """);
                sql.AppendJoin(", ", chunk.Select(i => string.Create(CultureInfo.InvariantCulture,
                    $"({run.Id}, {i.Id}, {(int)BulkItemState.Pending}, {(i.Value is { } value ? value : "NULL")})")));
                await db.Database.ExecuteSqlRawAsync(sql.ToString());
            }

            await transaction.CommitAsync();
        }

        // Read before the runner may take it: a short run can finish before a later read, and the
        // caller (the dialog) tells the page behind when it sees the run go from working to rest.
        var queued = await Get(run.Id, user);
        queue.Enqueue(run.Id);
        return queued;
    }

    public async Task<BulkStatus> Get(int id, Actor user) => ToStatus(await Find(id, user));

    public async Task<BulkStatus> Cancel(int id, Actor user)
    {
        var run = await Find(id, user);
        if (run.State is not (BulkState.Queued or BulkState.Running))
        {
            throw DomainException.Conflict(ErrorCodes.BulkNotRunning, L.T("Only a queued or running bulk update can be cancelled.",
                "Alleen een wachtende of lopende bulkwijziging kan worden geannuleerd."));
        }

        await db.BulkUpdates.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.CancelRequested, true));
        return await Get(id, user);
    }

    /// <summary>Continues an interrupted run with the records it had not reached.</summary>
    public async Task<BulkStatus> Resume(int id, Actor user)
    {
        var run = await Find(id, user);
        if (run.State != BulkState.Interrupted)
        {
            throw DomainException.Conflict(ErrorCodes.BulkNotRunning, L.T("Only an interrupted bulk update can be resumed.",
                "Alleen een onderbroken bulkwijziging kan worden hervat."));
        }

        var undoing = await db.BulkUpdateItems.AnyAsync(i => i.BulkUpdateId == id && (i.State == BulkItemState.Undone || i.State == BulkItemState.UndoSkipped));
        await SetState(id, undoing ? BulkState.Undoing : BulkState.Queued);
        var working = await Get(id, user);
        queue.Enqueue(id);
        return working;
    }

    /// <summary>Puts back the previous values of every record the run changed; records changed since are skipped.</summary>
    public async Task<BulkStatus> Undo(int id, Actor user)
    {
        var run = await Find(id, user);
        if (run.State is not (BulkState.Done or BulkState.Cancelled or BulkState.Interrupted))
        {
            throw DomainException.Conflict(ErrorCodes.BulkNotRunning, L.T("Only a finished, cancelled or interrupted bulk update can be undone.",
                "Alleen een voltooide, geannuleerde of onderbroken bulkwijziging kan ongedaan worden gemaakt."));
        }

        await SetState(id, BulkState.Undoing);
        var working = await Get(id, user);
        queue.Enqueue(id);
        return working;
    }

    /// <summary>
    /// How many records an undo would put back now: those the run changed that no undo has reached
    /// yet. After an interrupted undo, what it already put back (or left) is not counted again.
    /// </summary>
    public async Task<int> StillToUndo(int id, Actor user)
    {
        await Find(id, user);
        return await db.BulkUpdateItems.CountAsync(i => i.BulkUpdateId == id && i.State == BulkItemState.Changed);
    }

    public async Task<List<BulkUpdateItem>> SkippedItems(int id, Actor user)
    {
        await Find(id, user);
        return await db.BulkUpdateItems.AsNoTracking()
            .Where(i => i.BulkUpdateId == id && (i.State == BulkItemState.Skipped || i.State == BulkItemState.UndoSkipped))
            .OrderBy(i => i.EntityId).ToListAsync();
    }

    private async Task SetState(int id, BulkState state) =>
        await db.BulkUpdates.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.State, state)
            .SetProperty(b => b.CancelRequested, false).SetProperty(b => b.Version, b => b.Version + 1));

    /// <summary>A run is the business of the user who started it and of administrators.</summary>
    private async Task<BulkUpdate> Find(int id, Actor user) =>
        await db.BulkUpdates.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && (b.UserId == user.UserId || user.IsAdmin))
        ?? throw DomainException.NotFound(L.T("The bulk update was not found.", "De bulkwijziging is niet gevonden."));

    private async Task<(string Entity, List<int> Ids, List<BulkAction> Actions)> Resolve(BulkRequest request, Actor user)
    {
        var target = request.Target ?? throw DomainException.Invalid("target", L.T("A target is required.", "Een doel is verplicht."));
        string entity;
        List<int> ids;
        if (target.SelectionId is { } selectionId)
        {
            var selection = await selections.Visible(selectionId, user);
            entity = selection.Entity;
            ids = entity == Entities.Person
                ? await selections.PersonQuery(selection, user).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync()
                : await selections.CompanyQuery(selection, user).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        }
        else if (target.Criteria is { } criteria)
        {
            entity = CriteriaCompiler.Validate(criteria);
            ids = entity == Entities.Person
                ? await search.Persons(criteria, user.UserId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync()
                : await search.Companies(criteria, user.UserId).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        }
        else if (target.Ids is { Count: > 0 } given && Entities.IsKnown(target.Entity))
        {
            entity = target.Entity!;
            ids = given.Distinct().Order().ToList();
        }
        else
        {
            throw DomainException.Invalid("target", L.T(
                "The target needs a selectionId, criteria, or an entity with ids.", "Het doel heeft een selectionId, criteria of een entity met ids nodig."));
        }

        if (ids.Count > MaxIds)
        {
            throw DomainException.Invalid("target", L.T($"At most {MaxIds} records per bulk update.", $"Hoogstens {MaxIds} records per bulkwijziging."));
        }

        var actions = await BulkBatch.ValidateActions(db, entity, request.Actions);
        return (entity, ids, await BulkFollowUps.Validate(db, followUps, clock, actions, user));
    }

    private static BulkStatus ToStatus(BulkUpdate run) => new(
        run.Id, run.Entity, run.State.Key(), run.Total, run.Done, run.Changed, run.Skipped, run.UndoSkipped,
        JsonSerializer.Deserialize<List<BulkAction>>(run.ActionsJson, Json) ?? [], run.CreatedAt, run.FinishedAt, run.RuleId);
}
