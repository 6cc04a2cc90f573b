using System.Diagnostics;
using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Cluster;

/// <summary>Issue 18: two app processes on one PostgreSQL database share identity and caches.</summary>
public sealed class TwoInstancesOnPostgres : IAsyncLifetime
{
    private TwoInstances _apps = null!;

    public async Task InitializeAsync() => _apps = await TwoInstances.Start(batchSize: 100);

    public async Task DisposeAsync() => await _apps.DisposeAsync();

    [Fact]
    public async Task ATokenIssuedByOneInstanceIsAcceptedByTheOther()
    {
        var onA = await _apps.A.Admin();
        var onB = _apps.B.Anonymous();
        onB.DefaultRequestHeaders.Authorization = onA.DefaultRequestHeaders.Authorization;

        var me = await onB.GetOk("/api/users/me");

        Assert.Equal(LeadwerkApp.AdminUserName, me.Str("userName"));
    }

    [Fact]
    public async Task AStatusRenamedOnOneInstanceIsShownByTheOtherWithinASecond()
    {
        var (onA, onB) = (await _apps.A.Admin(), await _apps.B.Admin());
        var status = await onA.CreateStatus();
        var company = (await onA.CreateCompany("Lead")).Int("id");
        var person = (await onA.CreatePerson(company)).Int("id");
        await onA.PatchPerson(person, new { leadStatusId = status.Int("id") });
        var url = $"/api/companies/{company}/persons?columns=person.lastName,person.leadStatus";
        // B has the names in its cache now.
        Assert.Equal(status["names"]!.Str("en"), (await onB.GetOk(url))["items"]!.Items().Single().Str("person.leadStatus"));

        var renamed = Unique.Name("Renamed");
        await (await onA.PutJson($"/api/lead-statuses/{status.Int("id")}", new { names = new { en = renamed, nl = renamed } })).ShouldBe(200);
        var clock = Stopwatch.StartNew();
        while ((await onB.GetOk(url))["items"]!.Items().Single().Str("person.leadStatus") != renamed)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "Instance B still shows the old name a second after A renamed the status.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task AUserDisabledOnOneInstanceIsRefusedByTheOtherAtTheNextRequest()
    {
        var onA = await _apps.A.Admin();
        var userName = Unique.Name("user");
        var user = await (await onA.PostJson("/api/users", new { userName, password = "long-enough-password", displayName = "Two Instances" })).ShouldBe(201);
        var onB = await _apps.B.LogIn(userName, "long-enough-password");
        await onB.GetOk("/api/users/me");

        await (await onA.PatchJson($"/api/users/{user.Int("id")}", new { disabled = true })).ShouldBe(200);

        Assert.Equal(401, (int)(await onB.Get("/api/users/me")).StatusCode);
    }

    [Fact]
    public async Task BothInstancesAreLiveAndReady()
    {
        foreach (var app in new[] { _apps.A, _apps.B })
        {
            var client = app.Anonymous();
            Assert.Equal("live", (await client.GetOk("/health/live")).Str("status"));
            Assert.Equal("ready", (await client.GetOk("/health/ready")).Str("status"));
        }
    }
}
