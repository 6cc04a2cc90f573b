using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Tests.Forms;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Forms;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Tests.Cluster;

/// <summary>Issue 18: work an instance left behind is taken up by the others, once.</summary>
public sealed class LeftOverWorkOnPostgres : IAsyncLifetime
{
    private TwoInstances _apps = null!;

    public async Task InitializeAsync() => _apps = await TwoInstances.Start(batchSize: 100);

    public async Task DisposeAsync() => await _apps.DisposeAsync();

    [Fact]
    public async Task SubmissionsADeadInstanceLeftQueuedAreProcessedOnceByTheInstancesStillRunning()
    {
        var admin = await _apps.A.Admin();
        var form = await FormTests.Create(admin, Unique.Key("left"));
        var emails = Enumerable.Range(0, 40).Select(_ => Unique.Email()).ToList();
        await using (var db = _apps.Database.Open())
        {
            // As an instance under a burst writes them (answered, queued) just before it dies.
            foreach (var email in emails)
            {
                db.FormSubmissions.Add(new FormSubmission
                {
                    FormId = form.Int("id"), ReceivedAt = DateTime.UtcNow.AddMinutes(-1),
                    ValuesJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["email"] = email, ["last_name"] = "Left over" }),
                    LogJson = new SubmissionLog().Add(SubmissionQueue.QueuedCode).ToJson(),
                });
            }

            await db.SaveChangesAsync();
        }

        // Both running instances look for them (every lease length) and race for each one.
        await FormTests.Eventually(async () =>
            (await admin.GetOk($"/api/forms/{form.Int("id")}/submissions?status=processed&limit=100"))["items"]!.Items().Count == emails.Count);

        await using var check = _apps.Database.Open();
        var logs = await check.FormSubmissions.Where(s => s.FormId == form.Int("id")).Select(s => s.LogJson).ToListAsync();
        Assert.All(logs, log => Assert.Equal(["queued", "person.created"], SubmissionLog.Read(log).Facts.Select(f => f.Code).Take(2)));
        Assert.All(logs, log => Assert.Single(SubmissionLog.Read(log).Facts, f => f.Code == "person.created"));
        foreach (var email in emails)
        {
            Assert.Single((await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(email)}"))["items"]!.Items());
        }
    }

    [Fact]
    public async Task TouchesLeftBehindTheAttributionRulesByADeadInstanceAreRecomputedByAnotherWithinSeconds()
    {
        await using var db = _apps.Database.Open();
        // As if the instance that saved new rules died before it recomputed the touches.
        await db.AttributionSettings.ExecuteUpdateAsync(s => s.SetProperty(a => a.RulesVersion, a => a.AppliedVersion + 1));

        await FormTests.Eventually(async () =>
            await db.AttributionSettings.AsNoTracking().AnyAsync(a => a.AppliedVersion == a.RulesVersion && a.RulesVersion > 0));
    }

    [Fact]
    public async Task TheProgressOfARecomputeIsShownAlikeByEveryInstance()
    {
        var (onA, onB) = (await _apps.A.Admin(), await _apps.B.Admin());
        var form = await FormTests.Create(onA, Unique.Key("progress"));
        var source = Unique.Key("progress");
        using var visitor = _apps.A.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            await (await visitor.PostJson(FormTests.Url(form), new { email = Unique.Email(), last_name = "Progress", utm_source = source })).ShouldBe(201);
        }

        await Premium.With(onA, async () =>
        {
            var current = await onA.GetOk("/api/attribution/rules");
            var aliases = current["aliases"]!.AsArray().Select(a => a!.DeepClone()).Append(JsonNode.Parse($$"""{ "from": "{{source}}", "to": "newsletter" }"""));
            await (await onA.PutJson("/api/attribution/rules", new { aliases, channelRules = current["channelRules"] })).ShouldBe(200);
            await FormTests.Eventually(async () => (await onB.GetOk("/api/attribution/rules")) is var r && r.Int("appliedVersion") == r.Int("rulesVersion"));

            await using var db = _apps.Database.Open();
            var touches = await db.Touches.CountAsync();
            Assert.True(touches >= 3);
            foreach (var admin in new[] { onA, onB })
            {
                var progress = (await admin.GetOk("/api/attribution/rules"))["recompute"]!;
                Assert.Equal((false, touches, touches), (progress["running"]!.GetValue<bool>(), progress.Int("done"), progress.Int("total")));
            }
        });
    }
}
