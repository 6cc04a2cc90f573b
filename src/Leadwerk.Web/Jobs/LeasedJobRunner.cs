using System.Linq.Expressions;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;

namespace Leadwerk.Web.Jobs;

/// <summary>
/// The loop of a job runner (bulk updates, imports) on any number of instances (ADR 0012): claim a
/// runnable job with a lease, work on it batch by batch while a heartbeat keeps the lease, hand it
/// back when done, failed or stopping, and wait for a wake-up (<see cref="JobQueue{TJob}"/>) or the
/// next look when there is none. A job whose instance died is claimed again once its lease expires
/// and continues from its last committed batch. On SQLite, where this process is alone, jobs that
/// were in progress before the start are marked interrupted instead, for the user to resume or undo.
/// </summary>
public abstract class LeasedJobRunner<TJob>(IServiceScopeFactory scopes, JobQueue<TJob> queue, JobLeases leases, ILogger logger) : BackgroundService
    where TJob : class, ILeasedJob
{
    private readonly DateTime _started = DateTime.UtcNow;

    protected JobLeases Leases => leases;

    protected IServiceScopeFactory Scopes => scopes;

    protected ILogger Logger => logger;

    /// <summary>The states a runner works in (queued, running, undoing or rolling back).</summary>
    protected abstract Expression<Func<TJob, bool>> Runnable { get; }

    /// <summary>Single process only: the runnable jobs last written before <paramref name="started"/> become interrupted, their leases cleared; how many.</summary>
    protected abstract Task<int> MarkInterrupted(LeadwerkDbContext db, DateTime started);

    /// <summary>After an error: the job becomes interrupted, to be resumed or undone.</summary>
    protected abstract Task MarkFailed(LeadwerkDbContext db, int id);

    /// <summary>
    /// Works on the claimed job until it is at rest. Every batch's transaction must begin with
    /// <see cref="Fence"/> and stop when it is false.
    /// </summary>
    protected abstract Task Work(int id, CancellationToken stop);

    /// <summary>In a batch's transaction, before it writes: whether this instance still holds the job (and, on PostgreSQL, its row until the commit).</summary>
    protected async Task<bool> Fence(LeadwerkDbContext db, int id, CancellationToken stop)
    {
        if (await leases.Renew<TJob>(db, id, stop))
        {
            return true;
        }

        logger.LogWarning("{Job} {Id}: another instance took it over; this one stops working on it.", typeof(TJob).Name, id);
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!leases.Shared)
        {
            await using var scope = scopes.CreateAsyncScope();
            var count = await MarkInterrupted(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>(), _started);
            if (count > 0)
            {
                logger.LogWarning("{Count} {Job}(s) were in progress when the app stopped; they are marked interrupted.", count, typeof(TJob).Name);
            }
        }

        while (!stop.IsCancellationRequested)
        {
            var id = await TryClaim(stop);
            if (id is null)
            {
                await queue.WaitForWork(leases.Poll, stop);
                continue;
            }

            await Run(id.Value, stop);
        }
    }

    private async Task<int?> TryClaim(CancellationToken stop)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await leases.Claim(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>(), Runnable, stop);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            // The database away for a moment: look again after the poll interval.
            logger.LogWarning(e, "Looking for {Job} work failed.", typeof(TJob).Name);
            return null;
        }
    }

    private async Task Run(int id, CancellationToken stop)
    {
        using var working = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var heartbeat = Heartbeat(id, working);
        try
        {
            await Work(id, working.Token);
        }
        catch (OperationCanceledException) when (working.IsCancellationRequested)
        {
            // Stopping (the job is handed back below) or the lease was lost (the other instance goes on).
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Job} {Id} failed; it is marked interrupted.", typeof(TJob).Name, id);
            await using var scope = scopes.CreateAsyncScope();
            await MarkFailed(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>(), id);
        }
        finally
        {
            await working.CancelAsync();
            await heartbeat;
            await Release(id);
        }
    }

    /// <summary>Renews the lease a third of its length apart; when another instance has the job, cancels this one's work.</summary>
    private async Task Heartbeat(int id, CancellationTokenSource working)
    {
        while (!working.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(leases.Lease / 3, working.Token);
                await using var scope = scopes.CreateAsyncScope();
                if (!await leases.Renew<TJob>(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>(), id, working.Token))
                {
                    logger.LogWarning("{Job} {Id}: the lease was lost; stopping work on it.", typeof(TJob).Name, id);
                    await working.CancelAsync();
                }
            }
            catch (OperationCanceledException)
            {
                // The work ended.
            }
            catch (Exception e)
            {
                // The next batch's fence decides; a heartbeat that cannot write does not stop the work.
                logger.LogWarning(e, "{Job} {Id}: renewing the lease failed.", typeof(TJob).Name, id);
            }
        }
    }

    private async Task Release(int id)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await leases.Release<TJob>(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>(), id);
        }
        catch (Exception e)
        {
            // The lease then expires by itself.
            logger.LogWarning(e, "{Job} {Id}: handing the lease back failed.", typeof(TJob).Name, id);
        }
    }
}
