using Leadwerk.Web.Leads;
using System.Linq.Expressions;
using System.Text.Json;
using Leadwerk.Web.Automation;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Jobs;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Bulk;

/// <summary>
/// Works through queued runs one batch per transaction (items, records, history and counters
/// together), so a crash leaves whole batches only. Which instance works on a run, and what
/// happens to a run whose instance died, is <see cref="LeasedJobRunner{TJob}"/>'s business.
/// </summary>
public sealed class BulkRunner(IServiceScopeFactory scopes, JobQueue<BulkUpdate> queue, JobLeases leases, IConfiguration config, ILogger<BulkRunner> logger)
    : LeasedJobRunner<BulkUpdate>(scopes, queue, leases, logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private int BatchSize => Math.Clamp(config.GetValue("Leadwerk:Bulk:BatchSize", 5000), 1, 5000);

    /// <summary>A pause after each batch leaves room for other writers (SQLite has one writer at a time).</summary>
    private TimeSpan Pause => TimeSpan.FromMilliseconds(Math.Clamp(config.GetValue("Leadwerk:Bulk:PauseBetweenBatchesMs", 0), 0, 10_000));

    protected override Expression<Func<BulkUpdate, bool>> Runnable =>
        b => b.State == BulkState.Queued || b.State == BulkState.Running || b.State == BulkState.Undoing;

    protected override async Task<int> MarkInterrupted(LeadwerkDbContext db, DateTime started) =>
        await db.BulkUpdates.Where(Runnable).Where(b => b.UpdatedAt < started)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BulkState.Interrupted)
                .SetProperty(b => b.LeaseOwner, (string?)null).SetProperty(b => b.LeaseUntil, (DateTime?)null));

    protected override async Task MarkFailed(LeadwerkDbContext db, int id) =>
        await db.BulkUpdates.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BulkState.Interrupted));

    protected override async Task Work(int id, CancellationToken stop)
    {
        // Items are taken in id order; each batch starts after the last one's (an index range, not a
        // walk past every item done). A switch between run and undo starts from the first again.
        var (after, afterUndoing) = (0, false);
        while (!stop.IsCancellationRequested)
        {
            await using var scope = Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
            // A batch that changes statuses adds a history row per person: written a few hundred per statement.
            db.WriteInBulk = true;
            var run = await db.BulkUpdates.FirstAsync(b => b.Id == id);
            var undoing = run.State == BulkState.Undoing;
            if (run.State is not (BulkState.Queued or BulkState.Running or BulkState.Undoing))
            {
                return;
            }

            if (run.CancelRequested && !undoing)
            {
                run.State = BulkState.Cancelled;
                run.FinishedAt = DateTime.UtcNow;
                await db.SaveChangesAsync();
                return;
            }

            var role = await db.Users.Where(u => u.Id == run.UserId).Select(u => u.Role).FirstOrDefaultAsync();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor(run.UserId, role == 0 ? Role.User : role, Channel.Bulk))
                .For(new JobRef(run.RuleId is null ? JobKind.BulkUpdate : JobKind.RuleApplication, run.Id, run.State == BulkState.Undoing));
            run.State = undoing ? BulkState.Undoing : BulkState.Running;
            var defaultStatusId = await scope.ServiceProvider.GetRequiredService<ListService>().DefaultStatusId();
            await using var transaction = await db.Database.BeginTransactionAsync(stop);
            if (!await Fence(db, id, stop))
            {
                return;
            }

            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            after = undoing == afterUndoing ? after : 0;
            var actions = JsonSerializer.Deserialize<List<BulkAction>>(run.ActionsJson, Json)!;
            var last = (undoing, BulkFollowUps.Plans(actions)) switch
            {
                (true, true) => await BulkFollowUps.Undo(db, run, BatchSize, after),
                (false, true) => await BulkFollowUps.Run(db, scope.ServiceProvider.GetRequiredService<FollowUps.UserTime>(), run, actions[0].FollowUp!, BatchSize, after),
                (true, false) => await BulkBatch.Undo(db, run, BatchSize, defaultStatusId, now, after),
                _ => await BulkBatch.Run(db, scope.ServiceProvider.GetRequiredService<LeadAutomation>(), scope.ServiceProvider.GetRequiredService<FollowUps.UserTime>(),
                    run, actions, BatchSize, defaultStatusId, now, after),
            };
            if (last == 0)
            {
                run.State = undoing ? BulkState.Undone : BulkState.Done;
                run.FinishedAt = DateTime.UtcNow;
                await db.SaveChangesAsync(stop);
            }

            // A batch saved its records and the run's counters itself.
            await transaction.CommitAsync(stop);
            if (last == 0)
            {
                return;
            }

            (after, afterUndoing) = (last, undoing);

            if (Pause > TimeSpan.Zero)
            {
                await Task.Delay(Pause, stop);
            }
        }
    }
}
