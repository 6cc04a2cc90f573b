using System.Buffers.Text;
using System.Text.Json;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// The link from a figure to its records (B6): Find with exactly the tile's drill criteria, as
/// base64url JSON in the query, so the link can be shared and reopened like any other.
/// </summary>
public static class DrillLinks
{
    public const string Parameter = "criteria";

    // Nulls are left out (a line without asOf), so links stay as short as their criteria allow.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Find(Criteria criteria) =>
        $"/find?{Parameter}={Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(criteria, Json))}";

    public static string? Find(TileDrill? drill) => drill is null ? null : Find(drill.Criteria);

    /// <summary>The criteria of a link, or null when the text is not a criteria document.</summary>
    public static Criteria? Read(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded) || !Base64Url.IsValid(encoded))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Criteria>(Base64Url.DecodeFromChars(encoded), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
