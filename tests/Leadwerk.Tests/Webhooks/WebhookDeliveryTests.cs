using System.Text.Json.Nodes;
using Leadwerk.Tests.Forms;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Webhooks;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Webhooks;

/// <summary>Issue 15, B7: every channel's changes reach the subscribed webhooks, signed, once each, and a failing receiver gets them again.</summary>
public abstract class WebhookDeliveryTests(LeadwerkApp app)
{
    [Fact]
    public async Task ALeadStatusChangeThroughTheApiIsDeliveredOnceSignedWithTheWebhooksSecret()
    {
        await using var receiver = await Receiver.Start();
        await app.Premium(async admin =>
        {
            var person = await admin.CreatePersonInCategory("Lead");
            var hook = await admin.CreateWebhook(receiver.Url, WebhookEvents.PersonLeadStatusChanged);
            var (open, contacting) = (await admin.StatusId("Open"), await admin.StatusId("Contacting"));

            await admin.PatchPerson(person.Int("id"), new { leadStatusId = contacting });

            var delivery = Assert.Single(await receiver.WaitFor(r => r.Data.Int("personId") == person.Int("id")));
            Assert.True(delivery.SignedWith(hook.Str("secret")!), $"signature {delivery.Signature} does not verify");
            Assert.StartsWith("sha256=", delivery.Signature);
            Assert.InRange(delivery.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());
            Assert.Equal(WebhookEvents.PersonLeadStatusChanged, delivery.Event);
            Assert.Equal(delivery.Json.Str("id"), delivery.Delivery);
            Assert.Equal(WebhookEvents.PersonLeadStatusChanged, delivery.Json.Str("event"));
            Assert.Equal((open, "Open", contacting, "Contacting"), (delivery.Data["from"]!.Int("id"), delivery.Data["from"]!.Str("name"),
                delivery.Data["to"]!.Int("id"), delivery.Data["to"]!.Str("name")));
            Assert.Equal(("api", person.Str("lastName")), (delivery.Data.Str("channel"), delivery.Data.Str("lastName")));

            var logged = await admin.WaitForDelivery(hook.Int("id"), d => d.Str("state") == "succeeded");
            Assert.Equal((1, 200, delivery.Delivery), (logged.Int("attempts"), logged.Int("lastStatusCode"), logged.Str("eventId")));
            // Not subscribed: the person's creation was not sent, and nothing came twice.
            await Task.Delay(300);
            Assert.Single(receiver.All);
        });
    }

    [Fact]
    public async Task NewPersonsFormSubmissionsAndCompanyCategoryChangesAreEachDelivered()
    {
        await using var receiver = await Receiver.Start();
        await app.Premium(async admin =>
        {
            await admin.CreateWebhook(receiver.Url, WebhookEvents.PersonCreated, WebhookEvents.FormSubmitted, WebhookEvents.CompanyCategoryChanged);
            var company = await admin.CreateCompany("Lead");
            var person = await admin.CreatePerson(company.Int("id"), firstName: "Ada");
            await admin.PatchCompany(company.Int("id"), new { categoryId = await admin.CategoryId("Customer") });
            var form = await FormTests.Create(admin, Unique.Key("hooked"));
            var email = Unique.Email();
            using var visitor = app.Anonymous();
            var submission = await (await visitor.PostJson(FormTests.Url(form), new { first_name = "Noor", last_name = "Webhook", email })).ShouldBe(201);

            var created = (await receiver.WaitFor(r => r.Event == WebhookEvents.PersonCreated && r.Data.Int("personId") == person.Int("id"))).Single();
            Assert.Equal(("Ada", company.Int("id"), "Lead", "api"), (created.Data.Str("firstName"), created.Data.Int("companyId"),
                created.Data["category"]!.Str("name"), created.Data.Str("channel")));
            var changed = (await receiver.WaitFor(r => r.Event == WebhookEvents.CompanyCategoryChanged && r.Data.Int("companyId") == company.Int("id"))).Single();
            Assert.Equal(("Lead", "Customer", company.Str("name")), (changed.Data["from"]!.Str("name"), changed.Data["to"]!.Str("name"), changed.Data.Str("name")));
            var submitted = (await receiver.WaitFor(r => r.Event == WebhookEvents.FormSubmitted && r.Data.Int("submissionId") == submission.Int("submissionId"))).Single();
            Assert.Equal((form.Str("key"), "processed", email), (submitted.Data.Str("formKey"), submitted.Data.Str("status"), submitted.Data["values"]!.Str("email")));
            var formPerson = (await receiver.WaitFor(r => r.Event == WebhookEvents.PersonCreated && r.Data.Str("email") == email)).Single();
            Assert.Equal((submitted.Data.Int("personId"), "form"), (formPerson.Data.Int("personId"), formPerson.Data.Str("channel")));
            // A new company's first category is its creation, not a change.
            Assert.Single(receiver.All, r => r.Event == WebhookEvents.CompanyCategoryChanged);
        });
    }

