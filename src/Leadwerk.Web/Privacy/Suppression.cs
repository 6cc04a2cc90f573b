using System.Security.Cryptography;
using System.Text;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Privacy;

/// <summary>
/// The e-mail address of an erased person, kept only as a keyed hash (HMAC-SHA256 with the
/// <see cref="Suppression"/> key), so an import or a form does not re-create the person unasked
/// while the address itself is gone. Without the key the hash cannot be tested against guesses.
/// </summary>
public sealed class ErasedEmail
{
    public string Hash { get; set; } = "";
    public DateTime ErasedAt { get; set; }
}

/// <summary>A secret the app generated for itself and keeps in its database (the suppression key).</summary>
public sealed class AppSecret
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class ErasedEmailConfiguration : IEntityTypeConfiguration<ErasedEmail>
{
    public void Configure(EntityTypeBuilder<ErasedEmail> builder)
    {
        builder.ToTable("ErasedEmails");
        builder.HasKey(e => e.Hash);
        builder.Property(e => e.Hash).HasMaxLength(64);
    }
}

public sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> builder)
    {
        builder.ToTable("AppSecrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(200);
    }
}

/// <summary>
/// Suppression of erased persons' e-mail addresses (B9). The key is <c>Leadwerk:Privacy:SuppressionKey</c>
/// when configured, else 32 random bytes the app creates once and keeps in <c>AppSecrets</c>.
/// Changing the key forgets every earlier suppression.
/// </summary>
public sealed class Suppression(IDbContextFactory<LeadwerkDbContext> contexts, string? configuredKey)
{
    public const string KeySetting = "Leadwerk:Privacy:SuppressionKey";
    public const string ErasedPersonCode = "erasedPerson";
    private const string SecretName = "suppressionKey";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    /// <summary>
    /// The hash an erasure stores, creating the key on the first erasure. Call it before opening the
    /// erasure's transaction: on SQLite a transaction holds the write lock the key's insert needs.
    /// </summary>
    public async Task<string> HashForErasure(string email) => Hash((await Key(create: true))!, email);

    /// <summary>The folded addresses among <paramref name="emailKeys"/> that belong to erased persons.</summary>
    public async Task<HashSet<string>> Erased(LeadwerkDbContext db, IEnumerable<string> emailKeys)
    {
        var keys = emailKeys.Distinct().ToList();

        // Without a key nobody was ever erased; none is created here, where a caller's transaction may be open.
        if (keys.Count == 0 || await Key(create: false) is not { } secret)
        {
            return [];
        }

        var byHash = keys.ToDictionary(k => Hash(secret, k));

        var hashes = byHash.Keys.ToList();
        var found = await db.ErasedEmails.AsNoTracking().Where(e => hashes.Contains(e.Hash)).Select(e => e.Hash).ToListAsync();
        return found.Select(h => byHash[h]).ToHashSet();
    }

    public async Task<bool> IsErased(LeadwerkDbContext db, string? email) =>
        email is not null && (await Erased(db, [TextKey.Of(email.Trim())])).Count > 0;

    /// <summary>Adds a hash from <see cref="HashForErasure"/> to the suppression list in the caller's unit of work.</summary>
    public static async Task Add(LeadwerkDbContext db, string hash, DateTime at)
    {
        if (!await db.ErasedEmails.AnyAsync(e => e.Hash == hash))
        {
            db.ErasedEmails.Add(new ErasedEmail { Hash = hash, ErasedAt = at });
        }
    }

    /// <summary>The hash of an address as stored: of its folded form (trimmed, lower case, accents removed, <see cref="TextKey"/>).</summary>
    private static string Hash(byte[] key, string email) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(TextKey.Of(email.Trim()))));

    /// <summary>
    /// Read or created in a context of its own, outside the caller's transaction: a key that a
    /// rolled-back erasure created would otherwise be cached here and lost in the database.
    /// </summary>
    private async Task<byte[]?> Key(bool create)
    {
        if (_key is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync();
        try
        {
            if (_key is not null)
            {
                return _key;
            }

            if (configuredKey is { Length: > 0 } configured)
            {
                return _key = Encoding.UTF8.GetBytes(configured);
            }

            await using var db = await contexts.CreateDbContextAsync();
            var stored = await db.AppSecrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.Value).FirstOrDefaultAsync();
            if (stored is null && !create)
            {
                return null;
            }

            if (stored is null)
            {
                stored = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                db.AppSecrets.Add(new AppSecret { Name = SecretName, Value = stored });
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException)
                {
                    // Another instance created it first: use that one.
                    db.ChangeTracker.Clear();
                    stored = await db.AppSecrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.Value).FirstAsync();
                }
            }

            return _key = Convert.FromBase64String(stored);
        }
        finally
        {
            _gate.Release();
        }
    }
}
