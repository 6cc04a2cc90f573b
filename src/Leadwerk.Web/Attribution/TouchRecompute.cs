using Leadwerk.Web.Data;
using Leadwerk.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Attribution;

/// <summary>
/// Applies saved aliases and channel rules to every stored touch (R22), in batches by id, in the
/// background. The settings row says which rules version the touches have; a recompute cut off by a
/// stop runs again at the next start (normalizing is repeatable: the raw values never change).
/// With several instances (PostgreSQL) one recomputes at a time, holding an advisory lock on its
/// connection; the others look every poll interval whether the touches are behind the rules, so
/// the work of an instance that died (its lock went with its connection) is taken up by another.
/// The progress is written to the settings row after each batch, so every instance's page shows it.
/// </summary>
public sealed class TouchRecompute(IServiceScopeFactory scopes, JobLeases leases, ILogger<TouchRecompute> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    /// <summary>Any fixed number: the lock's name among this database's advisory locks ("LW-TOUCH" in ASCII).</summary>
    private const long LockKey = 0x4C572D544F554348;
    private readonly SemaphoreSlim _wake = new(0);

    public void Start() => _wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Run(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Recomputing the touches failed; it runs again at the next change or start.");
            }

            if (leases.Shared)
            {
                // Rules saved on another instance, or its recompute cut off by its death.
                await _wake.WaitAsync(leases.Poll, stoppingToken);
            }
            else
            {
                await _wake.WaitAsync(stoppingToken);
            }
        }
    }

    private async Task Run(CancellationToken stop)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
            if (!await db.AttributionSettings.AnyAsync(s => s.Id == AttributionSettings.TheOne && s.AppliedVersion < s.RulesVersion, stop))
            {
                return;
            }

            if (db.IsPostgres && !await TryLock(db, stop))
            {
                // Another instance is at it.
                return;
            }

            try
            {
                if (await RecomputeOnce(db, stop))
                {
                    return;
                }
            }
            finally
            {
                if (db.IsPostgres)
                {
                    // A pooled connection keeps its session locks until it is used again: hand it back unlocked.
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
                }
            }
        }
    }

    /// <summary>Normalizes every touch with the current rules; whether they were still current at the end.</summary>
    private async Task<bool> RecomputeOnce(LeadwerkDbContext db, CancellationToken stop)
    {
        var settings = await db.AttributionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == AttributionSettings.TheOne, stop);
        if (settings is null || settings.AppliedVersion >= settings.RulesVersion)
        {
            // Done by another instance between the look and the lock.
            return true;
        }

        var rules = settings.Rules();
        var (done, total) = (0, await db.Touches.CountAsync(stop));
        await Report(db, settings.RulesVersion, done, total, stop);
        var last = 0L;
        while (true)
        {
            var batch = await db.Touches.Where(t => t.Id > last).OrderBy(t => t.Id).Take(BatchSize).ToListAsync(stop);
            if (batch.Count == 0)
            {
                break;
            }

            batch.ForEach(rules.Normalize);
            await db.SaveChangesAsync(stop);
            db.ChangeTracker.Clear();
            last = batch[^1].Id;
            done += batch.Count;
            await Report(db, settings.RulesVersion, done, Math.Max(done, total), stop);
        }

        // Rules saved again meanwhile: the caller goes again with the newer ones, from the start.
        var applied = await db.AttributionSettings.Where(s => s.Id == AttributionSettings.TheOne && s.RulesVersion == settings.RulesVersion)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.AppliedVersion, settings.RulesVersion), stop);
        if (applied == 1)
        {
            logger.LogInformation("Recomputed {Count} touches with attribution rules version {Version}.", done, settings.RulesVersion);
        }

        return applied == 1;
    }

    /// <summary>Writes the progress unless the rules were saved again meanwhile (their save starts it at nought).</summary>
    private static Task Report(LeadwerkDbContext db, int rulesVersion, int done, int total, CancellationToken stop) =>
        db.AttributionSettings.Where(s => s.Id == AttributionSettings.TheOne && s.RulesVersion == rulesVersion)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RecomputedTouches, done).SetProperty(s => s.TouchesToRecompute, total), stop);

    /// <summary>A session lock on the context's connection, opened here and kept for the context's life.</summary>
    private static async Task<bool> TryLock(LeadwerkDbContext db, CancellationToken stop)
    {
        await db.Database.OpenConnectionAsync(stop);
        return await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(stop);
    }
}
