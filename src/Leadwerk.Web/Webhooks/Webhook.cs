using System.Security.Cryptography;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Webhooks;

/// <summary>
/// An address that hears about changes (issue 15, B7; Marketing Premium): the events it wants and
/// the secret its deliveries are signed with.
/// </summary>
public sealed class Webhook : IAuditable
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";

    /// <summary>The event keys (<see cref="WebhookEvents"/>), comma-separated: a handful at most, always read together.</summary>
    public string Events { get; set; } = "";
    public string Secret { get; set; } = "";
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>32 random bytes: as hard to guess as the HMAC key can use.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

public enum DeliveryState
{
    Pending = 1,
    Delivering = 2,
    Succeeded = 3,
    Failed = 4,
}

/// <summary>
/// One event for one webhook: the outbox row written in the transaction of the change (so a crash
/// loses nothing), and afterwards the log line of what the receiver answered.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public int WebhookId { get; set; }
    public Webhook? Webhook { get; set; }
    public string Event { get; set; } = "";

    /// <summary>The event's id, the same on every retry and replay, so a receiver can drop a repeat.</summary>
    public Guid EventId { get; set; }

    /// <summary>The body sent, as JSON text: fixed when the change happened, whatever changes later.</summary>
    public string Payload { get; set; } = "";
    public DeliveryState State { get; set; } = DeliveryState.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The sender that claimed the row and until when; a sender that died lets go when the time is past.</summary>
    public Guid? Lease { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
}

/// <summary>The events a webhook can subscribe to, as the API and the payloads name them.</summary>
public static class WebhookEvents
{
    public const string PersonLeadStatusChanged = "person.leadStatusChanged";
    public const string PersonCreated = "person.created";
    public const string FormSubmitted = "form.submitted";
    public const string CompanyCategoryChanged = "company.categoryChanged";

    /// <summary>Sent by "Send test" only; nobody subscribes to it.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> All { get; } = [PersonLeadStatusChanged, PersonCreated, FormSubmitted, CompanyCategoryChanged];

    public static string Name(string key) => key switch
    {
        PersonLeadStatusChanged => L.T("Lead status of a person changed", "Leadstatus van een persoon gewijzigd"),
        PersonCreated => L.T("Person created", "Persoon aangemaakt"),
        FormSubmitted => L.T("Web form submitted", "Webformulier ingezonden"),
        CompanyCategoryChanged => L.T("Category of a company changed", "Categorie van een bedrijf gewijzigd"),
        Ping => L.T("Test", "Test"),
        _ => key,
    };
}

public static class WebhookRules
{
    public const int NameMaxLength = 100;
    public const int UrlMaxLength = 2000;
    public const int SecretMinLength = 16;
    public const int SecretMaxLength = 200;
    public const int ErrorMaxLength = 300;
}

public sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>, IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.ToTable("Webhooks");
        builder.Property(w => w.Name).HasMaxLength(WebhookRules.NameMaxLength);
        builder.Property(w => w.Url).HasMaxLength(WebhookRules.UrlMaxLength);
        builder.Property(w => w.Events).HasMaxLength(200);
        builder.Property(w => w.Secret).HasMaxLength(WebhookRules.SecretMaxLength);
        builder.Property(w => w.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasOne(d => d.Webhook).WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Event).HasMaxLength(50);
        builder.Property(d => d.LastError).HasMaxLength(WebhookRules.ErrorMaxLength);
        // The sender's claim: due pending rows, and delivering rows whose sender died.
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        // The log of one webhook, newest first.
        builder.HasIndex(d => new { d.WebhookId, d.Id });
        builder.HasIndex(d => d.Lease);
    }
}
