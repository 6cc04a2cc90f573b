using System.Diagnostics;
using System.Net;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Api;

/// <summary>Logout ends the session on the server (issue 12, defect 2): a copy of the cookie opens nothing afterwards.</summary>
public abstract class SessionEndApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task AfterLogoutACopyOfTheOldCookieOpensNeitherTheApiNorThePages()
    {
        var user = await app.NewUser();
        using var browser = TestBrowser.Open(app);
        await browser.LogInOk(user.UserName, user.Password);
        using var copy = browser.CopyTo(app);
        await copy.Client.GetOk("/api/users/me");
        Assert.Equal(HttpStatusCode.OK, (await copy.Client.GetAsync("/companies")).StatusCode);

        await browser.LogOut();

        await (await copy.Client.Get("/api/users/me")).ShouldBeProblem(401, "unauthorized");
        var page = await copy.Client.GetAsync("/companies");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", new Uri(new Uri("http://localhost/"), page.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task LogoutEndsOnlyItsOwnSessionNotTheUsersOtherBrowsersOrTokens()
    {
        var user = await app.NewUser();
        using var office = TestBrowser.Open(app);
        using var home = TestBrowser.Open(app);
        await office.LogInOk(user.UserName, user.Password);
        await home.LogInOk(user.UserName, user.Password);

        await office.LogOut();

        await (await office.Client.Get("/api/users/me")).ShouldBeProblem(401, "unauthorized");
        Assert.Equal(user.UserName, (await home.Client.GetOk("/api/users/me")).Str("userName"));
        await user.Client.GetOk("/api/users/me");
    }

    [Fact]
    public async Task AnotherInstanceOnTheSameDatabaseRefusesALoggedOutCookieWithinTheCacheLifetime()
    {
        var user = await app.NewUser();
        var other = app.AnotherInstance();
        using var browser = TestBrowser.Open(app);
        await browser.LogInOk(user.UserName, user.Password);
        using var elsewhere = browser.CopyTo(other);
        // Now the other instance has the live session in its cache.
        await elsewhere.Client.GetOk("/api/users/me");

        await browser.LogOut();
        var clock = Stopwatch.StartNew();
        while ((await elsewhere.Client.Get("/api/users/me")).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < SessionCache.Lifetime + TimeSpan.FromSeconds(3),
                $"the other instance still accepted the cookie {clock.Elapsed} after logout");
            await Task.Delay(100);
        }

        Assert.True(clock.Elapsed <= SessionCache.Lifetime + TimeSpan.FromSeconds(1), $"refused only after {clock.Elapsed}");
        await (await browser.Client.Get("/api/users/me")).ShouldBeProblem(401, "unauthorized");
    }

    [Fact]
    public async Task SessionsUnseenForLongerThanTheRetentionAreDeletedAtTheNextLogin()
    {
        var user = await app.NewUser();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var stale = await AddSession(user.Id, lastSeen: now - UserSession.Retention - TimeSpan.FromMinutes(1), ended: true);
        var recent = await AddSession(user.Id, lastSeen: now - TimeSpan.FromMinutes(5), ended: true);

        using var browser = TestBrowser.Open(app);
        await browser.LogInOk(user.UserName, user.Password);

        var left = await Sessions(user.Id);
        Assert.DoesNotContain(stale, left);
        Assert.Contains(recent, left);
        Assert.Equal(2, left.Count);
    }

    private async Task<string> AddSession(int userId, DateTime lastSeen, bool ended)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Channel.Api));
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        var id = Guid.NewGuid().ToString("N");
        db.UserSessions.Add(new UserSession { Id = id, UserId = userId, CreatedAt = lastSeen, LastSeenAt = lastSeen, EndedAt = ended ? lastSeen : null });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<List<string>> Sessions(int userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        return await db.UserSessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync();
    }
}

public sealed class SessionEndApiTestsOnSqlite(SqliteApp app) : SessionEndApiTests(app), IClassFixture<SqliteApp>;

public sealed class SessionEndApiTestsOnPostgres(PostgresApp app) : SessionEndApiTests(app), IClassFixture<PostgresApp>;
