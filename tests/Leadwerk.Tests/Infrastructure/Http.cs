using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>Small HTTP and JSON helpers, so a test reads as request → expected answer.</summary>
public static class Http
{
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object? body, string? language = null) =>
        client.SendAsync(Request(HttpMethod.Post, url, body, language: language));

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body, string? ifMatch = null, string? language = null) =>
        client.SendAsync(Request(HttpMethod.Put, url, body, ifMatch, language));

    public static Task<HttpResponseMessage> PatchJson(this HttpClient client, string url, object body, string? ifMatch = null, string? language = null) =>
        client.SendAsync(Request(HttpMethod.Patch, url, body, ifMatch, language));

    public static Task<HttpResponseMessage> Get(this HttpClient client, string url, string? language = null) =>
        client.SendAsync(Request(HttpMethod.Get, url, null, language: language));

    public static Task<HttpResponseMessage> Delete(this HttpClient client, string url, string? ifMatch = null) =>
        client.SendAsync(Request(HttpMethod.Delete, url, null, ifMatch));

    /// <summary>Sends a body exactly as given, for malformed JSON and wrong content types.</summary>
    public static Task<HttpResponseMessage> SendRaw(this HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return client.SendAsync(request);
    }

    /// <summary>GETs and asserts 200.</summary>
    public static async Task<JsonNode> GetOk(this HttpClient client, string url, string? language = null) =>
        await (await client.Get(url, language)).ShouldBe(200);

    /// <summary>Asserts the status (showing the body when it differs) and returns the parsed body (JSON null when empty).</summary>
    public static async Task<JsonNode> ShouldBe(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {status}, got {(int)response.StatusCode}. Body: {body}");
        return string.IsNullOrEmpty(body) ? JsonValue.Create("")! : JsonNode.Parse(body)!;
    }

    public static async Task ShouldBeHtml(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 200, $"{response.RequestMessage?.RequestUri}: expected 200, got {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Asserts an RFC 9457 answer with the given status and stable `code`, and returns it.</summary>
    public static async Task<JsonNode> ShouldBeProblem(this HttpResponseMessage response, int status, string code)
    {
        var problem = await response.ShouldBe(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.Str("code"));
        Assert.Equal(status, problem.Int("status"));
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("title")));
        return problem;
    }

    /// <summary>Asserts a 422 whose `errors` map names the field.</summary>
    public static async Task<JsonNode> ShouldBeInvalid(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblem(422, "validationFailed");
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"errors should name {field}: {problem.ToJsonString()}");
        Assert.NotEmpty(errors![field]!.AsArray());
        return problem;
    }

    public static int Int(this JsonNode node, string property) =>
        node[property]?.GetValue<int>() ?? throw new InvalidOperationException($"{property} missing in {node.ToJsonString()}");

    public static int? IntOrNull(this JsonNode node, string property) => node[property]?.GetValue<int>();

    public static string? Str(this JsonNode node, string property) => node[property]?.GetValue<string>();

    public static bool Bool(this JsonNode node, string property) => node[property]!.GetValue<bool>();

    public static List<JsonNode> Items(this JsonNode node) => node.AsArray().Select(n => n!).ToList();

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The response has no ETag.");

    private static HttpRequestMessage Request(HttpMethod method, string url, object? body, string? ifMatch = null, string? language = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: JsonSerializerOptions.Web);
        }

        if (ifMatch is not null)
        {
            // Unvalidated, so tests can also send malformed values.
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return request;
    }
}

public static class Unique
{
    /// <summary>A readable name no other test uses.</summary>
    public static string Name(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>A lower-case key (forms, org numbers) no other test uses.</summary>
    public static string Key(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    public static string Email() => $"t{Guid.NewGuid().ToString("N")[..12]}@example.com";

    private static int _addresses;

    /// <summary>A client address no other test uses, for rate limits kept per address.</summary>
    public static string Address()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"10.200.{(n >> 8) & 255}.{n & 255}";
    }
}
