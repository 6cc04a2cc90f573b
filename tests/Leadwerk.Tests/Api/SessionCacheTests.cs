using Leadwerk.Web.Users;

namespace Leadwerk.Tests.Api;

/// <summary>The session check's short-lived cache (issue 6): fast, but never keeps what a change made stale.</summary>
public sealed class SessionCacheTests
{
    private static readonly SessionCache.Session Before = new("stamp-1", false, null, Role.User);
    private static readonly SessionCache.Session After = new("stamp-2", true, null, Role.User);

    /// <summary>On SQLite the process is alone: no other instance to listen to.</summary>
    private static readonly Leadwerk.Web.Cluster.ClusterSignals Alone = new(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<Leadwerk.Web.Cluster.ClusterSignals>.Instance);

    [Fact]
    public async Task ASecondCheckWithinTheLifetimeDoesNotAskTheDatabaseAgain()
    {
        var cache = new SessionCache(Alone);
        var loads = 0;

        await cache.Get(7, 0, (_, _) => { loads++; return Task.FromResult<SessionCache.Session?>(Before); });
        var second = await cache.Get(7, 0, (_, _) => { loads++; return Task.FromResult<SessionCache.Session?>(After); });

        Assert.Equal(1, loads);
        Assert.Equal(Before, second);
    }

    [Fact]
    public async Task AfterForgetTheNextCheckReadsTheChangedUser()
    {
        var cache = new SessionCache(Alone);
        await cache.Get(7, 0, (_, _) => Task.FromResult<SessionCache.Session?>(Before));

        cache.Forget(7);
        var next = await cache.Get(7, 0, (_, _) => Task.FromResult<SessionCache.Session?>(After));

        Assert.Equal(After, next);
    }

    [Fact]
    public async Task ARowReadBeforeAChangeIsNotKeptWhenTheChangeForgetsTheUserMeanwhile()
    {
        var cache = new SessionCache(Alone);
        var reading = new TaskCompletionSource<SessionCache.Session?>();
        var slow = cache.Get(7, 0, (_, _) => reading.Task);

        cache.Forget(7);
        reading.SetResult(Before);
        Assert.Equal(Before, await slow);
        var next = await cache.Get(7, 0, (_, _) => Task.FromResult<SessionCache.Session?>(After));

        Assert.Equal(After, next);
    }

    [Fact]
    public async Task AnUnknownUserIsAskedForAgainEveryTime()
    {
        var cache = new SessionCache(Alone);
        var loads = 0;

        await cache.Get(8, 0, (_, _) => { loads++; return Task.FromResult<SessionCache.Session?>(null); });
        await cache.Get(8, 0, (_, _) => { loads++; return Task.FromResult<SessionCache.Session?>(null); });

        Assert.Equal(2, loads);
    }
}
