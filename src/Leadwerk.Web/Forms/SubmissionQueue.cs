using System.Threading.Channels;
using Leadwerk.Web.Data;
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
    private int _inline;
    private int _pending;

    /// <summary>How many submissions may be processed inside their requests at once; 0 queues every one.</summary>
    public int InlineLimit { get; set; } = config.GetValue("Leadwerk:Forms:InlineProcessing", 2);

    /// <summary>Queued and not yet processed: while any are, new ones queue behind them (arrival order).</summary>
    public int Waiting => Volatile.Read(ref _pending);

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

    public void Enqueue(long id)
    {
        Interlocked.Increment(ref _pending);
        _ids.Writer.TryWrite(id);
    }

    public void Done() => Interlocked.Decrement(ref _pending);

    public IAsyncEnumerable<long> Read(CancellationToken stop) => _ids.Reader.ReadAllAsync(stop);
}

/// <summary>Processes queued submissions one at a time; at start it takes up the ones a stopped process left queued.</summary>
public sealed class SubmissionWorker(IServiceScopeFactory scopes, SubmissionQueue queue, ILogger<SubmissionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
            var left = await db.FormSubmissions.AsNoTracking()
                .Where(s => s.Status == SubmissionStatus.Submitted && s.LogJson.Contains("\"" + SubmissionQueue.QueuedCode + "\""))
                .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(stoppingToken);
            left.ForEach(queue.Enqueue);
        }

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
                // Stays queued in the database: the next start takes it up again.
                logger.LogError(e, "Processing queued form submission {Id} failed.", id);
            }
            finally
            {
                queue.Done();
            }
        }
    }
}
