using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.AspNetCore.Components.Authorization;

namespace Leadwerk.Web.Components;

/// <summary>
/// How components reach the domain: each call gets a fresh DI scope (so a fresh DbContext, as a
/// long-lived circuit must not share one) and the logged-in user as an Actor on channel UI.
/// </summary>
public sealed class UiActions(IServiceScopeFactory scopes, AuthenticationStateProvider auth)
{
    public async Task<T> Run<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task Run<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<Actor> Actor()
    {
        var state = await auth.GetAuthenticationStateAsync();
        return state.User.ToActor(Channel.Ui);
    }

    public async Task<int> UserId() => (await auth.GetAuthenticationStateAsync()).User.UserId();

    public async Task<bool> IsAdmin() => (await auth.GetAuthenticationStateAsync()).User.IsInRole("admin");
}
