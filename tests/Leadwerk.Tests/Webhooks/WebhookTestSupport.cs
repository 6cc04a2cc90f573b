using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Webhooks;

/// <summary>Retries a fraction of a second apart and a quick poll, so a test sees several attempts in a second or two.</summary>
public static class QuickWebhooks
{
    public const int MaxAttempts = 3;

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Leadwerk:Webhooks:RetryBaseSeconds"] = "0.2",
        ["Leadwerk:Webhooks:PollMilliseconds"] = "100",
        ["Leadwerk:Webhooks:MaxAttempts"] = MaxAttempts.ToString(),
        ["Leadwerk:Webhooks:TimeoutSeconds"] = "2",
        ["Leadwerk:Webhooks:LeaseSeconds"] = "4",
    };

    public static void Configure(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

public sealed class SqliteWebhookApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        QuickWebhooks.Configure(builder);
    }
}

public sealed class PostgresWebhookApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        QuickWebhooks.Configure(builder);
    }
}

public static class WebhookClient
{
    public static async Task<JsonNode> CreateWebhook(this HttpClient admin, string url, params string[] events) =>
        await (await admin.PostJson("/api/webhooks", new { name = Unique.Name("Hook"), url, events })).ShouldBe(201);

    public static async Task<List<JsonNode>> Deliveries(this HttpClient admin, int webhookId) =>
        (await admin.GetOk($"/api/webhooks/{webhookId}/deliveries?limit=200"))["items"]!.Items();

    /// <summary>Waits until the webhook's log has a delivery that matches, and returns it.</summary>
    public static async Task<JsonNode> WaitForDelivery(this HttpClient admin, int webhookId, Func<JsonNode, bool> match, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var log = await admin.Deliveries(webhookId);
            if (log.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No matching delivery within {seconds} s: {string.Join(" | ", log.Select(d => d.ToJsonString()))}");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs the steps as Marketing Premium; afterwards no webhook of them is left to hear the next test, and the edition is back.</summary>
    public static async Task Premium(this LeadwerkApp app, Func<HttpClient, Task> steps)
    {
        var admin = await app.Admin();
        await (await admin.PutJson("/api/licence", new { edition = "marketingPremium" })).ShouldBe(200);
        try
        {
            await steps(admin);
        }
        finally
        {
            await (await admin.PutJson("/api/licence", new { edition = "marketingPremium" })).ShouldBe(200);
            foreach (var hook in (await admin.GetOk("/api/webhooks")).Items())
            {
                await admin.Delete($"/api/webhooks/{hook.Int("id")}");
            }

            await (await admin.PutJson("/api/licence", new { edition = "salesEssentials" })).ShouldBe(200);
        }
    }

    /// <summary>The outbox rows in the database, whatever the licence lets the API show.</summary>
    public static async Task<int> OutboxRows(this LeadwerkApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>().WebhookDeliveries.CountAsync();
    }

    /// <summary>Writes a row straight into the outbox, as a process that died after claiming it would have left it.</summary>
    public static async Task<long> LeaveClaimed(this LeadwerkApp app, int webhookId, string body, DateTime claimedUntil)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        var delivery = new WebhookDelivery
        {
            WebhookId = webhookId, Event = WebhookEvents.PersonCreated, EventId = Guid.NewGuid(), Payload = body, State = DeliveryState.Delivering,
            Attempts = 1, NextAttemptAt = claimedUntil, Lease = Guid.NewGuid(), ClaimedUntil = claimedUntil, CreatedAt = claimedUntil,
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }
}
