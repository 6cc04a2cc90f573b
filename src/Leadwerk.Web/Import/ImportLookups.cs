using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Import;

/// <summary>The lists a row's names are looked up in, loaded once per batch: they are small.</summary>
internal sealed class ImportLookups
{
    private readonly Dictionary<string, Category> _categoryByName = [];
    private readonly Dictionary<string, LeadStatus> _statusByName = [];
    private readonly Dictionary<string, int> _userByName = [];

    public Dictionary<int, Category> Categories { get; private set; } = [];
    public int DefaultStatusId { get; private set; }

    public static async Task<ImportLookups> Load(LeadwerkDbContext db)
    {
        var lookups = new ImportLookups { Categories = await db.Categories.ToDictionaryAsync(c => c.Id) };
        foreach (var category in lookups.Categories.Values.Where(c => !c.Deleted).OrderBy(c => c.Rank))
        {
            lookups._categoryByName.TryAdd(Key(category.NameEn), category);
            lookups._categoryByName.TryAdd(Key(category.NameNl), category);
        }

        foreach (var status in await db.LeadStatuses.AsNoTracking().Where(s => !s.Deleted).OrderBy(s => s.Rank).ToListAsync())
        {
            lookups._statusByName.TryAdd(Key(status.NameEn), status);
            lookups._statusByName.TryAdd(Key(status.NameNl), status);
            if (status.IsDefault)
            {
                lookups.DefaultStatusId = status.Id;
            }
        }

        foreach (var user in await db.Users.AsNoTracking().Where(u => !u.Disabled).OrderBy(u => u.Id).ToListAsync())
        {
            lookups._userByName.TryAdd(Key(user.UserName), user.Id);
            lookups._userByName.TryAdd(Key(user.DisplayName), user.Id);
        }

        return lookups;
    }

    public Category? Category(string? name) => name is null ? null : _categoryByName.GetValueOrDefault(Key(name))
        ?? throw RowError.Named(ImportErrors.UnknownCategory, name);

    public LeadStatus? Status(string? name) => name is null ? null : _statusByName.GetValueOrDefault(Key(name))
        ?? throw RowError.Named(ImportErrors.UnknownLeadStatus, name);

    /// <summary>A user by user name or display name.</summary>
    public int? Owner(string? name) => name is null ? null
        : _userByName.TryGetValue(Key(name), out var id) ? id
        : throw RowError.Named(ImportErrors.UnknownUser, name);

    public Category? DefaultCategory(ImportSettings settings) =>
        settings.Defaults.CategoryId is { } id ? Categories.GetValueOrDefault(id) : null;

    public static string Key(string name) => TextKey.Of(name.Trim());
}

/// <summary>A row's values, and the checks both entities share.</summary>
internal static class ImportValues
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Dictionary<string, string> Of(ImportRow row) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.Values, Json) ?? [];

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    /// <summary>Turns the first failed check into the row's reason.</summary>
    /// <remarks>The checks are a function: a failure is worded by them in every language.</remarks>
    public static void Check(Func<Validation> validation)
    {
        if (validation().HasErrors)
        {
            throw RowError.Worded(ErrorCodes.ValidationFailed, () => Message(validation()));
        }
    }

    private static string Message(Validation failed)
    {
        try
        {
            failed.ThrowIfInvalid();
            return "";
        }
        catch (ValidationFailedException e)
        {
            return e.Message;
        }
    }

    public static string Truncate(string text) => text.Length > 500 ? text[..500] : text;
}
