using System.Collections.Concurrent;
using System.Threading.Channels;
using Leadwerk.Web.Data;
using Leadwerk.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Forms;

/// <summary>
/// Load shedding for the public endpoint: a submission is processed while its request waits only
/// when few others are (`Leadwerk:Forms:InlineProcessing`, default 2, at once); under a burst it is
/// stored, answered `submitted` at once, and processed in arrival order by <see cref="SubmissionWorker"/>.
/// The visitor's answer never waits behind other visitors' matching and record writes.
/// </summary>
public sealed class SubmissionQueue(IConfiguration config)
{
    public const string QueuedCode = "queued";

    private readonly Channel<long> _ids = Channel.CreateUnbounded<long>();
    private readonly ConcurrentDictionary<long, bool> _queued = new();
    private int _inline;

    /// <summary>How many submissions may be processed inside their requests at once; 0 queues every one.</summary>
    public int InlineLimit { get; set; } = config.GetValue("Leadwerk:Forms:InlineProcessing", 2);

    /// <summary>Queued and not yet processed: while any are, new ones queue behind them (arrival order).</summary>
    public int Waiting => _queued.Count;

    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>
    /// On SQLite, one submission write at a time, waited for here: SQLite's own wait for its one
    /// writer blocks a thread, and a burst of blocked threads starves every other request.
    /// </summary>
    public async Task<IDisposable?> Write(LeadwerkDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        await _writer.WaitAsync();
        return new Release(_writer);
    }

    private sealed class Release(SemaphoreSlim writer) : IDisposable
    {
        public void Dispose() => writer.Release();
    }

    public bool TryEnterInline()
    {
        if (Waiting > 0)
        {
            return false;
        }

        if (Interlocked.Increment(ref _inline) <= InlineLimit)
        {
            return true;
        }

        Interlocked.Decrement(ref _inline);
        return false;
    }

    public void ExitInline() => Interlocked.Decrement(ref _inline);

    /// <summary>Queues the submission unless it is queued here already (the worker's look for left-over ones finds the same ids again).</summary>
    public void Enqueue(long id)
    {
        if (_queued.TryAdd(id, true))
        {
            _ids.Writer.TryWrite(id);
        }
    }

    public void Done(long id) => _queued.TryRemove(id, out _);

    public IAsyncEnumerable<long> Read(CancellationToken stop) => _ids.Reader.ReadAllAsync(stop);
}

/// <summary>
/// Processes queued submissions one at a time. At start it takes up the ones a stopped process left
/// queued; with several instances (PostgreSQL) it also looks every lease length for ones queued
/// longer than that, which an instance that died had taken, and processing locks each row so an
/// instance never processes one another is at.
/// </summary>
public sealed class SubmissionWorker(IServiceScopeFactory scopes, SubmissionQueue queue, JobLeases leases, TimeProvider time,
    ILogger<SubmissionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TakeUpLeftOver(null, stoppingToken);
        var sweep = leases.Shared ? Sweep(stoppingToken) : Task.CompletedTask;
        await foreach (var id in queue.Read(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Leads.Channel.Form));
                await scope.ServiceProvider.GetRequiredService<SubmissionService>().ProcessQueued(id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Stays queued in the database: the next start (or another instance's look) takes it up again.
                logger.LogError(e, "Processing queued form submission {Id} failed.", id);
            }
            finally
            {
                queue.Done(id);
            }
        }

        await sweep;
    }

    private async Task Sweep(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(leases.Lease, time, stop);
                await TakeUpLeftOver(time.GetUtcNow().UtcDateTime - leases.Lease, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Looking for left-over form submissions failed.");
            }
        }
    }

    /// <summary>Queues the submissions still waiting in the database (that arrived before <paramref name="before"/>, when given).</summary>
    private async Task TakeUpLeftOver(DateTime? before, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        var waiting = db.FormSubmissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Submitted);
        if (before is { } cutoff)
        {
            waiting = waiting.Where(s => s.ReceivedAt < cutoff);
        }

        var left = await waiting.Where(s => s.LogJson.Contains("\"" + SubmissionQueue.QueuedCode + "\""))
            .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(stop);
        left.ForEach(queue.Enqueue);
    }
}
