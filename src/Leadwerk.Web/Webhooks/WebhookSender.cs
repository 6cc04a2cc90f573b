using System.Net.Http.Headers;
using System.Text;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Webhooks;

/// <summary>
/// Sends the outbox: claims due deliveries a few at a time, posts each signed, and records the
/// answer; a failure is tried again later (<see cref="WebhookSettings.RetryAfter"/>) until the
/// attempts run out. A claim is a lease: rows of a sender that died (kill -9) are taken again when
/// it runs out, so nothing is lost; the receiver may then see an event twice (at least once) and
/// drops the repeat by its <c>Leadwerk-Delivery</c> id.
/// </summary>
public sealed class WebhookSender(
    IDbContextFactory<LeadwerkDbContext> contexts, IHttpClientFactory clients, WebhookSignal signal, TimeProvider time,
    IConfiguration config, ILogger<WebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    private readonly WebhookSettings _settings = WebhookSettings.From(config);

    /// <summary>Sends under way; a receiver that hangs holds one of them, not the others' deliveries.</summary>
    private readonly SemaphoreSlim _slots = new(WebhookSettings.From(config).MaxInFlight);

    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= _nextCleanup)
                {
                    await Forget(stoppingToken);
                    _nextCleanup = time.GetUtcNow().AddHours(1);
                }

                foreach (var delivery in await Claim(_slots.CurrentCount, stoppingToken))
                {
                    await _slots.WaitAsync(stoppingToken);
                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            await Send(delivery, stoppingToken);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            // Not recorded: the lease runs out and the delivery is tried again.
                            logger.LogWarning(e, "Recording webhook delivery {Id} failed.", delivery.Id);
                        }
                        finally
                        {
                            _slots.Release();
                            signal.Wake();
                        }
                    }, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy or unreachable database only postpones the sending to the next poll.
                logger.LogWarning(e, "Sending webhooks failed; trying again at the next poll.");
            }

            await signal.Wait(_settings.Poll, stoppingToken);
        }
    }

    /// <summary>
    /// The log keeps <c>Leadwerk:Webhooks:RetentionDays</c> of finished deliveries: one indexed
    /// DELETE an hour, so a busy webhook does not grow the table without end.
    /// </summary>
    private async Task Forget(CancellationToken stop)
    {
        await using var db = await contexts.CreateDbContextAsync(stop);
        var before = time.GetUtcNow().UtcDateTime - _settings.Retention;
        // A finished delivery's NextAttemptAt is when its last attempt was due: the claim's index serves this too.
        await db.WebhookDeliveries.Where(d => (d.State == DeliveryState.Succeeded || d.State == DeliveryState.Failed) && d.NextAttemptAt < before)
            .ExecuteDeleteAsync(stop);
    }

    private sealed record Claimed(long Id, Guid Lease, string Event, Guid EventId, string Payload, int Attempts, string Url, string Secret);

    /// <summary>
    /// Due rows are chosen, then taken with an UPDATE that checks again that they are free: of two
    /// senders racing for a row (two app instances), only one UPDATE matches it, on both providers.
    /// </summary>
    private async Task<List<Claimed>> Claim(int max, CancellationToken stop)
    {
        if (max == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(stop);
        var now = time.GetUtcNow().UtcDateTime;
        var ids = await Due(db, now).OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Take(max).Select(d => d.Id).ToListAsync(stop);
        if (ids.Count == 0)
        {
            return [];
        }

        var lease = Guid.NewGuid();
        var until = now + _settings.Lease;
        await Due(db, now).Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, DeliveryState.Delivering).SetProperty(d => d.Lease, lease).SetProperty(d => d.ClaimedUntil, until)
            .SetProperty(d => d.Attempts, d => d.Attempts + 1), stop);
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.Lease == lease)
            .Select(d => new Claimed(d.Id, lease, d.Event, d.EventId, d.Payload, d.Attempts, d.Webhook!.Url, d.Webhook.Secret))
            .ToListAsync(stop);
    }

    /// <summary>Pending and due, or claimed by a sender whose lease ran out; of an active webhook (an inactive one keeps its rows for later).</summary>
    private static IQueryable<WebhookDelivery> Due(LeadwerkDbContext db, DateTime now) =>
        db.WebhookDeliveries.Where(d => ((d.State == DeliveryState.Pending && d.NextAttemptAt <= now)
                                         || (d.State == DeliveryState.Delivering && d.ClaimedUntil < now))
                                        && d.Webhook!.Active);

    private async Task Send(Claimed delivery, CancellationToken stop)
    {
        int? status = null;
        string? error = null;
        try
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Leadwerk-Webhooks", "1"));
            request.Headers.Add(WebhookSignature.EventHeader, delivery.Event);
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.EventId.ToString());
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(delivery.Secret, timestamp, delivery.Payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(_settings.Timeout);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"HTTP {status} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the next start sends it.
            return;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            error = e is OperationCanceledException ? $"No answer within {_settings.Timeout.TotalSeconds:0.#} s" : e.Message;
        }

        await Record(delivery, status, error, stop);
    }

    private async Task Record(Claimed delivery, int? status, string? error, CancellationToken stop)
    {
        await using var db = await contexts.CreateDbContextAsync(stop);
        var now = time.GetUtcNow().UtcDateTime;
        var mine = db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.Lease == delivery.Lease);
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Succeeded).SetProperty(d => d.DeliveredAt, now)
                .SetProperty(d => d.LastStatusCode, status).SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.Lease, (Guid?)null).SetProperty(d => d.ClaimedUntil, (DateTime?)null), stop);
            return;
        }

        var dead = delivery.Attempts >= _settings.MaxAttempts;
        var next = dead ? now : now + _settings.RetryAfter(delivery.Attempts);
        error = error.Length > WebhookRules.ErrorMaxLength ? error[..WebhookRules.ErrorMaxLength] : error;
        await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.State, dead ? DeliveryState.Failed : DeliveryState.Pending)
            .SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.LastStatusCode, status).SetProperty(d => d.LastError, error)
            .SetProperty(d => d.Lease, (Guid?)null).SetProperty(d => d.ClaimedUntil, (DateTime?)null), stop);
        if (dead)
        {
            logger.LogWarning("Webhook delivery {Id} ({Event}) failed for good after {Attempts} attempts: {Error}", delivery.Id, delivery.Event, delivery.Attempts, error);
        }
    }
}
