using System.Linq.Expressions;
using Leadwerk.Web.Cluster;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Jobs;

/// <summary>A job row an instance works on only while it holds the lease (ADR 0012).</summary>
public interface ILeasedJob
{
    int Id { get; }

    /// <summary>The instance working on it (<see cref="ClusterSignals.Instance"/>), or null.</summary>
    string? LeaseOwner { get; set; }

    /// <summary>Until when the owner's claim holds unless renewed; past it, any instance may take the job over.</summary>
    DateTime? LeaseUntil { get; set; }
}

/// <summary>
/// Claims, renews and hands back the lease on a job row (bulk update, import). One instance works
/// on a job at a time: it claims a runnable job whose lease is free or expired, renews the lease
/// at the start of every batch's transaction (the fence: a batch whose renewal finds another owner
/// rolls back) and on a heartbeat between, and clears it when done or stopping. On PostgreSQL the
/// candidate is read with FOR UPDATE SKIP LOCKED, so instances looking at once pass over a row
/// another has locked instead of queuing behind it.
/// </summary>
public sealed class JobLeases(ClusterSignals cluster, TimeProvider time, IConfiguration config)
{
    public const int OwnerLength = 100;

    /// <summary>How long a claim holds without renewal: the longest a dead instance's job waits to be taken over.</summary>
    public TimeSpan Lease { get; } = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Leadwerk:Jobs:LeaseSeconds", 30.0), 1, 600));

    /// <summary>How often an idle runner looks for work queued by another instance whose signal it missed.</summary>
    public TimeSpan Poll { get; } = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Leadwerk:Jobs:PollSeconds", 5.0), 0.2, 300));

    public string Owner => cluster.Instance;

    /// <summary>Whether other instances may work on the same jobs (PostgreSQL); on SQLite this process is alone.</summary>
    public bool Shared => cluster.Shared;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Claims the oldest runnable job whose lease is free or has expired; its id, or null when there is none.</summary>
    public async Task<int?> Claim<TJob>(LeadwerkDbContext db, Expression<Func<TJob, bool>> runnable, CancellationToken stop)
        where TJob : class, ILeasedJob
    {
        var now = Now;
        var candidates = await db.Set<TJob>().Where(runnable).Where(j => j.LeaseUntil == null || j.LeaseUntil < now)
            .OrderBy(j => j.Id).Select(j => j.Id).Take(5).ToListAsync(stop);
        foreach (var id in candidates)
        {
            if (await TryClaim<TJob>(db, id, now, stop))
            {
                return id;
            }
        }

        return null;
    }

    private async Task<bool> TryClaim<TJob>(LeadwerkDbContext db, int id, DateTime now, CancellationToken stop) where TJob : class, ILeasedJob
    {
        await using var transaction = await db.Database.BeginTransactionAsync(stop);
        if (db.IsPostgres)
        {
            var table = db.Model.FindEntityType(typeof(TJob))!.GetTableName();
            // The table name is the model's own, not input.
#pragma warning disable EF1002
            var unlocked = await db.Database.SqlQueryRaw<int>($$"""SELECT "Id" AS "Value" FROM "{{table}}" WHERE "Id" = {0} FOR UPDATE SKIP LOCKED""", id)
                .ToListAsync(stop);
#pragma warning restore EF1002
            if (unlocked.Count == 0)
            {
                // Another instance holds the row (claiming it, or a batch in its transaction).
                return false;
            }
        }

        // The condition again: another instance may have claimed it since the read (on SQLite, which has no row locks, this is the guard).
        var (until, owner) = (now + Lease, Owner);
        var claimed = await db.Set<TJob>().Where(j => j.Id == id && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, owner).SetProperty(j => j.LeaseUntil, until), stop);
        await transaction.CommitAsync(stop);
        return claimed == 1;
    }

    /// <summary>
    /// Extends this instance's lease; false when another instance has taken the job over (its lease
    /// had expired). Inside a batch's transaction this also locks the job row until the commit, so no
    /// other instance can take the job while the batch writes.
    /// </summary>
    public async Task<bool> Renew<TJob>(LeadwerkDbContext db, int id, CancellationToken stop = default) where TJob : class, ILeasedJob
    {
        var until = Now + Lease;
        var owner = Owner;
        return await db.Set<TJob>().Where(j => j.Id == id && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), stop) == 1;
    }

    /// <summary>Hands the job back: another instance (or this one) may claim it at once if it is still runnable.</summary>
    public async Task Release<TJob>(LeadwerkDbContext db, int id) where TJob : class, ILeasedJob
    {
        var owner = Owner;
        await db.Set<TJob>().Where(j => j.Id == id && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTime?)null));
    }
}
