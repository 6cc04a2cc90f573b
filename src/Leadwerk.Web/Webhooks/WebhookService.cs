using System.Text.Json.Nodes;
using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Licensing;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Webhooks;

/// <summary>Admin › Webhooks (issue 15, B7; Marketing Premium): the webhooks, their delivery log, replay and a test event.</summary>
public sealed class WebhookService(LeadwerkDbContext db, LicenceService licences, AuditLog audit, WebhookSignal signal, TimeProvider time)
{
    public async Task<List<WebhookDto>> List()
    {
        await licences.Require(Features.FormWebhooks);
        var hooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.Name).ThenBy(w => w.Id).ToListAsync();
        var counts = await db.WebhookDeliveries.Where(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Failed)
            .GroupBy(d => new { d.WebhookId, d.State }).Select(g => new { g.Key.WebhookId, g.Key.State, N = g.Count() }).ToListAsync();
        return [.. hooks.Select(w => ToDto(w, new DeliveryCounts(
            counts.Where(c => c.WebhookId == w.Id && c.State == DeliveryState.Pending).Sum(c => c.N),
            counts.Where(c => c.WebhookId == w.Id && c.State == DeliveryState.Failed).Sum(c => c.N))))];
    }

    public async Task<WebhookDto> Get(int id)
    {
        await licences.Require(Features.FormWebhooks);
        var hook = await Find(id, tracked: false);
        var pending = await db.WebhookDeliveries.CountAsync(d => d.WebhookId == id && d.State == DeliveryState.Pending);
        var failed = await db.WebhookDeliveries.CountAsync(d => d.WebhookId == id && d.State == DeliveryState.Failed);
        return ToDto(hook, new DeliveryCounts(pending, failed));
    }

    public async Task<WebhookDto> Create(WebhookRequest request, Actor actor)
    {
        await Admin(actor);
        var hook = new Webhook { Secret = Webhook.NewSecret() };
        Fill(hook, request);
        db.Webhooks.Add(hook);
        await audit.SaveNew("webhook.created", "webhook", () => hook.Id, () => Changes(null, hook));
        return await Get(hook.Id);
    }

    public async Task<WebhookDto> Update(int id, WebhookRequest request, int? expectedVersion, Actor actor)
    {
        await Admin(actor);
        var hook = await Find(id, tracked: true);
        Concurrency.Check(hook.Version, expectedVersion);
        var before = new Webhook { Name = hook.Name, Url = hook.Url, Events = hook.Events, Active = hook.Active };
        var secret = hook.Secret;
        Fill(hook, request);
        var changes = Changes(before, hook);
        if (secret != hook.Secret)
        {
            changes.Set("secret", "…", L.T("(changed)", "(gewijzigd)"));
        }

        await audit.Add("webhook.updated", "webhook", id, changes);
        await db.SaveChangesAsync();
        return await Get(id);
    }

    /// <summary>A new generated secret; the old one stops signing at once.</summary>
    public async Task<WebhookDto> RotateSecret(int id, Actor actor)
    {
        await Admin(actor);
        var hook = await Find(id, tracked: true);
        hook.Secret = Webhook.NewSecret();
        await audit.Add("webhook.secretRotated", "webhook", id);
        await db.SaveChangesAsync();
        return await Get(id);
    }

    /// <summary>Deletes the webhook and its deliveries, sent or not.</summary>
    public async Task Delete(int id, Actor actor)
    {
        await Admin(actor);
        var hook = await Find(id, tracked: true);
        db.Webhooks.Remove(hook);
        await audit.Add("webhook.deleted", "webhook", id, Changes(hook, null));
        await db.SaveChangesAsync();
    }

    /// <summary>The log, newest first, a page at a time.</summary>
    public async Task<Page<DeliveryDto>> Deliveries(int id, int? limit, string? cursor)
    {
        await licences.Require(Features.FormWebhooks);
        _ = await Find(id, tracked: false);
        var take = Cursor.Limit(limit);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == id);
        if (Cursor.Decode<Position>(cursor) is { } after)
        {
            query = query.Where(d => d.Id < after.I);
        }

        var rows = await query.OrderByDescending(d => d.Id).Take(take + 1).ToListAsync();
        return Cursor.ToPage(rows, take, d => new Position(d.Id), DeliveryDto.Of);
    }

    /// <summary>Queues the delivery's event again (same body, same event id, so a receiver that has it drops it), whatever became of the first.</summary>
    public async Task<DeliveryDto> Replay(long deliveryId, Actor actor)
    {
        await Admin(actor);
        var original = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId)
            ?? throw DomainException.NotFound(L.T($"Delivery {deliveryId} does not exist.", $"Aflevering {deliveryId} bestaat niet."));
        return await Queue(WebhookPayloads.New(original.WebhookId, original.Event, original.EventId, original.Payload, time.GetUtcNow().UtcDateTime));
    }

    /// <summary>A <c>ping</c> event, to see the receiver answer and check its signature code.</summary>
    public async Task<DeliveryDto> Test(int id, Actor actor)
    {
        await Admin(actor);
        var hook = await Find(id, tracked: false);
        var now = time.GetUtcNow().UtcDateTime;
        var eventId = Guid.NewGuid();
        var data = new JsonObject { ["webhookId"] = hook.Id, ["name"] = hook.Name, ["events"] = new JsonArray([.. hook.EventList.Select(e => JsonValue.Create(e))]) };
        return await Queue(WebhookPayloads.New(hook.Id, WebhookEvents.Ping, eventId, WebhookPayloads.Envelope(eventId, WebhookEvents.Ping, now, data), now));
    }

    private async Task<DeliveryDto> Queue(WebhookDelivery delivery)
    {
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        signal.Wake();
        return DeliveryDto.Of(delivery);
    }

    private async Task Admin(Actor actor)
    {
        await licences.Require(Features.FormWebhooks);
        if (!actor.IsAdmin)
        {
            throw new DomainException(403, ErrorCodes.Forbidden, L.T("Only an administrator can change webhooks.", "Alleen een beheerder kan webhooks wijzigen."));
        }
    }

    private static void Fill(Webhook hook, WebhookRequest request)
    {
        var v = new Validation();
        var name = Validation.Clean(request.Name);
        v.Required("name", name, L.T("The name", "De naam")).MaxLength("name", name, WebhookRules.NameMaxLength, L.T("The name", "De naam"));
        var url = Validation.Clean(request.Url);
        if (url is null)
        {
            v.Add("url", L.T("The URL is required.", "De URL is verplicht."));
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            v.Add("url", L.T("The URL must be a full http:// or https:// address.", "De URL moet een volledig http://- of https://-adres zijn."));
        }

        v.MaxLength("url", url, WebhookRules.UrlMaxLength, L.T("The URL", "De URL"));
        var events = (request.Events ?? []).Select(e => e?.Trim() ?? "").Distinct().ToList();
        if (events.Count == 0)
        {
            v.Add("events", L.T("Choose at least one event.", "Kies minstens één gebeurtenis."));
        }

        foreach (var unknown in events.Where(e => !WebhookEvents.All.Contains(e)))
        {
            v.Add("events", L.T($"“{unknown}” is not an event; use {string.Join(", ", WebhookEvents.All)}.",
                $"“{unknown}” is geen gebeurtenis; gebruik {string.Join(", ", WebhookEvents.All)}."));
        }

        var secret = request.Secret?.Trim();
        if (secret is not null && secret.Length is < WebhookRules.SecretMinLength or > WebhookRules.SecretMaxLength)
        {
            v.Add("secret", L.T($"A secret has {WebhookRules.SecretMinLength} to {WebhookRules.SecretMaxLength} characters; leave it out to have one made.",
                $"Een geheim heeft {WebhookRules.SecretMinLength} tot {WebhookRules.SecretMaxLength} tekens; laat het weg om er een te laten maken."));
        }

        v.ThrowIfInvalid();
        hook.Name = name!;
        hook.Url = url!;
        hook.Events = string.Join(',', WebhookEvents.All.Where(events.Contains));
        hook.Secret = secret ?? hook.Secret;
        hook.Active = request.Active ?? hook.Active;
    }

    private static AuditChanges Changes(Webhook? before, Webhook? after)
    {
        static Dictionary<string, object?>? Fields(Webhook? w) => w is null ? null
            : new() { ["name"] = w.Name, ["url"] = w.Url, ["events"] = w.Events, ["active"] = w.Active };
        return AuditChanges.Diff(Fields(before), Fields(after));
    }

    private async Task<Webhook> Find(int id, bool tracked)
    {
        var hooks = tracked ? db.Webhooks : db.Webhooks.AsNoTracking();
        return await hooks.FirstOrDefaultAsync(w => w.Id == id)
            ?? throw DomainException.NotFound(L.T($"Webhook {id} does not exist.", $"Webhook {id} bestaat niet."));
    }

    private static WebhookDto ToDto(Webhook w, DeliveryCounts counts) =>
        new(w.Id, w.Name, w.Url, w.EventList, w.Secret, w.Active, w.CreatedAt, w.UpdatedAt, w.Version, counts);

    private sealed record Position(long I);
}
