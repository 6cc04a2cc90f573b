namespace Leadwerk.Web.Webhooks;

/// <summary>The sender's settings under <c>Leadwerk:Webhooks</c>; the defaults suit production, tests shorten them.</summary>
public sealed record WebhookSettings(int MaxAttempts, TimeSpan RetryBase, TimeSpan Poll, TimeSpan Timeout, TimeSpan Lease, int MaxInFlight, TimeSpan Retention)
{
    /// <summary>
    /// Multiples of the base delay after the 1st, 2nd, ... failed attempt: with 30 s that is 30 s,
    /// 2 min, 10 min, 1 h, 6 h, 12 h and then a day, so a receiver that is down for a day still gets
    /// everything (with the default of 8 attempts).
    /// </summary>
    private static readonly int[] Backoff = [1, 4, 20, 120, 720, 1440, 2880];

    public static WebhookSettings From(IConfiguration config)
    {
        var timeout = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Leadwerk:Webhooks:TimeoutSeconds", 10.0), 0.1, 60));
        return new(
            Math.Clamp(config.GetValue("Leadwerk:Webhooks:MaxAttempts", 8), 1, 100),
            TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Leadwerk:Webhooks:RetryBaseSeconds", 30.0), 0.01, 86_400)),
            TimeSpan.FromMilliseconds(Math.Clamp(config.GetValue("Leadwerk:Webhooks:PollMilliseconds", 1000), 10, 600_000)),
            timeout,
            // Longer than a send can take: a live sender never loses its claim to another.
            TimeSpan.FromSeconds(Math.Max(config.GetValue("Leadwerk:Webhooks:LeaseSeconds", 60.0), timeout.TotalSeconds * 2)),
            Math.Clamp(config.GetValue("Leadwerk:Webhooks:MaxInFlight", 10), 1, 100),
            TimeSpan.FromDays(Math.Clamp(config.GetValue("Leadwerk:Webhooks:RetentionDays", 30), 1, 3650)));
    }

    /// <summary>When to try again after this many attempts failed.</summary>
    public TimeSpan RetryAfter(int attempts) => RetryBase * Backoff[Math.Clamp(attempts, 1, Backoff.Length) - 1];
}