    [Fact]
    public async Task ABulkUpdateSendsOneEventPerChangedPerson()
    {
        await using var receiver = await Receiver.Start();
        await app.Premium(async admin =>
        {
            var ids = new List<int>();
            for (var i = 0; i < 3; i++)
            {
                ids.Add((await admin.CreatePersonInCategory("Lead")).Int("id"));
            }

            await admin.CreateWebhook(receiver.Url, WebhookEvents.PersonLeadStatusChanged);
            var qualified = await admin.StatusId("Qualified");

            await admin.RunBulk(Ids("person", ids), Set("person.leadStatus", qualified));

            var events = await receiver.WaitFor(r => ids.Contains(r.Data.Int("personId")), count: 3);
            Assert.Equal(ids.Order(), events.Select(e => e.Data.Int("personId")).Order());
            Assert.All(events, e => Assert.Equal(("bulk", qualified), (e.Data.Str("channel"), e.Data["to"]!.Int("id"))));
            Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Data.Str("lastName"))));
            Assert.Equal(3, events.Select(e => e.Delivery).Distinct().Count());
            await Task.Delay(300);
            Assert.Equal(3, receiver.All.Count);
        });
    }

    [Fact]
    public async Task AReceiverThatAnswers500GetsTheDeliveryAgainAndItEndsSucceededAfterTwoAttempts()
    {
        await using var receiver = await Receiver.Start();
        receiver.Answer = n => n == 1 ? 500 : 200;
        await app.Premium(async admin =>
        {
            var hook = await admin.CreateWebhook(receiver.Url, WebhookEvents.PersonCreated);
            await admin.CreatePersonInCategory("Lead");

            var logged = await admin.WaitForDelivery(hook.Int("id"), d => d.Str("state") == "succeeded");
            Assert.Equal((2, 200), (logged.Int("attempts"), logged.Int("lastStatusCode")));
            Assert.Null(logged.Str("lastError"));
            var requests = receiver.All;
            Assert.Equal([500, 200], requests.Select(r => r.Answer));
            Assert.Single(requests.Select(r => r.Delivery).Distinct());
            Assert.All(requests, r => Assert.True(r.SignedWith(hook.Str("secret")!)));
        });
    }

    [Fact]
    public async Task AReceiverThatKeepsFailingEndsFailedAfterTheLastAttemptWithItsAnswerLogged()
    {
        await using var receiver = await Receiver.Start();
        receiver.Answer = _ => 503;
        await app.Premium(async admin =>
        {
            var hook = await admin.CreateWebhook(receiver.Url, WebhookEvents.PersonCreated);
            await admin.CreatePersonInCategory("Lead");

            var logged = await admin.WaitForDelivery(hook.Int("id"), d => d.Str("state") == "failed");
            Assert.Equal((QuickWebhooks.MaxAttempts, 503), (logged.Int("attempts"), logged.Int("lastStatusCode")));
            Assert.StartsWith("HTTP 503", logged.Str("lastError"));
            Assert.Equal(QuickWebhooks.MaxAttempts, receiver.All.Count);
            Assert.Equal(1, (await admin.GetOk($"/api/webhooks/{hook.Int("id")}"))["deliveries"]!.Int("failed"));
        });
    }

    [Fact]
    public async Task AReplayedDeliveryArrivesAgainWithTheSameEventIdAndBody()
    {
        await using var receiver = await Receiver.Start();
        await app.Premium(async admin =>
        {
            var hook = await admin.CreateWebhook(receiver.Url, WebhookEvents.PersonCreated);
            await admin.CreatePersonInCategory("Lead");
            var first = await admin.WaitForDelivery(hook.Int("id"), d => d.Str("state") == "succeeded");

            var replay = await (await admin.PostJson($"/api/webhook-deliveries/{first.Int("id")}/replay", null)).ShouldBe(202);

            Assert.NotEqual(first.Int("id"), replay.Int("id"));
            await admin.WaitForDelivery(hook.Int("id"), d => d.Int("id") == replay.Int("id") && d.Str("state") == "succeeded");
            var both = await receiver.WaitFor(_ => true, count: 2);
            Assert.Single(both.Select(r => r.Delivery).Distinct());
            Assert.Single(both.Select(r => r.Body).Distinct());
            Assert.Equal(first.Str("eventId"), both[0].Delivery);
            await (await admin.PostJson("/api/webhook-deliveries/999999999/replay", null)).ShouldBeProblem(404, "notFound");
        });
    }

    [Fact]
    public async Task ADeliveryClaimedByASenderThatDiedIsSentWhenItsLeaseRunsOut()
    {
        await using var receiver = await Receiver.Start();
        await app.Premium(async admin =>
        {
            var hook = await admin.CreateWebhook(receiver.Url, WebhookEvents.PersonCreated);
            var body = new JsonObject { ["id"] = Guid.NewGuid(), ["event"] = WebhookEvents.PersonCreated, ["data"] = new JsonObject { ["personId"] = -1 } }.ToJsonString();

            var id = await app.LeaveClaimed(hook.Int("id"), body, app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1));

            var logged = await admin.WaitForDelivery(hook.Int("id"), d => d.Int("id") == id && d.Str("state") == "succeeded");
            Assert.Equal(2, logged.Int("attempts"));
            Assert.Equal(body, Assert.Single(receiver.All).Body);
        });
    }

    [Fact]
    public async Task TheTestEventReachesTheReceiverSigned()
    {
        await using var receiver = await Receiver.Start();
        await app.Premium(async admin =>
        {
            var hook = await admin.CreateWebhook(receiver.Url, WebhookEvents.FormSubmitted);
            await (await admin.PostJson($"/api/webhooks/{hook.Int("id")}/test", null)).ShouldBe(202);

            var ping = Assert.Single(await receiver.WaitFor(r => r.Event == WebhookEvents.Ping));
            Assert.True(ping.SignedWith(hook.Str("secret")!));
            Assert.Equal(hook.Int("id"), ping.Data.Int("webhookId"));
        });
    }
}

public sealed class WebhookDeliveryTestsOnSqlite(SqliteWebhookApp app) : WebhookDeliveryTests(app), IClassFixture<SqliteWebhookApp>;

public sealed class WebhookDeliveryTestsOnPostgres(PostgresWebhookApp app) : WebhookDeliveryTests(app), IClassFixture<PostgresWebhookApp>;
