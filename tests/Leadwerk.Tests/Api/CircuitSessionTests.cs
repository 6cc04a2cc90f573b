using System.Security.Claims;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Components;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leadwerk.Tests.Api;

/// <summary>
/// An open tab (a Blazor circuit) runs the same session check as a request, before every UI action
/// and every few seconds (issue 12, defect 3). The browser tests show the tab moving to the login page.
/// </summary>
public abstract class CircuitSessionTests(LeadwerkApp app)
{
    [Fact]
    public async Task AUiActionOfAUserDemotedSinceTheTabOpenedIsRefusedBeforeItRuns()
    {
        var user = await app.NewUser(role: "admin");
        using var circuit = await OpenTab(user, revalidationSeconds: 30);
        var ui = new UiActions(app.Services.GetRequiredService<IServiceScopeFactory>(), circuit, TimeProvider.System);
        Assert.True(await ui.Run<UserService, bool>(_ => Task.FromResult(true)));

        await (await (await app.Admin()).PatchJson($"/api/users/{user.Id}", new { role = "user" })).ShouldBe(200);
        var ran = false;
        await Assert.ThrowsAsync<SessionEndedException>(() => ui.Run<UserService>(_ =>
        {
            ran = true;
            return Task.CompletedTask;
        }));

        Assert.False(ran);
        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task AnIdleTabOfAUserDisabledSinceItOpenedIsLoggedOutAtTheNextRevalidation()
    {
        var user = await app.NewUser();
        using var circuit = await OpenTab(user, revalidationSeconds: 1);
        var loggedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.AuthenticationStateChanged += async state => loggedOut.TrySetResult((await state).User);

        await (await (await app.Admin()).PatchJson($"/api/users/{user.Id}", new { disabled = true })).ShouldBe(200);

        var principal = await loggedOut.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(principal.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task ATabWhoseSessionWasLoggedOutElsewhereIsRefusedAtItsNextAction()
    {
        var user = await app.NewUser();
        string sessionId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            sessionId = await scope.ServiceProvider.GetRequiredService<SessionService>().Start(user.Id);
        }

        using var circuit = await OpenTab(user, revalidationSeconds: 30, sessionId);
        var ui = new UiActions(app.Services.GetRequiredService<IServiceScopeFactory>(), circuit, TimeProvider.System);
        Assert.True(await ui.Run<UserService, bool>(_ => Task.FromResult(true)));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SessionService>().End(sessionId);
        }

        await Assert.ThrowsAsync<SessionEndedException>(() => ui.Run<UserService, bool>(_ => Task.FromResult(true)));
    }

    /// <summary>The circuit's provider as Blazor sets it up for a tab opened with the user's cookie.</summary>
    private async Task<CircuitSessionCheck> OpenTab(TestUser user, int revalidationSeconds, string? sessionId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        sessionId ??= await scope.ServiceProvider.GetRequiredService<SessionService>().Start(user.Id);
        var entity = await scope.ServiceProvider.GetRequiredService<UserService>().Get(user.Id);
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Leadwerk:CircuitRevalidationSeconds"] = revalidationSeconds.ToString() })
            .Build();
        var circuit = new CircuitSessionCheck(app.Services.GetRequiredService<ILoggerFactory>(),
            app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<SessionCheck>(), config);
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(AuthSetup.Principal(entity, AuthSetup.Cookie, sessionId))));
        return circuit;
    }
}

public sealed class CircuitSessionTestsOnSqlite(SqliteApp app) : CircuitSessionTests(app), IClassFixture<SqliteApp>;

public sealed class CircuitSessionTestsOnPostgres(PostgresApp app) : CircuitSessionTests(app), IClassFixture<PostgresApp>;
