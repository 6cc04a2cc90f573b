using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Microsoft.AspNetCore.Components.Authorization;

namespace Leadwerk.Web.Components;

/// <summary>
/// How components reach the domain: each call gets a fresh DI scope (so a fresh DbContext, as a
/// long-lived circuit must not share one) whose <see cref="CurrentActor"/> is the logged-in user,
/// on channel UI unless the action says otherwise (a board move is channel board).
/// </summary>
public sealed class UiActions(IServiceScopeFactory scopes, AuthenticationStateProvider auth)
{
    public async Task<T> Run<TService, T>(Func<TService, Task<T>> work, Channel channel = Channel.Ui) where TService : notnull
    {
        await using var scope = await Scope(channel);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task Run<TService>(Func<TService, Task> work, Channel channel = Channel.Ui) where TService : notnull
    {
        await using var scope = await Scope(channel);
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<Actor> Actor(Channel channel = Channel.Ui)
    {
        var state = await auth.GetAuthenticationStateAsync();
        return state.User.ToActor(channel);
    }

    public async Task<int> UserId() => (await auth.GetAuthenticationStateAsync()).User.UserId();

    public async Task<bool> IsAdmin() => (await auth.GetAuthenticationStateAsync()).User.IsInRole("admin");

    private async Task<AsyncServiceScope> Scope(Channel channel)
    {
        var scope = scopes.CreateAsyncScope();
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated == true)
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(user.ToActor(channel));
        }

        return scope;
    }
}
