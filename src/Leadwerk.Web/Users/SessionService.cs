using System.Buffers.Text;
using System.Security.Cryptography;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Users;

/// <summary>Starts and ends the server-side sessions behind UI cookies (<see cref="UserSession"/>).</summary>
public sealed class SessionService(LeadwerkDbContext db, TimeProvider time, SessionCache cache, Cluster.ClusterSignals cluster)
{
    /// <summary>A new session for the user; the id goes into the cookie.</summary>
    public async Task<string> Start(int userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Cheap and often enough: logins are rare next to requests, and the index makes it a range delete.
        var forgotten = now - UserSession.Retention;
        await db.UserSessions.Where(s => s.LastSeenAt < forgotten).ExecuteDeleteAsync();

        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        db.UserSessions.Add(new UserSession { Id = id, UserId = userId, CreatedAt = now, LastSeenAt = now });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>Ends a session: refused from now on here, and within <see cref="SessionCache.Lifetime"/> on other instances.</summary>
    public async Task End(string sessionId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        cache.ForgetSession(sessionId);
        await db.SignalAfterCommit(cluster, SessionCache.SessionTopic, sessionId);
    }
}
