using System.Text.Json;

namespace Leadwerk.Web.Dashboards;

/// <summary>Tiles are stored as the API's JSON, so what a script sent is what it reads back.</summary>
public static class DashboardJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(IEnumerable<TileSpec> tiles) => JsonSerializer.Serialize(tiles, Options);

    public static List<TileSpec> Read(string json) => JsonSerializer.Deserialize<List<TileSpec>>(json, Options) ?? [];
}
