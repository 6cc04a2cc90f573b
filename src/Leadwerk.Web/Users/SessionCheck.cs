using System.Security.Claims;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Users;

/// <summary>
/// The one session check (ADR 0003), run for every request (<see cref="AuthSetup.UseSessionValidation"/>),
/// for every open Blazor circuit (<see cref="CircuitSessionCheck"/>) and before every UI action
/// (<see cref="Components.UiActions"/>). A principal stays good while its user exists, is not
/// disabled and has the security stamp and role it was issued with, and, for a UI cookie, while its
/// session row exists and has not ended. Bearer tokens have no session row; they end with the stamp.
/// </summary>
public sealed class SessionCheck(SessionCache cache, TimeProvider time)
{
    /// <summary>The user's current state when the principal is still good, else null.</summary>
    /// <param name="services">A scope to get a database context from, asked only when the cache misses.</param>
    public async Task<SessionCache.Session?> Validate(ClaimsPrincipal principal, IServiceProvider services)
    {
        if (principal.Identity is not { IsAuthenticated: true } identity
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        // Anything but a bearer token needs a live session row, so a cookie from before sessions existed is refused too.
        if (identity.AuthenticationType != AuthSetup.Bearer)
        {
            var sessionId = principal.FindFirstValue(AuthSetup.SessionClaim);
            var row = sessionId is null ? null : await cache.GetSession(sessionId, (services, time), LoadSession);
            if (row is null || row.Ended || row.UserId != userId)
            {
                return null;
            }
        }

        var user = await cache.Get(userId, services, LoadUser);
        return user is null || user.Disabled || user.SecurityStamp != principal.FindFirstValue(AuthSetup.StampClaim)
            || user.Role.RoleKey() != principal.FindFirstValue(ClaimTypes.Role)
            ? null
            : user;
    }

    private static Task<SessionCache.Session?> LoadUser(int id, IServiceProvider services) =>
        services.GetRequiredService<LeadwerkDbContext>().Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new SessionCache.Session(u.SecurityStamp, u.Disabled, u.Language, u.Role)).FirstOrDefaultAsync();

    private static async Task<SessionCache.SessionRow?> LoadSession(string id, (IServiceProvider Services, TimeProvider Time) state)
    {
        var db = state.Services.GetRequiredService<LeadwerkDbContext>();
        var row = await db.UserSessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.UserId, s.EndedAt, s.LastSeenAt }).FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        var now = state.Time.GetUtcNow().UtcDateTime;
        if (row.EndedAt is null && row.LastSeenAt < now - UserSession.SeenResolution)
        {
            // Keeps a session in use (a request, or a circuit's revalidation) away from the clean-up.
            await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        }

        return new SessionCache.SessionRow(row.UserId, row.EndedAt is not null);
    }
}
