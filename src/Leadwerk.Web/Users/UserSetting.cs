using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Users;

/// <summary>A per-user choice kept between sessions: grid columns, grouping, the last Find criteria.</summary>
public sealed class UserSetting
{
    public int UserId { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

public sealed class UserSettingConfiguration : IEntityTypeConfiguration<UserSetting>
{
    public void Configure(EntityTypeBuilder<UserSetting> builder)
    {
        builder.ToTable("UserSettings");
        builder.HasKey(s => new { s.UserId, s.Key });
        builder.Property(s => s.Key).HasMaxLength(UserSettings.KeyMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class UserSettings(LeadwerkDbContext db, TimeProvider time)
{
    public const int KeyMaxLength = 100;
    public const int ValueMaxLength = 20_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T?> Get<T>(int userId, string key)
    {
        var value = await db.UserSettings.AsNoTracking().Where(s => s.UserId == userId && s.Key == key).Select(s => s.Value).FirstOrDefaultAsync();
        try
        {
            return value is null ? default : JsonSerializer.Deserialize<T>(value, Json);
        }
        catch (JsonException)
        {
            // A setting saved by an older version that no longer fits: start afresh.
            return default;
        }
    }

    public async Task Set<T>(int userId, string key, T value) => await SetRaw(userId, key, JsonSerializer.Serialize(value, Json));

    public async Task<JsonNode?> GetRaw(int userId, string key)
    {
        var value = await db.UserSettings.AsNoTracking().Where(s => s.UserId == userId && s.Key == key).Select(s => s.Value).FirstOrDefaultAsync();
        return value is null ? null : JsonNode.Parse(value);
    }

    public async Task SetRaw(int userId, string key, string json)
    {
        if (key.Length is 0 or > KeyMaxLength || json.Length > ValueMaxLength)
        {
            throw DomainException.Invalid("key", L.T("The setting is too large or its key is not valid.", "De instelling is te groot of de sleutel is ongeldig."));
        }

        var setting = await db.UserSettings.FirstOrDefaultAsync(s => s.UserId == userId && s.Key == key);
        if (setting is null)
        {
            db.UserSettings.Add(setting = new UserSetting { UserId = userId, Key = key });
        }

        setting.Value = json;
        setting.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }
}
