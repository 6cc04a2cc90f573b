using System.Buffers.Text;
using System.Text.Json;

namespace Leadwerk.Web.Common;

/// <summary>A page of a keyset-paged list: `nextCursor` is null at the end.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Opaque keyset cursors: the sort values of the last row of a page, as base64url JSON.</summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    // A cursor missing a sort value would silently read as "after nothing" and end the list early.
    private static readonly JsonSerializerOptions Strict = new()
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static string Encode<T>(T position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position));

    public static T? Decode<T>(string? cursor) where T : class
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(cursor), Strict)
                ?? throw Invalid();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Invalid();
        }
    }

    public static int Limit(int? limit)
    {
        if (limit is null)
        {
            return DefaultLimit;
        }

        if (limit < 1 || limit > MaxLimit)
        {
            throw DomainException.Invalid("limit", Localization.L.T(
                $"limit must be between 1 and {MaxLimit}.", $"limit moet tussen 1 en {MaxLimit} liggen."));
        }

        return limit.Value;
    }

    /// <summary>Takes limit + 1 rows: the extra one only tells whether another page exists.</summary>
    public static Page<TOut> ToPage<TRow, TOut>(List<TRow> rows, int limit, Func<TRow, object> position, Func<TRow, TOut> map)
    {
        var more = rows.Count > limit;
        var items = rows.Take(limit).ToList();
        var next = more ? Encode(position(items[^1])) : null;
        return new Page<TOut>(items.Select(map).ToList(), next);
    }

    private static DomainException Invalid() =>
        new(400, ErrorCodes.InvalidCursor, Localization.L.T("The cursor is not valid.", "De cursor is ongeldig."), "cursor");

}
