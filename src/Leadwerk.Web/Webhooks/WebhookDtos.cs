namespace Leadwerk.Web.Webhooks;

/// <summary>A new or changed webhook; a secret left out is generated (new) or kept (change).</summary>
public sealed record WebhookRequest(string? Name, string? Url, List<string>? Events, string? Secret, bool? Active);

public sealed record WebhookDto(
    int Id, string Name, string Url, IReadOnlyList<string> Events, string Secret, bool Active,
    DateTime CreatedAt, DateTime UpdatedAt, int Version, DeliveryCounts Deliveries);

/// <summary>How the webhook's deliveries stand, so the list shows at a glance which one is in trouble.</summary>
public sealed record DeliveryCounts(int Pending, int Failed);

public sealed record DeliveryDto(
    long Id, int WebhookId, string Event, Guid EventId, DeliveryState State, int Attempts, DateTime NextAttemptAt,
    int? LastStatusCode, string? LastError, DateTime CreatedAt, DateTime? DeliveredAt, string Payload)
{
    public static DeliveryDto Of(WebhookDelivery d) => new(
        d.Id, d.WebhookId, d.Event, d.EventId, d.State, d.Attempts, d.NextAttemptAt, d.LastStatusCode, d.LastError, d.CreatedAt, d.DeliveredAt, d.Payload);
}
