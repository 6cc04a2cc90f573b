using System.Threading.Channels;

namespace Leadwerk.Web.Webhooks;

/// <summary>
/// Wakes the sender when this process wrote outbox rows, so a delivery leaves at once instead of
/// at the next poll; rows written by another instance wait for the poll.
/// </summary>
public sealed class WebhookSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when woken or when the time is up, whichever comes first.</summary>
    public async Task Wait(TimeSpan timeout, CancellationToken stop)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timer.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            // Time is up: poll.
        }
    }
}
