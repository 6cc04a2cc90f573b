using System.Collections.Concurrent;

namespace Leadwerk.Web.Users;

/// <summary>
/// What the session check (<see cref="SessionCheck"/>) needs of a user (stamp, disabled, role,
/// language) and of a cookie's session row (whose, ended or not), kept for a moment so that not
/// every request costs queries of its own before its real work (issue 6: the session check was
/// about a quarter of the cost of <c>GET /api/persons/{id}</c>).
/// </summary>
/// <remarks>
/// How stale an entry can be: <see cref="UserService.Update"/> forgets the user right after its
/// save, and <see cref="SessionService.End"/> forgets the session right after ending it, so once a
/// user is disabled, demoted, given a new password or logs out through this app, their old sessions
/// and tokens are refused from the next request on, on every instance (the others are told once the
/// change has committed). Only a change by SQL by hand is seen up to <see cref="Lifetime"/> late.
/// </remarks>
public sealed class SessionCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    /// <summary>Signals of <see cref="Cluster.ClusterSignals"/>: a user (id) or a session (id) to check again on every instance.</summary>
    public const string UserTopic = "user";
    public const string SessionTopic = "session";

    public SessionCache(Cluster.ClusterSignals cluster)
    {
        cluster.On(UserTopic, id =>
        {
            if (int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var userId))
            {
                Forget(userId);
            }
            else
            {
                _users.Clear();
            }
        });
        cluster.On(SessionTopic, id =>
        {
            if (id == Cluster.ClusterSignals.Everything)
            {
                _sessions.Clear();
            }
            else
            {
                ForgetSession(id);
            }
        });
    }

    private readonly Entries<int, Session> _users = new();
    private readonly Entries<string, SessionRow> _sessions = new();

    public sealed record Session(string SecurityStamp, bool Disabled, string? Language, Role Role);

    /// <summary>A cookie's row in <c>UserSessions</c>: whose it is, and whether it has ended (logout).</summary>
    public sealed record SessionRow(int UserId, bool Ended);

    public ValueTask<Session?> Get<TState>(int userId, TState state, Func<int, TState, Task<Session?>> load) =>
        _users.Get(userId, state, load);

    public void Forget(int userId) => _users.Forget(userId);

    public ValueTask<SessionRow?> GetSession<TState>(string sessionId, TState state, Func<string, TState, Task<SessionRow?>> load) =>
        _sessions.Get(sessionId, state, load);

    public void ForgetSession(string sessionId) => _sessions.Forget(sessionId);

    private sealed class Entries<TKey, TValue> where TKey : notnull where TValue : class
    {
        // Every this many stores, expired entries are dropped: sessions come and go, and a
        // long-running process must not keep one entry per login it ever saw.
        private const int SweepEvery = 1024;

        private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

        // Bumped by every Forget: a load that started before a change may have read the old row,
        // and must not keep it after the change forgot it.
        private long _generation;
        private int _stores;

        public async ValueTask<TValue?> Get<TState>(TKey key, TState state, Func<TKey, TState, Task<TValue?>> load)
        {
            var now = Environment.TickCount64;
            if (_entries.TryGetValue(key, out var entry) && now < entry.ExpiresAt)
            {
                return entry.Value;
            }

            var generation = Interlocked.Read(ref _generation);
            var value = await load(key, state);
            // A miss is not remembered: keys come from tokens and cookies this app issued, so
            // there are no more of them than users and sessions, and a miss is always asked again.
            if (value is not null)
            {
                _entries[key] = new Entry(value, now + (long)Lifetime.TotalMilliseconds);
                if (Interlocked.Read(ref _generation) != generation)
                {
                    // Checked after storing, so a Forget in between is never lost: either it
                    // removed this entry, or this removes it.
                    _entries.TryRemove(key, out _);
                }

                if (Interlocked.Increment(ref _stores) % SweepEvery == 0)
                {
                    Sweep(now);
                }
            }

            return value;
        }

        public void Clear()
        {
            Interlocked.Increment(ref _generation);
            _entries.Clear();
        }

        public void Forget(TKey key)
        {
            Interlocked.Increment(ref _generation);
            _entries.TryRemove(key, out _);
        }

        private void Sweep(long now)
        {
            foreach (var (key, entry) in _entries)
            {
                if (now >= entry.ExpiresAt)
                {
                    _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
                }
            }
        }

        private sealed record Entry(TValue Value, long ExpiresAt);
    }
}
