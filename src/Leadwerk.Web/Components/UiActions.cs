using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Components.Authorization;

namespace Leadwerk.Web.Components;

/// <summary>
/// How components reach the domain: each call gets a fresh DI scope (so a fresh DbContext, as a
/// long-lived circuit must not share one) whose <see cref="CurrentActor"/> is the logged-in user,
/// on channel UI unless the action says otherwise (a board move is channel board). Each action first
/// runs the session check, so a user who was disabled, demoted or logged out elsewhere is refused
/// at their next click, not only at the circuit's next revalidation.
/// </summary>
public sealed class UiActions(IServiceScopeFactory scopes, AuthenticationStateProvider auth, TimeProvider time, ReplicaContexts? replica = null)
{
    /// <summary>How long after a write of its own a circuit reads from the primary: longer than a healthy replica lags.</summary>
    public static readonly TimeSpan OwnWritesWindow = TimeSpan.FromSeconds(10);

    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    public async Task<T> Run<TService, T>(Func<TService, Task<T>> work, Channel channel = Channel.Ui) where TService : notnull
    {
        await using var scope = await Scope(channel);
        try
        {
            return await work(scope.ServiceProvider.GetRequiredService<TService>());
        }
        finally
        {
            NoteWrites(scope);
        }
    }

    public async Task Run<TService>(Func<TService, Task> work, Channel channel = Channel.Ui) where TService : notnull
    {
        await using var scope = await Scope(channel);
        try
        {
            await work(scope.ServiceProvider.GetRequiredService<TService>());
        }
        finally
        {
            NoteWrites(scope);
        }
    }

    /// <summary>
    /// A read that may be a moment behind (Find, board, Contacts tab, a selection's members, tiles):
    /// from the read replica when one is configured (<c>ConnectionStrings:LeadwerkReadOnly</c>) and
    /// this circuit has not written within <see cref="OwnWritesWindow"/>, else from the primary.
    /// </summary>
    public async Task<T> Read<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = await Scope(Channel.Ui);
        scope.ServiceProvider.GetRequiredService<ReadRouting>().Replica = FromReplica;
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Whether the next <see cref="Read{TService, T}"/> goes to the replica.</summary>
    public bool FromReplica => replica is not null && time.GetUtcNow() - _lastWrite > OwnWritesWindow;

    private void NoteWrites(AsyncServiceScope scope)
    {
        if (scope.ServiceProvider.GetRequiredService<CurrentActor>().Wrote)
        {
            _lastWrite = time.GetUtcNow();
        }
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
        if (auth is CircuitSessionCheck circuit && !await circuit.Confirm())
        {
            throw SessionEnded();
        }

        var scope = scopes.CreateAsyncScope();
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated == true)
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(user.ToActor(channel));
        }

        return scope;
    }

    private static SessionEndedException SessionEnded() => new(L.T(
        "Your session has ended. Please log in again.", "Uw sessie is beëindigd. Log opnieuw in."));
}

/// <summary>
/// The action was refused because the session check failed. A cancellation, so a component's event
/// handler ends quietly (Blazor ignores cancelled handlers) instead of taking the circuit down,
/// while the router, seeing the user logged out, moves the tab to the login page.
/// </summary>
public sealed class SessionEndedException(string message) : OperationCanceledException(message);
