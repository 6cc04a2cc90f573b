using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Webhooks;

namespace Leadwerk.Tests.Webhooks;

/// <summary>Issue 15, B7: Admin › Webhooks over the API: Marketing Premium only, admins only, values checked.</summary>
public abstract class WebhookApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task WithoutMarketingPremiumTheApiAnswers403WithTheEditionAndNoDeliveriesAreWritten()
    {
        await using var receiver = await Receiver.Start();
        var admin = await app.Admin();
        int hookId = 0;
        await app.Premium(async premium =>
        {
            hookId = (await premium.CreateWebhook(receiver.Url, WebhookEvents.PersonCreated, WebhookEvents.PersonLeadStatusChanged)).Int("id");
            await (await premium.PutJson("/api/licence", new { edition = "salesEssentials" })).ShouldBe(200);
            var before = await app.OutboxRows();

            var problem = await (await admin.Get("/api/webhooks")).ShouldBeProblem(403, "featureNotInEdition");
            Assert.Equal(("marketingPremium", "formWebhooks"), (problem.Str("requiredEdition"), problem.Str("feature")));
            await (await admin.PostJson("/api/webhooks", new { name = "x", url = receiver.Url, events = new[] { WebhookEvents.PersonCreated } }))
                .ShouldBeProblem(403, "featureNotInEdition");
            await (await admin.PostJson($"/api/webhooks/{hookId}/test", null)).ShouldBeProblem(403, "featureNotInEdition");
            var person = await admin.CreatePersonInCategory("Lead");
            await admin.PatchPerson(person.Int("id"), new { leadStatusId = await admin.StatusId("Qualified") });

            await Task.Delay(500);
            Assert.Equal(before, await app.OutboxRows());
            Assert.Empty(receiver.All);
        });
    }

    [Fact]
    public async Task AWebhookIsCreatedWithAGeneratedSecretChangedAndDeletedAndOnlyAdminsMayTouchIt()
    {
        await app.Premium(async admin =>
        {
            var created = await (await admin.PostJson("/api/webhooks", new
            {
                name = "CRM sync", url = "https://hooks.example.com/leadwerk", events = new[] { WebhookEvents.FormSubmitted, WebhookEvents.PersonCreated },
            })).ShouldBe(201);
            var id = created.Int("id");
            Assert.StartsWith("whsec_", created.Str("secret"));
            Assert.True(created.Bool("active"));
            // Events come back in the fixed order of the list of events, whatever order they were sent in.
            Assert.Equal([WebhookEvents.PersonCreated, WebhookEvents.FormSubmitted], created["events"]!.Items().Select(e => e.GetValue<string>()));

            var response = await admin.Get($"/api/webhooks/{id}");
            await response.ShouldBe(200);
            var changed = await (await admin.PutJson($"/api/webhooks/{id}", new
            {
                name = "CRM sync", url = "http://hooks.example.com/v2", events = new[] { WebhookEvents.CompanyCategoryChanged }, secret = "my-own-secret-of-some-length", active = false,
            }, response.ETag())).ShouldBe(200);
            Assert.Equal(("http://hooks.example.com/v2", "my-own-secret-of-some-length", false), (changed.Str("url"), changed.Str("secret"), changed.Bool("active")));
            await (await admin.PutJson($"/api/webhooks/{id}", new { name = "x", url = "https://a.example", events = new[] { WebhookEvents.PersonCreated } }, response.ETag()))
                .ShouldBeProblem(412, "preconditionFailed");
            var rotated = await (await admin.PostJson($"/api/webhooks/{id}/secret", null)).ShouldBe(200);
            Assert.NotEqual(changed.Str("secret"), rotated.Str("secret"));

            var user = await app.NewUser();
            await (await user.Client.Get("/api/webhooks")).ShouldBeProblem(403, "forbidden");
            await (await user.Client.PostJson($"/api/webhooks/{id}/secret", null)).ShouldBeProblem(403, "forbidden");

            await (await admin.Delete($"/api/webhooks/{id}")).ShouldBe(204);
            await (await admin.Get($"/api/webhooks/{id}")).ShouldBeProblem(404, "notFound");
            await (await admin.Get($"/api/webhooks/{id}/deliveries")).ShouldBeProblem(404, "notFound");
            await (await admin.PutJson($"/api/webhooks/{id}", new { name = "x", url = "https://a.example", events = new[] { WebhookEvents.PersonCreated } }))
                .ShouldBeProblem(404, "notFound");
        });
    }

    [Fact]
    public async Task InvalidValuesAreRefusedWith422NamingEveryWrongField()
    {
        await app.Premium(async admin =>
        {
            var problem = await (await admin.PostJson("/api/webhooks", new
            {
                name = " ", url = "ftp://files.example.com/in", events = new[] { "person.deleted" }, secret = "short",
            })).ShouldBeInvalid("url");
            var errors = problem["errors"]!.AsObject();
            Assert.True(new[] { "name", "url", "events", "secret" }.All(errors.ContainsKey), problem.ToJsonString());

            await (await admin.PostJson("/api/webhooks", new { name = "No events", url = "https://a.example", events = Array.Empty<string>() })).ShouldBeInvalid("events");
            await (await admin.PostJson("/api/webhooks", new { name = "Relative", url = "/hooks", events = new[] { WebhookEvents.PersonCreated } })).ShouldBeInvalid("url");
            await (await admin.PostJson("/api/webhooks", new { name = "Dutch", url = "https://a.example", events = new[] { "x" } }, language: "nl"))
                .ShouldBeInvalid("events");
            Assert.Empty((await admin.GetOk("/api/webhooks")).Items());
        });
    }
}

public sealed class WebhookApiTestsOnSqlite(SqliteWebhookApp app) : WebhookApiTests(app), IClassFixture<SqliteWebhookApp>;

public sealed class WebhookApiTestsOnPostgres(PostgresWebhookApp app) : WebhookApiTests(app), IClassFixture<PostgresWebhookApp>;
