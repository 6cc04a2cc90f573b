namespace Leadwerk.Web.FollowUps;

/// <summary>
/// Per circuit: tells the navigation badge and the My day page that follow-ups or the user's time
/// zone changed in this tab, so they read again at once instead of polling. The sender is passed
/// along, so a component does not reload for its own change.
/// </summary>
public sealed class FollowUpsChanged
{
    public event Func<object?, Task>? Changed;

    public async Task Notify(object? sender)
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Func<object?, Task>>() ?? [])
        {
            await handler(sender);
        }
    }
}
