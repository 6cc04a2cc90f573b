using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Users;

/// <summary>
/// Failed logins of one account from one client (an address, or a browser that logged in before),
/// and one row per account for all clients together (<see cref="AnyClient"/>). See <see cref="LoginThrottle"/>.
/// </summary>
public sealed class LoginFailure
{
    public const string AnyClient = "*";
    public const int ClientMaxLength = 64;

    public int UserId { get; set; }
    public string Client { get; set; } = "";
    public int Count { get; set; }
    public DateTime LastFailedAt { get; set; }
}

public sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> builder)
    {
        builder.ToTable("LoginFailures");
        builder.HasKey(f => new { f.UserId, f.Client });
        builder.Property(f => f.Client).HasMaxLength(LoginFailure.ClientMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.LastFailedAt);
    }
}

/// <summary>
/// How guessing is slowed down without handing anyone a lever to lock others out (issue 12): failures
/// count per account and client; after <see cref="FreePerClient"/> of them that client waits 1 s, then
/// 2 s, 4 s … (at most <see cref="MaxWaitPerClient"/>) before its next attempt is even checked. Other
/// clients are not affected until the account as a whole has <see cref="FreePerAccount"/> failures
/// (a guesser with many addresses); then everyone but a browser the user logged in with before waits
/// too, but never more than <see cref="MaxWaitPerAccount"/>. Counts are forgotten after
/// <see cref="Memory"/> without failures, and a successful login clears them.
/// </summary>
public static class LoginThrottle
{
    public const int FreePerClient = 5;
    public const int FreePerAccount = 20;
    public static readonly TimeSpan MaxWaitPerClient = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxWaitPerAccount = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    /// <summary>How long to wait after the last of <paramref name="failures"/> failures.</summary>
    public static TimeSpan Wait(int failures, int free, TimeSpan max)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }

        // 2^20 s is far beyond any maximum; the shift stays small.
        var seconds = 1L << Math.Min(failures - free, 20);
        return TimeSpan.FromSeconds(Math.Min(seconds, max.TotalSeconds));
    }

    /// <summary>Until when the row's client (or, for <see cref="LoginFailure.AnyClient"/>, the account) must wait.</summary>
    public static DateTime? WaitUntil(LoginFailure row, DateTime now)
    {
        if (row.LastFailedAt < now - Memory)
        {
            return null;
        }

        var wait = row.Client == LoginFailure.AnyClient
            ? Wait(row.Count, FreePerAccount, MaxWaitPerAccount)
            : Wait(row.Count, FreePerClient, MaxWaitPerClient);
        var until = row.LastFailedAt + wait;
        return until > now ? until : null;
    }
}
