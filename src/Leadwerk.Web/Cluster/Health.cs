using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Cluster;

/// <summary>
/// What a load balancer asks: <c>/health/live</c> (the process answers: restart it when not) and
/// <c>/health/ready</c> (send it users: the database answers, and the instance is not stopping).
/// <c>/health</c> stays as it was, the database check, for existing monitors.
/// </summary>
public static class Health
{
    public static void MapHealth(this WebApplication app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("", async (LeadwerkDbContext db) =>
            await db.Database.CanConnectAsync() ? Results.Ok(new { status = "healthy" }) : Results.StatusCode(503));
        health.MapGet("/live", () => Results.Ok(new { status = "live" }));
        health.MapGet("/ready", async (LeadwerkDbContext db, Drain drain) =>
            drain.Draining ? Results.Json(new { status = "draining" }, statusCode: 503)
            : await db.Database.CanConnectAsync() ? Results.Ok(new { status = "ready" })
            : Results.Json(new { status = "database unavailable" }, statusCode: 503));
    }
}

/// <summary>
/// On stop (SIGTERM), before the server closes: readiness turns 503 and requests go on being served
/// for <c>Leadwerk:DrainSeconds</c> (default 0), so a balancer that polls /health/ready sends new
/// users elsewhere first. Then the server finishes the requests in flight, and the job runners hand
/// their jobs back (<see cref="Jobs.LeasedJobRunner{TJob}"/>) for another instance to take at once.
/// "Stopping" runs for every hosted service before any of them (the server included) stops.
/// </summary>
public sealed class Drain(IConfiguration config, ILogger<Drain> logger) : IHostedLifecycleService
{
    private volatile bool _draining;

    public bool Draining => _draining;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var wait = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Leadwerk:DrainSeconds", 0.0), 0, 300));
        if (wait > TimeSpan.Zero)
        {
            logger.LogInformation("Stopping: not ready any more; serving for {Seconds} s more while the balancer notices.", wait.TotalSeconds);
            await Task.Delay(wait, cancellationToken);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
