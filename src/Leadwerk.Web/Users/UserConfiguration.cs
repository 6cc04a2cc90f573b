using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Users;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.Property(u => u.UserName).HasMaxLength(UserRules.UserNameMaxLength);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(UserRules.UserNameMaxLength);
        builder.Property(u => u.DisplayName).HasMaxLength(UserRules.DisplayNameMaxLength);
        builder.Property(u => u.PasswordHash).HasMaxLength(500);
        builder.Property(u => u.Language).HasMaxLength(2);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.Property(u => u.CalendarToken).HasMaxLength(64);
        builder.HasIndex(u => u.NormalizedUserName).IsUnique();
        builder.HasIndex(u => u.CalendarToken).IsUnique();
    }
}
