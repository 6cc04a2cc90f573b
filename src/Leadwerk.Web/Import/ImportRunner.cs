using System.Linq.Expressions;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Automation;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Jobs;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Import;

/// <summary>
/// Works through queued imports one batch per transaction (records, history, rows and counters
/// together), so a crash leaves whole batches only. Which instance works on an import, and what
/// happens to one whose instance died, is <see cref="LeasedJobRunner{TJob}"/>'s business.
/// </summary>
public sealed class ImportRunner(IServiceScopeFactory scopes, JobQueue<ImportJob> queue, JobLeases leases, IConfiguration config, ILogger<ImportRunner> logger)
    : LeasedJobRunner<ImportJob>(scopes, queue, leases, logger)
{
    private int BatchSize => Math.Clamp(config.GetValue("Leadwerk:Import:BatchSize", 500), 1, 5000);

    protected override Expression<Func<ImportJob, bool>> Runnable =>
        j => j.State == ImportState.Queued || j.State == ImportState.Running || j.State == ImportState.RollingBack;

    protected override async Task<int> MarkInterrupted(LeadwerkDbContext db, DateTime started) =>
        await db.Imports.Where(Runnable).Where(j => j.UpdatedAt < started)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportState.Interrupted)
                .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTime?)null));

    protected override async Task MarkFailed(LeadwerkDbContext db, int id) =>
        await db.Imports.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportState.Interrupted));

    protected override async Task Work(int id, CancellationToken stop)
    {
        // Where the next batch continues: the run walks the rows up by line, a rollback down.
        var (after, before) = (0, int.MaxValue);
        while (!stop.IsCancellationRequested)
        {
            await using var scope = Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
            // A batch adds up to a few thousand persons and their history rows: written a few hundred per statement.
            db.WriteInBulk = true;
            var job = await db.Imports.FirstAsync(b => b.Id == id);
            var rollingBack = job.State == ImportState.RollingBack;
            if (job.State is not (ImportState.Queued or ImportState.Running or ImportState.RollingBack))
            {
                return;
            }

            var role = await db.Users.Where(u => u.Id == job.UserId).Select(u => u.Role).FirstOrDefaultAsync();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor(job.UserId, role == 0 ? Role.User : role, Channel.Import))
                .For(new JobRef(JobKind.Import, job.Id, rollingBack));
            job.State = rollingBack ? ImportState.RollingBack : ImportState.Running;
            var lookups = await ImportLookups.Load(db);
            await using var transaction = await db.Database.BeginTransactionAsync(stop);
            if (!await Fence(db, id, stop))
            {
                return;
            }

            int handled;
            if (rollingBack)
            {
                (handled, before) = await ImportRollback.Batch(db, job, BatchSize, lookups.DefaultStatusId, before);
            }
            else
            {
                (handled, after) = await Run(db, job, lookups, scope.ServiceProvider, after);
            }

            if (handled == 0)
            {
                job.State = rollingBack ? ImportState.RolledBack : ImportState.Done;
                job.FinishedAt = DateTime.UtcNow;
            }

            await db.SaveChangesAsync(stop);
            await transaction.CommitAsync(stop);
            if (handled == 0)
            {
                return;
            }
        }
    }

    /// <summary>One batch of the pending rows after line <paramref name="after"/>: how many it handled and its last line.</summary>
    private async Task<(int Count, int Last)> Run(LeadwerkDbContext db, ImportJob job, ImportLookups lookups, IServiceProvider services, int after)
    {
        // On the key (import, line) from where the last batch stopped: a filter on the state alone made each
        // batch pass every row the earlier ones had done (quadratic in the file's rows).
        var rows = await db.ImportRows.AsNoTracking().Where(r => r.ImportId == job.Id && r.Line > after && r.State == ImportRowState.Pending)
            .OrderBy(r => r.Line).Take(BatchSize).ToListAsync();
        if (rows.Count == 0)
        {
            return (0, after);
        }

        var settings = ImportValues.Deserialize<ImportSettings>(job.SettingsJson);
        var persons = job.Entity == ImportFields.Person
            ? new ImportPersons(db, settings, lookups, new Dictionary<string, Company>(), services.GetRequiredService<LeadAutomation>(),
                services.GetRequiredService<Privacy.Suppression>())
            : null;
        var steps = persons is not null ? await persons.Process(rows) : await new ImportCompanies(db, settings, lookups).Process(rows);
        job.Done += rows.Count;
        job.Created += rows.Count(r => r.State == ImportRowState.Created);
        job.Updated += rows.Count(r => r.State == ImportRowState.Updated);
        job.Unchanged += rows.Count(r => r.State == ImportRowState.Unchanged);
        job.Errors += rows.Count(r => r.State == ImportRowState.Error);
        await db.SaveChangesAsync();
        if (settings.Distribute && persons is not null)
        {
            await Distribute(services, job, persons.Created);
        }

        // After distribution, so that a rollback sees the owner it gave as the import's own change.
        steps.ForEach(step => step());
        await db.SaveChangesAsync();
        await ImportRowWrites.Replace(db, job.Id, rows);
        return (rows.Count, rows[^1].Line);
    }

    /// <summary>
    /// New persons get an owner by the distribution rules, as a form's or the API's would. An edition
    /// that lost distribution since the import was started leaves them as the file made them.
    /// </summary>
    private async Task Distribute(IServiceProvider services, ImportJob job, List<Person> created)
    {
        if (!await services.GetRequiredService<Licensing.LicenceService>().Has(Licensing.Features.Distribution))
        {
            Logger.LogWarning("Import {Id} asked for distribution, which the edition no longer includes.", job.Id);
            return;
        }

        var distribution = services.GetRequiredService<Distribution.DistributionService>();
        foreach (var person in created)
        {
            await distribution.Assign(person, null, importId: job.Id);
        }
    }
}
