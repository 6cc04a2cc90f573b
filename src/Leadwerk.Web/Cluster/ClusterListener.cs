using Npgsql;

namespace Leadwerk.Web.Cluster;

/// <summary>
/// Listens on PostgreSQL for what the other instances send (<see cref="ClusterSignals"/>) on a
/// connection of its own, kept open; reconnects after a loss and then drops every cache, as
/// notifications sent meanwhile are gone. Does nothing on SQLite.
/// </summary>
public sealed class ClusterListener(ClusterSignals signals, ILogger<ClusterListener> logger) : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (signals.Source is not { } source)
        {
            return;
        }

        var lost = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(stop);
                connection.Notification += (_, e) => signals.Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterSignals.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }

                if (lost)
                {
                    logger.LogInformation("Listening to the other instances again; caches dropped.");
                    signals.DeliverEverything();
                    lost = false;
                }

                while (!stop.IsCancellationRequested)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.IO.IOException or InvalidOperationException)
            {
                logger.LogWarning(e, "Lost the connection that listens to the other instances; trying again in {Retry}.", Retry);
                lost = true;
                await Task.Delay(Retry, stop);
            }
        }
    }
}
