using System.Net.Http.Headers;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

public abstract class AuthApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task AUserNameWithANulCharacterIsRefusedAsUnknownRatherThanFailing()
    {
        using var anonymous = app.Anonymous();

        var response = await anonymous.PostJson("/api/auth/token", new { userName = "a\u0000b", password = "%" });

        await response.ShouldBeProblem(401, "invalidCredentials");
    }

    [Fact]
    public async Task TokenRequestAnswersWithAnAccessTokenAndItsExpiry()
    {
        using var anonymous = app.Anonymous();

        var response = await anonymous.PostJson("/api/auth/token", new { userName = LeadwerkApp.AdminUserName, password = LeadwerkApp.AdminPassword });

        var json = await response.ShouldBe(200);
        Assert.False(string.IsNullOrWhiteSpace(json.Str("accessToken")));
        var expiresAt = json["expiresAt"]!.GetValue<DateTime>();
        Assert.Equal(DateTimeKind.Utc, expiresAt.Kind);
        Assert.True(expiresAt > DateTime.UtcNow.AddMinutes(30), $"expiresAt {expiresAt:O} should lie hours ahead");
    }

    [Fact]
    public async Task TokenWorksAsBearerOnTheApi()
    {
        var token = await app.Token(LeadwerkApp.AdminUserName, LeadwerkApp.AdminPassword);
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var me = await client.GetOk("/api/users/me");

        Assert.Equal(LeadwerkApp.AdminUserName, me.Str("userName"));
        Assert.Equal("admin", me.Str("role"));
    }

    [Fact]
    public async Task WrongPasswordAndUnknownUserAreRefusedWithTheSameMessage()
    {
        var user = await app.NewUser();
        using var anonymous = app.Anonymous();

        var wrongPassword = await (await anonymous.PostJson("/api/auth/token", new { userName = user.UserName, password = "not-the-password" }))
            .ShouldBeProblem(401, "invalidCredentials");
        var unknownUser = await (await anonymous.PostJson("/api/auth/token", new { userName = Unique.Name("nobody"), password = "whatever-password" }))
            .ShouldBeProblem(401, "invalidCredentials");
        var empty = await (await anonymous.PostJson("/api/auth/token", new { })).ShouldBeProblem(401, "invalidCredentials");

        Assert.False(string.IsNullOrWhiteSpace(wrongPassword.Str("detail")));
        Assert.Equal(wrongPassword.Str("detail"), unknownUser.Str("detail"));
        Assert.Equal(wrongPassword.Str("detail"), empty.Str("detail"));
    }

    [Theory]
    [InlineData("/api/persons")]
    [InlineData("/api/companies")]
    [InlineData("/api/categories")]
    [InlineData("/api/users/me")]
    public async Task ApiWithoutTokenAnswers401ProblemDetails(string url)
    {
        using var anonymous = app.Anonymous();

        await (await anonymous.Get(url)).ShouldBeProblem(401, "unauthorized");
    }

    [Fact]
    public async Task ApiWithAForgedTokenAnswers401ProblemDetails()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "forged-token-value");

        await (await client.Get("/api/persons")).ShouldBeProblem(401, "unauthorized");
    }

    [Fact]
    public async Task DisabledUsersTokenStopsWorkingAndTheyCannotLogIn()
    {
        var user = await app.NewUser();
        await user.Client.GetOk("/api/persons");
        var admin = await app.Admin();

        var disabled = await (await admin.PatchJson($"/api/users/{user.Id}", new { disabled = true })).ShouldBe(200);

        Assert.True(disabled.Bool("disabled"));
        await (await user.Client.Get("/api/persons")).ShouldBeProblem(401, "unauthorized");
        using var anonymous = app.Anonymous();
        await (await anonymous.PostJson("/api/auth/token", new { userName = user.UserName, password = user.Password }))
            .ShouldBeProblem(401, "invalidCredentials");
    }
}

public sealed class AuthApiTestsOnSqlite(SqliteApp app) : AuthApiTests(app), IClassFixture<SqliteApp>;

public sealed class AuthApiTestsOnPostgres(PostgresApp app) : AuthApiTests(app), IClassFixture<PostgresApp>;

public abstract class TokenRateLimitApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task TooManyTokenRequestsAreRefusedWith429ProblemDetails()
    {
        using var anonymous = app.Anonymous();
        for (var i = 0; i < SqliteRateLimitedApp.Limit; i++)
        {
            await (await anonymous.PostJson("/api/auth/token", new { userName = "admin", password = "wrong-password" })).ShouldBe(401);
        }

        var refused = await anonymous.PostJson("/api/auth/token", new { userName = LeadwerkApp.AdminUserName, password = LeadwerkApp.AdminPassword });

        await refused.ShouldBeProblem(429, "rateLimited");
    }

    [Fact]
    public async Task TooManyLoginFormPostsFromOneAddressAreRefusedWith429()
    {
        using var browser = TestBrowser.Open(app, "192.0.2.44");
        for (var i = 0; i < SqliteRateLimitedApp.Limit; i++)
        {
            Assert.Equal(200, (int)(await browser.LogIn("admin", "wrong-password")).StatusCode);
        }

        var refused = await browser.LogIn(LeadwerkApp.AdminUserName, LeadwerkApp.AdminPassword);

        Assert.Equal(429, (int)refused.StatusCode);
    }
}

public sealed class TokenRateLimitApiTestsOnSqlite(SqliteRateLimitedApp app) : TokenRateLimitApiTests(app), IClassFixture<SqliteRateLimitedApp>;

public sealed class TokenRateLimitApiTestsOnPostgres(PostgresRateLimitedApp app) : TokenRateLimitApiTests(app), IClassFixture<PostgresRateLimitedApp>;
