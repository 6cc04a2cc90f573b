using System.Net;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Users;

namespace Leadwerk.Tests.Api;

/// <summary>
/// Wrong passwords slow down the client that sends them, not the account's owner elsewhere (issue 12,
/// defect 4). The app's clock stands still here: waits pass only when a test moves it.
/// </summary>
public abstract class LoginThrottleApiTests
{
    private const string Attacker = "203.0.113.66";

    private readonly LeadwerkApp app;

    protected LoginThrottleApiTests(LeadwerkApp app)
    {
        this.app = app;
        app.Clock.Stop();
    }

    [Fact]
    public async Task FailuresFromOneAddressDoNotKeepTheUserOutFromAnother()
    {
        var user = await app.NewUser();
        using var attacker = app.Anonymous(Attacker);
        for (var i = 0; i < 50; i++)
        {
            await (await Token(attacker, user.UserName, $"guess-{i}-password")).ShouldBeProblem(401, "invalidCredentials");
        }

        using var owner = app.Anonymous("198.51.100.7");
        await (await Token(owner, user.UserName, user.Password)).ShouldBe(200);
    }

    [Fact]
    public async Task AfterFiveFailuresFromOneAddressEvenTheRightPasswordFromThereWaitsASecond()
    {
        var user = await app.NewUser();
        using var client = app.Anonymous(Address());
        string? wrong = null;
        for (var i = 0; i < LoginThrottle.FreePerClient; i++)
        {
            wrong = (await (await Token(client, user.UserName, $"wrong-{i}-password")).ShouldBeProblem(401, "invalidCredentials")).Str("detail");
        }

        var waiting = await (await Token(client, user.UserName, user.Password)).ShouldBeProblem(401, "invalidCredentials");
        Assert.Equal(wrong, waiting.Str("detail"));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await Token(client, user.UserName, user.Password)).ShouldBe(200);
    }

    [Fact]
    public async Task FewerThanFiveFailuresFromOneAddressDoNotSlowItDown()
    {
        var user = await app.NewUser();
        using var client = app.Anonymous(Address());
        for (var i = 0; i < LoginThrottle.FreePerClient - 1; i++)
        {
            await (await Token(client, user.UserName, "wrong-password")).ShouldBe(401);
        }

        await (await Token(client, user.UserName, user.Password)).ShouldBe(200);
    }

    [Fact]
    public async Task EachFurtherFailureFromThatAddressDoublesItsWait()
    {
        var user = await app.NewUser();
        using var client = app.Anonymous(Address());
        for (var i = 0; i < LoginThrottle.FreePerClient; i++)
        {
            await (await Token(client, user.UserName, "wrong-password")).ShouldBe(401);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await Token(client, user.UserName, "wrong-again-password")).ShouldBe(401);

        app.Clock.Advance(TimeSpan.FromSeconds(1.5));
        await (await Token(client, user.UserName, user.Password)).ShouldBe(401);
        app.Clock.Advance(TimeSpan.FromSeconds(0.5));
        await (await Token(client, user.UserName, user.Password)).ShouldBe(200);
    }

    [Fact]
    public async Task FailuresFromManyAddressesSlowTheAccountButNeverForMoreThanAMinute()
    {
        var user = await app.NewUser();
        for (var i = 0; i < LoginThrottle.FreePerAccount; i++)
        {
            using var guesser = app.Anonymous(Address());
            await (await Token(guesser, user.UserName, "wrong-password")).ShouldBe(401);
        }

        using var owner = app.Anonymous(Address());
        await (await Token(owner, user.UserName, user.Password)).ShouldBe(401);

        // Ten more failures, each right after the wait before it, would mean 1024 s; the ceiling is a minute.
        for (var failures = LoginThrottle.FreePerAccount; failures < LoginThrottle.FreePerAccount + 10; failures++)
        {
            app.Clock.Advance(LoginThrottle.Wait(failures, LoginThrottle.FreePerAccount, LoginThrottle.MaxWaitPerAccount));
            using var guesser = app.Anonymous(Address());
            await (await Token(guesser, user.UserName, "wrong-password")).ShouldBe(401);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(59));
        await (await Token(owner, user.UserName, user.Password)).ShouldBe(401);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await Token(owner, user.UserName, user.Password)).ShouldBe(200);
    }

    [Fact]
    public async Task ABrowserThatLoggedInBeforeGetsInWhileTheAccountIsSlowed()
    {
        var user = await app.NewUser();
        using var browser = TestBrowser.Open(app, Address());
        await browser.LogInOk(user.UserName, user.Password);
        for (var i = 0; i < LoginThrottle.FreePerAccount + 5; i++)
        {
            using var guesser = app.Anonymous(Address());
            await (await Token(guesser, user.UserName, "wrong-password")).ShouldBe(401);
        }

        using var stranger = TestBrowser.Open(app, Address());
        Assert.Equal(HttpStatusCode.OK, (await stranger.LogIn(user.UserName, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LogIn(user.UserName, user.Password)).StatusCode);
    }

    [Fact]
    public async Task AnOpenSessionAndATokenKeepWorkingWhileTheAccountIsSlowed()
    {
        var user = await app.NewUser();
        using var browser = TestBrowser.Open(app);
        await browser.LogInOk(user.UserName, user.Password);
        for (var i = 0; i < LoginThrottle.FreePerAccount + 5; i++)
        {
            using var guesser = app.Anonymous(Address());
            await (await Token(guesser, user.UserName, "wrong-password")).ShouldBe(401);
        }

        await browser.Client.GetOk("/api/users/me");
        await user.Client.GetOk("/api/users/me");
    }

    [Fact]
    public async Task EveryFailedAttemptIsLoggedWithItsClientButNeverWithThePassword()
    {
        var user = await app.NewUser();
        var address = Address();
        using var client = app.Anonymous(address);
        const string password = "correct-horse-battery-wrong";
        var nobody = Unique.Name("nobody").Replace(' ', '-');

        await (await Token(client, user.UserName, password)).ShouldBe(401);
        await (await Token(client, nobody, password)).ShouldBe(401);

        var logged = app.Logs.Messages(typeof(LoginService).FullName!);
        Assert.Contains(logged, m => m.Contains(user.UserName, StringComparison.Ordinal) && m.Contains(address, StringComparison.Ordinal));
        Assert.Contains(logged, m => m.Contains(nobody, StringComparison.Ordinal) && m.Contains(address, StringComparison.Ordinal));
        Assert.DoesNotContain(logged, m => m.Contains(password, StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> Token(HttpClient client, string userName, string password) =>
        client.PostJson("/api/auth/token", new { userName, password });

    private static int _addresses;

    /// <summary>An address no other test uses, so tests sharing the app do not slow each other down.</summary>
    private static string Address()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }
}

public sealed class LoginThrottleApiTestsOnSqlite(SqliteApp app) : LoginThrottleApiTests(app), IClassFixture<SqliteApp>;

public sealed class LoginThrottleApiTestsOnPostgres(PostgresApp app) : LoginThrottleApiTests(app), IClassFixture<PostgresApp>;
