using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Leadwerk.Web.Users;

/// <summary>
/// An open tab (a Blazor circuit) keeps the principal its page was loaded with. This runs the session
/// check on it every <c>Leadwerk:CircuitRevalidationSeconds</c> (20 by default, at most 30, so a tab of a
/// user disabled or demoted on any instance ends within 30 s with time to spare), and
/// <see cref="Components.UiActions"/> runs it before each action. A principal that fails becomes
/// anonymous, and the router sends the tab to the login page.
/// </summary>
public sealed class CircuitSessionCheck(ILoggerFactory loggers, IServiceScopeFactory scopes, SessionCheck check, IConfiguration config)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    public const int DefaultRevalidationSeconds = 20;

    public const int MaxRevalidationSeconds = 30;

    protected override TimeSpan RevalidationInterval { get; } = TimeSpan.FromSeconds(
        Math.Clamp(config.GetValue("Leadwerk:CircuitRevalidationSeconds", DefaultRevalidationSeconds), 1, MaxRevalidationSeconds));

    /// <summary>Set while the circuit's user changes their own password: the session ending then is expected, and the login page says why.</summary>
    public bool PasswordChanged { get; set; }

    /// <summary>Runs the check now; on failure the circuit's user is logged out at once.</summary>
    public async Task<bool> Confirm()
    {
        var state = await GetAuthenticationStateAsync();
        if (await IsValid(state.User))
        {
            return true;
        }

        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        return false;
    }

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        IsValid(state.User);

    private async Task<bool> IsValid(ClaimsPrincipal user)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await check.Validate(user, scope.ServiceProvider) is not null;
    }
}
