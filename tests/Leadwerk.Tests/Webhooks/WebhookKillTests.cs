using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Tests.Webhooks;

/// <summary>
/// Issue 15 "done when": the real app is killed (SIGKILL) with one delivery on the wire and one
/// waiting for its retry, then started again on the same database. Both arrive and are answered
/// once each. Delivery is at least once: the request the kill cut off is sent again, with the same
/// <c>Leadwerk-Delivery</c> id, which is how a receiver drops a repeat.
/// </summary>
public abstract class WebhookKillTests(string provider)
{
    private static readonly Dictionary<string, string> Settings = new(QuickWebhooks.Settings)
    {
        // Slow enough that the retry is still waiting when the test kills the app.
        ["Leadwerk:Webhooks:RetryBaseSeconds"] = "2",
        // Longer than the test needs to kill the app while the first request hangs.
        ["Leadwerk:Webhooks:TimeoutSeconds"] = "5",
        ["Leadwerk:Edition"] = "marketingPremium",
    };

    [Fact]
    public async Task DeliveriesInFlightOrWaitingWhenTheAppIsKilledArriveAfterItStartsAgainAndAreAnsweredOnceEach()
    {
        await using var database = AppDatabase.Of(provider);
        await using var receiver = await Receiver.Start();
        // The first request hangs (on the wire at the kill), the second fails (retry pending), the rest succeed.
        receiver.Answer = n => n switch { 1 => null, 2 => 500, _ => 200 };
        var app = await AppProcess.Start(database, batchSize: 100, Settings);
        try
        {
            var admin = await app.Admin();
            await admin.CreateWebhook(receiver.Url, WebhookEvents.PersonCreated);
            var inFlight = (await admin.CreatePersonInCategory("Lead")).Int("id");
            await receiver.WaitFor(r => r.Data.Int("personId") == inFlight);
            var waiting = (await admin.CreatePersonInCategory("Lead")).Int("id");
            await receiver.WaitFor(r => r.Data.Int("personId") == waiting);
            await using (var db = database.Open())
            {
                // The receiver has answered 500 before the app writes the retry down: wait for that.
                var until = DateTime.UtcNow.AddSeconds(15);
                while (await db.WebhookDeliveries.OrderBy(d => d.Id).Skip(1).Select(d => (DeliveryState?)d.State).FirstOrDefaultAsync() != DeliveryState.Pending
                       && DateTime.UtcNow < until)
                {
                    await Task.Delay(50);
                }
            }

            app.Kill();
            await using (var db = database.Open())
            {
                var states = await db.WebhookDeliveries.OrderBy(d => d.Id).Select(d => d.State).ToListAsync();
                Assert.Equal([DeliveryState.Delivering, DeliveryState.Pending], states);
            }

            app.Dispose();
            app = await AppProcess.Start(database, batchSize: 100, Settings);
            foreach (var person in new[] { inFlight, waiting })
            {
                await receiver.WaitFor(r => r.Data.Int("personId") == person && r.Answer == 200);
            }

            var rows = await Settled(database);
            Assert.All(rows, d => Assert.Equal((DeliveryState.Succeeded, 2), (d.State, d.Attempts)));

            var answered = receiver.All.Where(r => r.Answer == 200).GroupBy(r => r.Delivery).ToList();
            Assert.Equal(2, answered.Count);
            Assert.All(answered, g => Assert.Single(g));
            Assert.Equal(4, receiver.All.Count);
            Assert.Equal(2, receiver.All.Select(r => r.Delivery).Distinct().Count());
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}{Environment.NewLine}App output:{Environment.NewLine}{app.Output}", e);
        }
        finally
        {
            app.Dispose();
        }
    }

    /// <summary>The deliveries once none is pending or on the wire any more.</summary>
    private static async Task<List<WebhookDelivery>> Settled(AppDatabase database)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = database.Open();
            var rows = await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
            if (rows.All(d => d.State is DeliveryState.Succeeded or DeliveryState.Failed) || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(100);
        }
    }
}

public sealed class WebhookKillTestsOnSqlite() : WebhookKillTests(DatabaseSetup.Sqlite);

public sealed class WebhookKillTestsOnPostgres() : WebhookKillTests(DatabaseSetup.Postgres);
