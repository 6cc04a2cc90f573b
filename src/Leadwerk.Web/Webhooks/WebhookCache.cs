using Leadwerk.Web.Data;
using Leadwerk.Web.Licensing;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Webhooks;

/// <summary>Which active webhooks want which event, and whether the licence holds webhooks at all.</summary>
public sealed record WebhookSubscriptions(bool Licensed, IReadOnlyDictionary<string, int[]> ByEvent)
{
    public static readonly WebhookSubscriptions None = new(false, new Dictionary<string, int[]>());

    public int[] For(string eventKey) => Licensed && ByEvent.TryGetValue(eventKey, out var ids) ? ids : [];

    public bool Any => Licensed && ByEvent.Count > 0;
}

/// <summary>
/// The subscriptions, kept for the process so that a save without webhooks (a form intake at 200
/// a second) asks the database nothing. Dropped whenever a webhook or the licence is saved, here and
/// (after the commit) in the other instances; the age limit covers a reader that loaded between a
/// save and its commit.
/// </summary>
public sealed class WebhookCache
{
    /// <summary>The signal other instances drop theirs on (<see cref="Cluster.ClusterSignals"/>).</summary>
    public const string Topic = "webhooks";

    private readonly Common.ProcessCache<WebhookSubscriptions> _cache;

    public WebhookCache(TimeProvider time, Cluster.ClusterSignals cluster)
    {
        _cache = new(time, TimeSpan.FromSeconds(30));
        cluster.On(Topic, _ => Invalidate());
    }

    public ValueTask<WebhookSubscriptions> Get(LeadwerkDbContext db, bool async) => _cache.Get(async () =>
    {
        var editions = db.Licences.AsNoTracking().Where(l => l.Id == Licence.TheOne).Select(l => l.Edition);
        var edition = (async ? await editions.FirstOrDefaultAsync() : editions.FirstOrDefault()) ?? Editions.SalesEssentials;
        var hooks = db.Webhooks.AsNoTracking().Where(w => w.Active).Select(w => new { w.Id, w.Events });
        var rows = async ? await hooks.ToListAsync() : [.. hooks];
        return new WebhookSubscriptions(Features.In(Features.FormWebhooks, edition),
            rows.SelectMany(w => w.Events.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => (Event: e, w.Id)))
                .GroupBy(x => x.Event).ToDictionary(g => g.Key, g => g.Select(x => x.Id).Order().ToArray()));
    });

    public void Invalidate() => _cache.Invalidate();

    public static bool Holds(object entity) => entity is Webhook or Licence;
}
