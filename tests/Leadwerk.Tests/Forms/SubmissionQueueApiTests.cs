using System.Net.Http.Json;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Forms;

/// <summary>Load shedding: under a burst the public endpoint answers at once and processes right after, in arrival order, losing nothing.</summary>
public abstract class SubmissionQueueApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task UnderABurstSubmissionsAreAnsweredAtOnceAndThenProcessedInArrivalOrderAsIfInline()
    {
        var admin = await app.Admin();
        var form = await FormTests.Create(admin, Unique.Key("burst"));
        var queue = app.Services.GetRequiredService<SubmissionQueue>();
        var emails = Enumerable.Range(0, 4).Select(_ => Unique.Email()).ToList();
        var key = Guid.NewGuid().ToString();
        using var visitor = app.Anonymous();

        var answers = new List<(int Id, string Status)>();
        queue.InlineLimit = 0;
        try
        {
            foreach (var email in emails)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, FormTests.Url(form)) { Content = JsonContent.Create(new { email, last_name = "Burst", utm_source = "google", utm_medium = "cpc" }) };
                request.Headers.Add("Idempotency-Key", email == emails[0] ? key : Guid.NewGuid().ToString());
                var answer = await (await visitor.SendAsync(request)).ShouldBe(201);
                answers.Add((answer.Int("submissionId"), answer.Str("status")!));
            }
        }
        finally
        {
            queue.InlineLimit = 2;
        }

        await FormTests.Eventually(async () => (await admin.GetOk($"/api/forms/{form.Int("id")}/submissions?status=processed"))["items"]!.Items().Count == emails.Count);
        var processed = (await admin.GetOk($"/api/forms/{form.Int("id")}/submissions?status=processed"))["items"]!.Items();
        var replay = new HttpRequestMessage(HttpMethod.Post, FormTests.Url(form)) { Content = JsonContent.Create(new { email = emails[0] }) };
        replay.Headers.Add("Idempotency-Key", key);
        var replayed = await (await visitor.SendAsync(replay)).ShouldBe(200);

        Assert.All(answers, a => Assert.Equal("submitted", a.Status));
        Assert.Equal(("submitted", answers[0].Id), (replayed.Str("status"), replayed.Int("submissionId")));
        Assert.All(processed, s => Assert.Equal(["queued", "person.created"], s["log"]!.Items().Select(l => l.Str("code")).Take(2)));
        var persons = new List<int>();
        foreach (var email in emails)
        {
            var person = (await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(email)}"))["items"]!.Items().Single();
            Assert.Equal($"form:{form.Str("key")}", person.Str("recordSource"));
            persons.Add(person.Int("id"));
        }

        Assert.Equal(persons.Order(), persons);
    }
}

public sealed class SubmissionQueueApiTestsOnSqlite(SqliteApp app) : SubmissionQueueApiTests(app), IClassFixture<SqliteApp>;

public sealed class SubmissionQueueApiTestsOnPostgres(PostgresApp app) : SubmissionQueueApiTests(app), IClassFixture<PostgresApp>;
