using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Board;

/// <summary>Selections and boards over the API, so a board test states only its data and what it expects.</summary>
public static class BoardClient
{
    /// <summary>A static selection of exactly these persons, private to the caller unless told.</summary>
    public static async Task<int> StaticSelection(this HttpClient client, IEnumerable<int> personIds, string visibility = "private")
    {
        var response = await client.PostJson("/api/selections", new
        {
            name = Unique.Name("Board"), kind = "static", entity = "person", memberIds = personIds.ToArray(), visibility,
        });
        return (await response.ShouldBe(201)).Int("id");
    }

    public static async Task<int> DynamicSelection(this HttpClient client, object criteria)
    {
        var response = await client.PostJson("/api/selections", new { name = Unique.Name("Board"), kind = "dynamic", criteria });
        return (await response.ShouldBe(201)).Int("id");
    }

    /// <summary>GET the board; <paramref name="query"/> is the query string without "?".</summary>
    public static async Task<JsonNode> Board(this HttpClient client, int selectionId, string query = "") =>
        await client.GetOk($"/api/selections/{selectionId}/board{(query.Length == 0 ? "" : "?" + query)}");

    public static Task<HttpResponseMessage> Move(this HttpClient client, int selectionId, int personId, string toKey, int? version,
        string groupBy = "leadStatus", string query = "") =>
        client.PostJson($"/api/selections/{selectionId}/board/moves{(query.Length == 0 ? "" : "?" + query)}",
            new { personId, groupBy, toKey, version });

    public static List<JsonNode> Columns(this JsonNode board) => board["columns"]!.Items();

    public static JsonNode Column(this JsonNode board, string key) =>
        board.Columns().SingleOrDefault(c => c.Str("key") == key) ?? throw new Xunit.Sdk.XunitException(
            $"The board has no column {key}: {string.Join(", ", board.Columns().Select(c => c.Str("key")))}");

    public static List<JsonNode> Cards(this JsonNode column) => column["cards"]!.Items();

    public static JsonNode Card(this JsonNode board, int personId) =>
        board.Columns().SelectMany(c => c.Cards()).Single(c => c.Int("personId") == personId);

    public static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A person under the given company with a first name that reads well in assertions.</summary>
    public static async Task<JsonNode> Person(this HttpClient client, int? companyId, string lastName, string firstName = "Test", int? ownerId = null)
    {
        // Without an owner the body leaves ownerId out, so the person takes the company's contact.
        object body = ownerId is null ? new { companyId, firstName, lastName } : new { companyId, firstName, lastName, ownerId };
        var response = await client.PostJson("/api/persons", body);
        return await response.ShouldBe(201);
    }
}
