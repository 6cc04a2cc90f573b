using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Attribution;

/// <summary>
/// Applies saved aliases and channel rules to every stored touch (R22), in batches by id, in the
/// background. The settings row says which rules version the touches have; a recompute cut off by a
/// stop runs again at the next start (normalizing is repeatable: the raw values never change).
/// </summary>
public sealed class TouchRecompute(IServiceScopeFactory scopes, ILogger<TouchRecompute> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private readonly SemaphoreSlim _wake = new(0);
    private volatile RecomputeProgress _progress = new(false, 0, 0);

    public RecomputeProgress Progress => _progress;

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
                _progress = _progress with { Running = false };
            }

            await _wake.WaitAsync(stoppingToken);
        }
    }

    private async Task Run(CancellationToken stop)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
            var settings = await db.AttributionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == AttributionSettings.TheOne, stop);
            if (settings is null || settings.AppliedVersion >= settings.RulesVersion)
            {
                return;
            }

            var rules = settings.Rules();
            _progress = new RecomputeProgress(true, 0, await db.Touches.CountAsync(stop));
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
                _progress = _progress with { Done = _progress.Done + batch.Count };
            }

            // Rules saved again meanwhile: the loop takes the newer ones from the start.
            var applied = await db.AttributionSettings.Where(s => s.Id == AttributionSettings.TheOne && s.RulesVersion == settings.RulesVersion)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.AppliedVersion, settings.RulesVersion), stop);
            _progress = _progress with { Running = applied == 0 };
            if (applied == 1)
            {
                logger.LogInformation("Recomputed {Count} touches with attribution rules version {Version}.", _progress.Done, settings.RulesVersion);
                return;
            }
        }
    }
}
