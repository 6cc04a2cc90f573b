using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Users;

/// <summary>
/// One login through the UI. The cookie carries <see cref="Id"/>; the session check refuses a cookie
/// whose row has ended (logout) or is gone, on every instance that shares the database (ADR 0003).
/// </summary>
public sealed class UserSession
{
    public const int IdLength = 43;

    /// <summary>How long a row is kept after it was last seen: longer than a cookie can live unused.</summary>
    public static readonly TimeSpan Retention = 2 * AuthSetup.CookieLifetime;

    /// <summary><see cref="LastSeenAt"/> is written at most this often per session, so requests stay reads.</summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>32 random bytes, base64url: unguessable, and inside a data-protected cookie besides.</summary>
    public string Id { get; set; } = "";
    public int UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(UserSession.IdLength);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
        // The clean-up at login deletes by it.
        builder.HasIndex(s => s.LastSeenAt);
    }
}
