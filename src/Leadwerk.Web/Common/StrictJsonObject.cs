using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Leadwerk.Web.Common;

/// <summary>
/// Reads a request body bound as a <see cref="JsonObject"/> (the merge-patch endpoints) and refuses
/// a property named twice, as the typed bodies do with <c>AllowDuplicateProperties = false</c>:
/// <c>{"name":"a","name":"b"}</c> means nothing certain. The framework's own converter throws an
/// ArgumentException there, which would reach the client as a 500.
/// </summary>
public sealed class StrictJsonObjectConverter : JsonConverter<JsonObject>
{
    public override JsonObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The body must be a JSON object.");
        }

        var body = JsonObject.Create(JsonElement.ParseValue(ref reader))!;
        try
        {
            // A JsonObject reads its properties on first use, and throws there on a name given twice.
            _ = body.Count;
        }
        catch (ArgumentException)
        {
            throw new JsonException("The body names a property more than once.");
        }

        return body;
    }

    public override void Write(Utf8JsonWriter writer, JsonObject value, JsonSerializerOptions options) => value.WriteTo(writer, options);
}
