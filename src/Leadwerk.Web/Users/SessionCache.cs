using System.Collections.Concurrent;

namespace Leadwerk.Web.Users;

/// <summary>
/// What the session check needs of a user (stamp, disabled, role, language), kept for a moment so
/// that not every API request costs a query of its own before its real work (issue 6: the
/// session check was about a quarter of the cost of <c>GET /api/persons/{id}</c>).
/// </summary>
/// <remarks>
/// How stale an entry can be: <see cref="UserService.Update"/> forgets the user right after its
/// save, so once a user is disabled, demoted or given a new password through this app, their old
/// sessions and tokens are refused from the next request on. Only a change this process did not
/// make (another instance on the same database, or SQL by hand) is seen up to
/// <see cref="Lifetime"/> late.
/// </remarks>
public sealed class SessionCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<int, Entry> _entries = new();

    // Bumped by every Forget: a load that started before a user changed may have read the old row,
    // and must not keep it after the change forgot it.
    private long _generation;

    public sealed record Session(string SecurityStamp, bool Disabled, string? Language, Role Role);

    public async ValueTask<Session?> Get<TState>(int userId, TState state, Func<int, TState, Task<Session?>> load)
    {
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(userId, out var entry) && now < entry.ExpiresAt)
        {
            return entry.Session;
        }

        var generation = Interlocked.Read(ref _generation);
        var session = await load(userId, state);
        // An unknown user is not remembered: ids come from tokens this app issued, so there are
        // as many entries as users, and a miss is always asked again.
        if (session is not null)
        {
            _entries[userId] = new Entry(session, now + (long)Lifetime.TotalMilliseconds);
            if (Interlocked.Read(ref _generation) != generation)
            {
                // Checked after storing, so a Forget in between is never lost: either it removed
                // this entry, or this removes it.
                _entries.TryRemove(userId, out _);
            }
        }

        return session;
    }

    public void Forget(int userId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(userId, out _);
    }

    private sealed record Entry(Session Session, long ExpiresAt);
}
