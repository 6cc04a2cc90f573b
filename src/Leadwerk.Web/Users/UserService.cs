using System.Globalization;
using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Users;

/// <summary>Users and their passwords (Identity's hasher); logging in is <see cref="LoginService"/>.</summary>
public sealed class UserService(LeadwerkDbContext db, IPasswordHasher<User> hasher, SessionCache sessions, AuditLog audit, FollowUps.UserTime clock,
    Cluster.ClusterSignals cluster)
{
    public async Task<List<User>> List() => await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Id).ToListAsync();

    public async Task<User> Get(int id) => await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id) ?? throw NotFound();

    /// <summary>
    /// The browser's time zone for a user who has none yet (F15). Only while it is still empty, so a
    /// zone chosen meanwhile stays; and without moving the user's version, as this runs unasked when a
    /// tab opens and must not make an administrator's edit of the user fail as a conflict.
    /// </summary>
    public async Task<bool> DefaultTimeZone(int id, string zone)
    {
        var valid = FollowUps.UserTime.ValidZone(zone);
        return await db.Users.Where(u => u.Id == id && u.TimeZone == null)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.TimeZone, valid)) > 0;
    }

    public async Task<User> Create(UserRequest request)
    {
        var v = new Validation();
        var userName = Validation.Clean(request.UserName);
        v.Required("userName", userName, L.T("User name", "Gebruikersnaam"))
            .MaxLength("userName", userName, UserRules.UserNameMaxLength, L.T("User name", "Gebruikersnaam"));
        ValidatePassword(v, request.Password);
        var role = UserRules.ParseRole(request.Role ?? "user");
        if (role is null)
        {
            v.Add("role", L.T("Role must be admin or user.", "Rol moet admin of user zijn."));
        }

        var language = ValidateLanguage(v, request.Language);
        var displayName = Validation.Clean(request.DisplayName) ?? userName;
        v.MaxLength("displayName", displayName, UserRules.DisplayNameMaxLength, L.T("Display name", "Weergavenaam"));
        v.ThrowIfInvalid();

        var normalized = userName!.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized))
        {
            throw DomainException.Conflict(ErrorCodes.UserNameTaken, L.T(
                $"The user name “{userName}” is already taken.", $"De gebruikersnaam “{userName}” is al in gebruik."), "userName");
        }

        var user = new User
        {
            UserName = userName,
            NormalizedUserName = normalized,
            DisplayName = displayName!,
            Role = role!.Value,
            Language = language,
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        db.Users.Add(user);
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // PostgreSQL refuses every statement of a failed transaction: look again outside it.
            await transaction.RollbackAsync();
            if (!await db.Users.AsNoTracking().AnyAsync(u => u.NormalizedUserName == normalized && u.Id != user.Id))
            {
                throw;
            }

            // Another request took the name between the check above and this insert (unique index).
            throw DomainException.Conflict(ErrorCodes.UserNameTaken, L.T(
                $"The user name “{userName}” is already taken.", $"De gebruikersnaam “{userName}” is al in gebruik."), "userName");
        }

        await audit.Add("user.created", "user", user.Id, AuditChanges.Diff(null, Audited(user)));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return user;
    }

    /// <summary>Changes a user. <paramref name="byAdmin"/> allows role and disabled; away is the user's own business too.</summary>
    public async Task<User> Update(int id, UserChanges changes, int? expectedVersion, bool byAdmin)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id) ?? throw NotFound();
        Concurrency.Check(user.Version, expectedVersion);
        var before = Audited(user);
        var v = new Validation();
        if (changes.DisplayName.IsSet)
        {
            var name = Validation.Clean(changes.DisplayName.Value);
            v.Required("displayName", name, L.T("Display name", "Weergavenaam"))
                .MaxLength("displayName", name, UserRules.DisplayNameMaxLength, L.T("Display name", "Weergavenaam"));
            user.DisplayName = name ?? user.DisplayName;
        }

        if (changes.Language.IsSet)
        {
            user.Language = ValidateLanguage(v, changes.Language.Value);
        }

        if (changes.TimeZone.IsSet)
        {
            user.TimeZone = changes.TimeZone.Value is null ? null : FollowUps.UserTime.ValidZone(changes.TimeZone.Value);
        }

        if (changes.Password.IsSet)
        {
            ValidatePassword(v, changes.Password.Value);
            if (!byAdmin && (changes.CurrentPassword.Value is not { } current
                || hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed))
            {
                v.Add("currentPassword", L.T("Give your current password to set a new one.", "Geef uw huidige wachtwoord om een nieuw in te stellen."));
            }

            if (!v.HasErrors)
            {
                user.PasswordHash = hasher.HashPassword(user, changes.Password.Value!);
                user.SecurityStamp = Guid.NewGuid().ToString("N");
            }
        }

        var demotes = false;
        if (byAdmin && changes.Role.IsSet)
        {
            var role = UserRules.ParseRole(changes.Role.Value);
            if (role is null)
            {
                v.Add("role", L.T("Role must be admin or user.", "Rol moet admin of user zijn."));
            }
            else
            {
                demotes = user.Role == Role.Admin && role != Role.Admin;
                user.Role = role.Value;
            }
        }

        if (changes.Away.IsSet || changes.AwayUntil.IsSet)
        {
            await SetAway(user, changes, v);
        }

        v.ThrowIfInvalid();

        if (byAdmin && changes.Disabled.IsSet && changes.Disabled.Value != user.Disabled)
        {
            user.Disabled = changes.Disabled.Value;
            demotes |= user.Disabled && user.Role == Role.Admin;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        if (demotes && !await db.Users.AnyAsync(u => u.Id != id && u.Role == Role.Admin && !u.Disabled))
        {
            throw DomainException.Conflict(ErrorCodes.LastAdmin, L.T(
                "This is the last active administrator; make someone else administrator first.",
                "Dit is de laatste actieve beheerder; maak eerst iemand anders beheerder."));
        }

        if (byAdmin)
        {
            await AuditUpdate(user, before, changes.Password.IsSet);
        }

        await db.SaveChangesAsync();
        sessions.Forget(id);
        await db.SignalAfterCommit(cluster, SessionCache.UserTopic, id.ToString(CultureInfo.InvariantCulture));
        return user;
    }

    /// <summary>
    /// Away, with an optional day the user is back (the start of that day in their time zone). A
    /// return day alone means away; away switched off forgets the day; a day that has passed is
    /// not kept when away is switched on again without one, or it would end the new absence at once.
    /// </summary>
    private async Task SetAway(User user, UserChanges changes, Validation v)
    {
        var now = clock.UtcNow;
        DateTime? until = changes.AwayUntil.IsSet
            ? changes.AwayUntil.Value is { } day ? FollowUps.UserTime.StartOf(day, await clock.ZoneOf(user.Id)) : null
            : user.AwayUntil > now ? user.AwayUntil : null;
        if (until <= now)
        {
            v.Add("awayUntil", L.T("The return date must be after today.", "De terugkeerdatum moet na vandaag liggen."));
        }

        user.Away = changes.Away.IsSet ? changes.Away.Value : changes.AwayUntil.Value is not null || user.Away;
        user.AwayUntil = user.Away ? until : null;
    }

    /// <summary>What the audit log records of a user: never the password or its hash.</summary>
    private static Dictionary<string, object?> Audited(User u) => new()
    {
        ["userName"] = u.UserName, ["displayName"] = u.DisplayName, ["role"] = u.Role.RoleKey(), ["language"] = u.Language,
        ["away"] = u.Away, ["awayUntil"] = u.AwayUntil, ["disabled"] = u.Disabled,
    };

    /// <summary>An administrator's change of a user: role, disabling and password each under their own action, the rest as "user.updated".</summary>
    private async Task AuditUpdate(User user, Dictionary<string, object?> before, bool passwordSet)
    {
        var after = Audited(user);
        var role = AuditChanges.Of("role", before["role"], after["role"]);
        if (!role.IsEmpty)
        {
            await audit.Add("user.roleChanged", "user", user.Id, role);
        }

        var disabled = AuditChanges.Of("disabled", before["disabled"], after["disabled"]);
        if (!disabled.IsEmpty)
        {
            await audit.Add(user.Disabled ? "user.disabled" : "user.enabled", "user", user.Id, disabled);
        }

        if (passwordSet)
        {
            await audit.Add("user.passwordChanged", "user", user.Id);
        }

        var rest = AuditChanges.Diff(before.Where(f => f.Key is not ("role" or "disabled")).ToDictionary(),
            after.Where(f => f.Key is not ("role" or "disabled")).ToDictionary());
        if (!rest.IsEmpty)
        {
            await audit.Add("user.updated", "user", user.Id, rest);
        }
    }

    /// <summary>An owner must be an existing user that is not disabled.</summary>
    internal static async Task<int?> ValidOwner(LeadwerkDbContext db, int? ownerId)
    {
        if (ownerId is null)
        {
            return null;
        }

        return await db.Users.AnyAsync(u => u.Id == ownerId && !u.Disabled)
            ? ownerId
            : throw DomainException.Invalid("ownerId", L.T(
                "The owner must be an existing, active user.", "De eigenaar moet een bestaande, actieve gebruiker zijn."));
    }

    private static void ValidatePassword(Validation v, string? password)
    {
        if (password is null || password.Length < UserRules.PasswordMinLength)
        {
            v.Add("password", L.T(
                $"The password needs at least {UserRules.PasswordMinLength} characters.",
                $"Het wachtwoord heeft minstens {UserRules.PasswordMinLength} tekens nodig."));
        }

        v.MaxLength("password", password, UserRules.PasswordMaxLength, L.T("Password", "Wachtwoord"));
    }

    private static string? ValidateLanguage(Validation v, string? language)
    {
        if (language is null)
        {
            return null;
        }

        var normalized = L.Normalize(language);
        if (normalized is null)
        {
            v.Add("language", L.T("Language must be en or nl.", "Taal moet en of nl zijn."));
        }

        return normalized;
    }

    private static DomainException NotFound() => DomainException.NotFound(L.T("The user was not found.", "De gebruiker is niet gevonden."));
}
