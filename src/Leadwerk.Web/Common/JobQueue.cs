using System.Threading.Channels;
using Leadwerk.Web.Cluster;

namespace Leadwerk.Web.Common;

/// <summary>
/// Wakes the runner of one kind of job (bulk updates, imports) when one is queued: in this
/// process, and through <see cref="ClusterSignals"/> in the other instances. The jobs themselves
/// are rows; a runner claims them with a lease (<see cref="Jobs.JobLeases"/>), so a missed wake-up
/// only delays a job until the runner's next look.
/// </summary>
public sealed class JobQueue<TJob>
{
    private static readonly string Topic = "jobs:" + typeof(TJob).Name;

    // One pending wake-up is enough: a woken runner claims every job there is before it waits again.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ClusterSignals _cluster;

    public JobQueue(ClusterSignals cluster)
    {
        _cluster = cluster;
        cluster.On(Topic, _ => Wake());
    }

    /// <summary>After the job's row is committed: its runner here, and any instance's, looks for work.</summary>
    public void Enqueue(int id)
    {
        Wake();
        _cluster.SendSoon(Topic, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Returns when a job was queued, or after <paramref name="timeout"/>.</summary>
    public async Task WaitForWork(TimeSpan timeout, CancellationToken stop)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stop);
        waiting.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            // The timeout: look anyway.
        }
    }

    private void Wake() => _wake.Writer.TryWrite(true);
}
