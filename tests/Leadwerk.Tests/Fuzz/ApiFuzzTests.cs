using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Leadwerk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Leadwerk.Tests.Fuzz;

/// <summary>
/// Issue 12: no input is a 500. Every write endpoint the app publishes in its OpenAPI document gets
/// bodies generated from its own schema (mostly the right shape with plausible and hostile values,
/// sometimes the wrong type, a name twice or nesting too deep) and random ids in its path. Runs
/// once with a fixed seed and once with a new one; a failure prints the seed that replays it
/// (set LEADWERK_FUZZ_SEED to run that one).
/// </summary>
public abstract class ApiFuzzTests(LeadwerkApp app, ITestOutputHelper output)
{
    public static readonly string FixedSeed = new PCG(12, 20_261_203).ToString();

    private const int Requests = 300;

    private readonly Dictionary<int, int> _statuses = [];

    [Fact]
    public async Task NoGeneratedRequestToAnyWriteEndpointIsAnsweredWithA500()
    {
        var admin = await app.Admin();
        var me = (await admin.GetOk("/api/users/me")).Int("id");
        // Records for the small ids the paths use, so that requests reach more than "not found".
        for (var i = 0; i < 12; i++)
        {
            var company = await admin.CreateCompany("Lead");
            var person = await admin.CreatePerson(company.Int("id"));
            await (await admin.PostJson("/api/sales", new { companyId = company.Int("id"), personId = person.Int("id"), title = $"Sale {i}" })).ShouldBe(201);
            await (await admin.PostJson("/api/selections", new { name = Unique.Name("Fuzz"), entity = "person", kind = "static" })).ShouldBe(201);
        }

        var document = (await admin.GetOk("/openapi/v1.json")).AsObject();
        var endpoints = Endpoints(document, me);
        output.WriteLine($"{endpoints.Count} write endpoints");
        Assert.True(endpoints.Count >= 40, $"only {endpoints.Count} write endpoints in the OpenAPI document");

        var replay = Environment.GetEnvironmentVariable("LEADWERK_FUZZ_SEED");
        foreach (var seed in replay is { Length: > 0 } ? [replay] : new[] { FixedSeed, null })
        {
            await Gen.OneOf<FuzzRequest>([.. endpoints]).SampleAsync(
                request => Send(admin, request), seed: seed, iter: Requests, threads: 1, print: r => r.ToString());
        }

        output.WriteLine(string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        // A fuzzer whose every request is refused at the door proves little: some must get through.
        Assert.True(_statuses.Where(s => s.Key < 300).Sum(s => s.Value) > Requests / 10, "too few generated requests succeeded");
        Assert.True(_statuses.Where(s => s.Key is 400).Sum(s => s.Value) > 0, "no generated request was malformed");
        Assert.True(_statuses.Where(s => s.Key is 422 or 409).Sum(s => s.Value) > 0, "no generated request was refused by a rule");
    }

    private async Task Send(HttpClient client, FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;
        lock (_statuses)
        {
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        }

        if (status >= 500)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new Xunit.Sdk.XunitException($"{status} for {request}: {body}");
        }

        // Only a wrong password may say "not logged in": the fuzzer must stay logged in to reach the endpoints.
        Assert.True(response.StatusCode != HttpStatusCode.Unauthorized || request.Path == "/api/auth/token", $"logged out by {request}");
    }

    /// <summary>Every POST, PUT, PATCH and DELETE under /api, each a generator of requests.</summary>
    private static List<Gen<FuzzRequest>> Endpoints(JsonObject document, int me)
    {
        var bodies = new SchemaGen(document);
        var schemas = document["components"]!["schemas"]!.AsObject();
        var result = new List<Gen<FuzzRequest>>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (method is not ("post" or "put" or "patch" or "delete") || !path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    continue;
                }

                var schema = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
                if (schema?["$ref"]?.GetValue<string>() == "#/components/schemas/JsonObject")
                {
                    // A merge patch takes the fields its resource is created with.
                    schema = schemas[PatchSchema(path)] is { } create ? new JsonObject { ["$ref"] = $"#/components/schemas/{PatchSchema(path)}" } : schema;
                }

                var body = schema is null ? Gen.Const(() => (string?)null) : bodies.Body(schema).Select(b => (string?)b);
                result.Add(Gen.Select(Path(path, me), body, (p, b) => new FuzzRequest(method.ToUpperInvariant(), p, b)));
            }
        }

        return result;
    }

    private static string PatchSchema(string path) => path switch
    {
        _ when path.StartsWith("/api/users", StringComparison.Ordinal) => "UserRequest",
        _ when path.StartsWith("/api/companies", StringComparison.Ordinal) => "CompanyRequest",
        _ when path.StartsWith("/api/sales", StringComparison.Ordinal) => "SaleRequest",
        _ => "PersonRequest",
    };

    /// <summary>Ids mostly of records that exist (small numbers), sometimes of none; never the fuzzer's own user.</summary>
    private static Gen<string> Path(string template, int me)
    {
        var id = Gen.Frequency((8, Gen.Int[1, 30]), (1, Gen.OneOf(0, -1, int.MaxValue)))
            .Select(i => template.StartsWith("/api/users/", StringComparison.Ordinal) && i == me ? me + 1 : i);
        // Without NUL: Kestrel refuses %00 in a path itself, and the in-process test server cannot send it.
        var word = SchemaGen.Text.Select(t => Uri.EscapeDataString((t.Length > 300 ? t[..300] : t).Replace("\0", "", StringComparison.Ordinal)));
        return Gen.Select(id, word, (i, w) => template
            .Replace("{id}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{key}", w.Length == 0 ? "find" : w, StringComparison.Ordinal)
            .Replace("{token}", w.Length == 0 ? "x" : w, StringComparison.Ordinal));
    }
}

public sealed record FuzzRequest(string Method, string Path, string? Body)
{
    public override string ToString() => $"{Method} {Path} {(Body is { Length: > 2_000 } ? Body[..2_000] + "…" : Body)}";
}

public sealed class ApiFuzzTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : ApiFuzzTests(app, output), IClassFixture<SqliteApp>;

public sealed class ApiFuzzTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : ApiFuzzTests(app, output), IClassFixture<PostgresApp>;
