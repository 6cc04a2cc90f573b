using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Users;

/// <summary>
/// Logging in: checks a password under <see cref="LoginThrottle"/>, logs every attempt (never the
/// password), and for the UI starts the cookie's server-side session and ends it again at logout.
/// </summary>
public sealed class LoginService(
    LeadwerkDbContext db, IPasswordHasher<User> hasher, TimeProvider time, SessionService sessions, ILogger<LoginService> log)
{
    /// <summary>
    /// Checks a password; the same refusal whether the user exists, is disabled, or the client has
    /// to wait, and each takes a password hash's time, so none of them tells a guesser anything.
    /// </summary>
    public async Task<User> Authenticate(string? userName, string? password, LoginClient client)
    {
        var normalized = (userName ?? "").Trim().ToUpperInvariant();
        // A name with characters no stored name can hold (NUL, half surrogates) is nobody's; PostgreSQL
        // would refuse the query itself.
        var user = StoredText.Storable(normalized) == normalized ? await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized) : null;
        if (user is null || string.IsNullOrEmpty(password))
        {
            throw Refuse(userName, client.Address, user is null ? "unknown user" : "no password", password);
        }

        var key = client.KeyFor(user.Id);
        var now = time.GetUtcNow().UtcDateTime;
        var failures = await db.LoginFailures.AsNoTracking()
            .Where(f => f.UserId == user.Id && (f.Client == key || f.Client == LoginFailure.AnyClient)).ToListAsync();
        // A browser the user logged in with before waits only for its own failures.
        var waitUntil = failures.Where(f => f.Client == key || !client.IsKnownTo(user.Id))
            .Select(f => LoginThrottle.WaitUntil(f, now)).Max();
        if (waitUntil is not null)
        {
            throw Refuse(userName, key, $"must wait until {waitUntil:O}", password);
        }

        if (user.Disabled)
        {
            throw Refuse(userName, key, "user disabled", password);
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            await RecordFailure(user.Id, key, now);
            await RecordFailure(user.Id, LoginFailure.AnyClient, now);
            log.LogWarning("Failed login for {UserName} from {Client}: wrong password ({ClientFailures} from this client, {AccountFailures} in all)",
                user.UserName, key, CountAfter(failures, key, now), CountAfter(failures, LoginFailure.AnyClient, now));
            throw InvalidCredentials();
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await db.SaveChangesAsync();
        }

        // This client's and the account's counts start again; anyone's long forgotten ones go too.
        var forgotten = now - LoginThrottle.Memory;
        await db.LoginFailures.Where(f => (f.UserId == user.Id && (f.Client == key || f.Client == LoginFailure.AnyClient))
            || f.LastFailedAt < forgotten).ExecuteDeleteAsync();
        log.LogInformation("Login of {UserName} from {Client}", user.UserName, key);
        return user;
    }

    /// <summary>The UI's login: a cookie that names a new server-side session, and this browser remembered as known.</summary>
    public async Task SignIn(HttpContext http, string? userName, string? password)
    {
        var client = LoginClient.Of(http);
        var user = await Authenticate(userName, password, client);
        await EndSession(http);
        var sessionId = await sessions.Start(user.Id);
        await http.SignInAsync(AuthSetup.Cookie, AuthSetup.Principal(user, AuthSetup.Cookie, sessionId));
        client.Remember(http, user.Id);
    }

    /// <summary>The UI's logout: the session ends on the server, so a copy of the cookie opens nothing any more.</summary>
    public async Task SignOut(HttpContext http)
    {
        await EndSession(http);
        await http.SignOutAsync(AuthSetup.Cookie);
    }

    private async Task EndSession(HttpContext http)
    {
        // The cookie itself, not HttpContext.User: the session check may have just refused it.
        var cookie = await http.AuthenticateAsync(AuthSetup.Cookie);
        if (cookie.Principal?.FindFirst(AuthSetup.SessionClaim)?.Value is { } sessionId)
        {
            await sessions.End(sessionId);
        }
    }

    private async Task RecordFailure(int userId, string client, DateTime now)
    {
        var forgotten = now - LoginThrottle.Memory;
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.LoginFailures.Where(f => f.UserId == userId && f.Client == client)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(f => f.Count, f => f.LastFailedAt < forgotten ? 1 : f.Count + 1)
                    .SetProperty(f => f.LastFailedAt, now));
            if (updated > 0)
            {
                return;
            }

            var row = new LoginFailure { UserId = userId, Client = client, Count = 1, LastFailedAt = now };
            db.LoginFailures.Add(row);
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another attempt of the same client inserted the row first: count on it.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    private static int CountAfter(List<LoginFailure> before, string client, DateTime now) =>
        (before.FirstOrDefault(f => f.Client == client) is { } row && row.LastFailedAt >= now - LoginThrottle.Memory ? row.Count : 0) + 1;

    private DomainException Refuse(string? userName, string client, string reason, string? password)
    {
        // Hashing anyway, so a refusal takes as long as a wrong password.
        hasher.HashPassword(new User(), password ?? "");
        log.LogWarning("Failed login for {UserName} from {Client}: {Reason}", Printable(userName), client, reason);
        return InvalidCredentials();
    }

    /// <summary>What a guesser typed, safe for a log line.</summary>
    private static string Printable(string? userName) =>
        new((userName ?? "").Take(UserRules.UserNameMaxLength).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static DomainException InvalidCredentials() => new(401, ErrorCodes.InvalidCredentials, L.T(
        "The user name or password is wrong.", "De gebruikersnaam of het wachtwoord is onjuist."));
}
