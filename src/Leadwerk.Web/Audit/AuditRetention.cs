using Leadwerk.Web.Data;

namespace Leadwerk.Web.Audit;

/// <summary>
/// Keeps the audit log to <c>Leadwerk:AuditRetentionDays</c> (400 by default): one indexed DELETE
/// at start and then once a day, so the cost is a single statement a day whatever the traffic.
/// </summary>
public sealed class AuditRetention(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Leads.Channel.Automation));
                var deleted = await scope.ServiceProvider.GetRequiredService<AuditService>().DeleteExpired(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Audit log: {Count} entries past the retention deleted.", deleted);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy or unreachable database only postpones the cleanup to the next day.
                logger.LogWarning(e, "Audit log cleanup failed; it is tried again in a day.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
