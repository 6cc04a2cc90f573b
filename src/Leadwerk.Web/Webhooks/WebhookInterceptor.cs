using Leadwerk.Web.Data;
using Leadwerk.Web.Forms;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Leadwerk.Web.Webhooks;

/// <summary>An event a save causes, with the tracked row it comes from and the webhooks that want it.</summary>
internal sealed record PendingEvent(string Event, object Source, int[] WebhookIds);

/// <summary>What one context is about to hand to the outbox; reset with the context.</summary>
public sealed class WebhookOutboxState
{
    internal List<FormSubmission> Submitted { get; } = [];
    internal List<PendingEvent> Events { get; } = [];
    internal IDbContextTransaction? OwnTransaction { get; set; }
    internal bool CacheChanged { get; set; }
}

/// <summary>
/// Writes the outbox rows of every change in the transaction of the change itself, so no channel
/// can skip them and a crash after the commit loses none. The events come from the rows every
/// channel already writes: a person added, a lead status history row (tracked, or added by the
/// set-based bulk writes), a company category history row, a form submission answered. Payloads
/// need the ids the database gives, so the rows are added right after the change's own save, in
/// its transaction (one of ours when the caller has none). Runs after <see cref="AuditInterceptor"/>,
/// which adds the history rows.
/// </summary>
public sealed class WebhookInterceptor(WebhookCache cache, WebhookSignal signal, TimeProvider time, Cluster.ClusterSignals cluster) : SaveChangesInterceptor
{
    /// <summary>The form intake names the submission it has answered: that save carries <c>form.submitted</c>.</summary>
    public static void Submitted(LeadwerkDbContext db, FormSubmission submission) =>
        (db.WebhookOutbox ??= new()).Submitted.Add(submission);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context, async: false).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await Collect(eventData.Context, async: true);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Write(eventData.Context, async: false).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await Write(eventData.Context, async: true);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private async ValueTask Collect(DbContext? context, bool async)
    {
        if (context is not LeadwerkDbContext db)
        {
            return;
        }

        var state = db.WebhookOutbox ??= new();
        var candidates = new List<(string Event, object Source)>();
        var addedPersons = new HashSet<Person>(ReferenceEqualityComparer.Instance);
        var histories = new List<LeadStatusChange>();
        // The audit interceptor detected the changes already; detecting again costs a bulk batch dearly.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in db.ChangeTracker.Entries())
            {
                switch (entry.Entity)
                {
                    case var e when WebhookCache.Holds(e) && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                        state.CacheChanged = true;
                        break;
                    case Person person when entry.State == EntityState.Added:
                        addedPersons.Add(person);
                        candidates.Add((WebhookEvents.PersonCreated, person));
                        break;
                    case LeadStatusChange history when entry.State == EntityState.Added && history.FromId != history.ToId:
                        histories.Add(history);
                        break;
                    // A new company's first category is part of its creation, not a change.
                    case CompanyCategoryChange change when entry.State == EntityState.Added && change.FromCategoryId is not null
                                                           && change.FromCategoryId != change.ToCategoryId:
                        candidates.Add((WebhookEvents.CompanyCategoryChanged, change));
                        break;
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        // A new person's first status is in its person.created; a later change is a change.
        candidates.AddRange(histories.Where(h => h.Person is null || !addedPersons.Contains(h.Person))
            .Select(h => (WebhookEvents.PersonLeadStatusChanged, (object)h)));
        // Spam is kept for the inbox, not announced.
        candidates.AddRange(state.Submitted.Where(s => s.Status != SubmissionStatus.Spam).Select(s => (WebhookEvents.FormSubmitted, (object)s)));
        state.Submitted.Clear();
        if (state.CacheChanged)
        {
            cache.Invalidate();
        }

        if (candidates.Count == 0)
        {
            return;
        }

        var subscriptions = await cache.Get(db, async);
        foreach (var (eventKey, source) in candidates)
        {
            if (subscriptions.For(eventKey) is { Length: > 0 } ids)
            {
                state.Events.Add(new PendingEvent(eventKey, source, ids));
            }
        }

        if (state.Events.Count > 0 && db.Database.CurrentTransaction is null)
        {
            state.OwnTransaction = async ? await db.Database.BeginTransactionAsync() : db.Database.BeginTransaction();
        }
    }

    private async ValueTask Write(DbContext? context, bool async)
    {
        if (context is not LeadwerkDbContext { WebhookOutbox: { } state } db)
        {
            return;
        }

        if (state.CacheChanged)
        {
            cache.Invalidate();
            state.CacheChanged = false;
            _ = db.SignalAfterCommit(cluster, WebhookCache.Topic);
        }

        if (state.Events.Count == 0)
        {
            return;
        }

        var events = state.Events.ToList();
        var own = state.OwnTransaction;
        (state.OwnTransaction, db.WebhookOutbox) = (null, null);
        try
        {
            db.WebhookDeliveries.AddRange(await WebhookPayloads.Deliveries(db, events, time.GetUtcNow().UtcDateTime, async));
            if (async)
            {
                await db.SaveChangesAsync();
                await (own?.CommitAsync() ?? Task.CompletedTask);
            }
            else
            {
                db.SaveChanges();
                own?.Commit();
            }
        }
        finally
        {
            // Disposing an uncommitted transaction rolls it back: the change goes with its events.
            if (own is not null && async)
            {
                await own.DisposeAsync();
            }
            else
            {
                own?.Dispose();
            }
        }

        signal.Wake();
    }

    private static void Abandon(DbContext? context)
    {
        if (context is LeadwerkDbContext { WebhookOutbox: { } state } db)
        {
            db.WebhookOutbox = null;
            state.OwnTransaction?.Dispose();
        }
    }
}
