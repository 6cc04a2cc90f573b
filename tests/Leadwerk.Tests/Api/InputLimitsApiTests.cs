using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

/// <summary>
/// Issue 12: each input a probe answered with a 500 now gets a 4xx that says why, on every endpoint
/// that takes it, and writes nothing; or, for text the databases cannot hold, is stored without it.
/// </summary>
public abstract class InputLimitsApiTests(LeadwerkApp app)
{
    private static JsonObject Line(string field, string op, params object[] values) => new()
    {
        ["field"] = field, ["operator"] = op, ["values"] = new JsonArray([.. values.Select(v => JsonSerializer.SerializeToNode(v))]),
    };

    private static JsonObject Criteria(params JsonArray[] sets) => new()
    {
        ["entity"] = "person", ["sets"] = new JsonArray([.. sets.Select(lines => (JsonNode)new JsonObject { ["lines"] = lines })]),
    };

    private static JsonArray Lines(int count, Func<int, JsonObject> line) => [.. Enumerable.Range(0, count).Select(i => (JsonNode)line(i))];

    public static TheoryData<string, string> TooLarge => new()
    {
        { "101 lines in a set", "at most 100 lines" },
        { "21 sets", "at most 20 sets" },
        { "1,001 values in a line", "at most 1000 values" },
        { "2,001 values in all", "at most 2000 values" },
        { "a value of 256 characters", "at most 255 characters" },
    };

    private static JsonObject Document(string name) => name switch
    {
        "101 lines in a set" => Criteria(Lines(101, i => Line("person.lastName", "contains", $"a{i}"))),
        "21 sets" => Criteria([.. Enumerable.Range(0, 21).Select(i => Lines(1, _ => Line("person.lastName", "contains", $"a{i}")))]),
        "1,001 values in a line" => Criteria(Lines(1, _ => Line("person.leadStatus", "oneOf", [.. Enumerable.Range(1, 1_001).Cast<object>()]))),
        "2,001 values in all" => Criteria(Lines(3, _ => Line("person.leadStatus", "oneOf", [.. Enumerable.Range(1, 667).Cast<object>()]))),
        _ => Criteria(Lines(1, _ => Line("person.lastName", "contains", new string('a', 256)))),
    };

    [Theory]
    [MemberData(nameof(TooLarge))]
    public async Task CriteriaPastALimitAreRefusedWith422NamingTheLimitOnEveryEndpointThatTakesCriteria(string document, string limit)
    {
        var admin = await app.Admin();
        var selection = (await (await admin.PostJson("/api/selections", new { name = Unique.Name("Limits"), entity = "person", kind = "static" })).ShouldBe(201)).Int("id");
        var before = await app.Snapshot();

        foreach (var response in await SendEverywhere(admin, selection, Document(document).ToJsonString()))
        {
            var problem = await response.ShouldBeProblem(422, "invalidCriteria");
            Assert.Contains(limit, problem.Str("detail"), StringComparison.OrdinalIgnoreCase);
        }

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task ACriteriaValueWithHalfASurrogatePairIsRefusedWith422OnEveryEndpoint()
    {
        var admin = await app.Admin();
        var selection = (await (await admin.PostJson("/api/selections", new { name = Unique.Name("Limits"), entity = "person", kind = "static" })).ShouldBe(201)).Int("id");
        var criteria = """{"entity":"person","sets":[{"lines":[{"field":"person.lastName","operator":"contains","values":["a\ud800"]}]}]}""";
        var before = await app.Snapshot();

        foreach (var response in await SendEverywhere(admin, selection, criteria))
        {
            Assert.Contains("invalid character", (await response.ShouldBeProblem(422, "invalidCriteria")).Str("detail"), StringComparison.Ordinal);
        }

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task TheLargestCriteriaTheLimitsAllowRunOnTheDatabase()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePerson(null, Unique.Name("Limit"));
        string[] fields = ["person.lastName", "person.email", "person.firstName", "person.title"];
        var sets = Enumerable.Range(0, 20).Select(s => Lines(100, l => l == 0
            ? Line("person.leadStatus", "notOneOf", [.. Enumerable.Range(900_000 + s * 100, 49).Cast<object>()])
            : Line(fields[l % fields.Length], l % 2 == 0 ? "notContains" : "isEmpty", [.. l % 2 == 0 ? new object[] { $"zz{s}-{l}" } : []]))).ToArray();
        var criteria = Criteria(sets);
        criteria["sets"]!.AsArray()[0]!["lines"]!.AsArray()[1] = Line("person.lastName", "equals", person.Str("lastName")!);

        var count = await (await admin.SendRaw(HttpMethod.Post, "/api/search/count", criteria.ToJsonString())).ShouldBe(200);
        var page = await (await admin.SendRaw(HttpMethod.Post, "/api/search", new JsonObject { ["criteria"] = criteria.DeepClone(), ["limit"] = 10 }.ToJsonString())).ShouldBe(200);

        Assert.True(count.Int("count") >= 1);
        Assert.NotEmpty(page["items"]!.AsArray());
    }

    [Fact]
    public async Task CriteriaWithoutSetsMeanNoConditionAndCountEveryPerson()
    {
        var admin = await app.Admin();
        await admin.CreatePerson(null);
        var all = (await (await admin.SendRaw(HttpMethod.Post, "/api/search/count", """{"entity":"person","sets":[]}""")).ShouldBe(200)).Int("count");

        var missing = await (await admin.SendRaw(HttpMethod.Post, "/api/search/count", """{"entity":"person"}""")).ShouldBe(200);
        var nulls = await (await admin.SendRaw(HttpMethod.Post, "/api/search/count", """{"entity":"person","sets":null}""")).ShouldBe(200);

        Assert.True(all >= 1);
        Assert.Equal((all, all), (missing.Int("count"), nulls.Int("count")));
    }

    [Fact]
    public async Task NoncharactersInNamesAndEmailsAreDroppedOnCreateAndPatch()
    {
        var admin = await app.Admin();
        var lead = await admin.CategoryId("Lead");
        var tag = Guid.NewGuid().ToString("N")[..8];

        var company = await (await admin.SendRaw(HttpMethod.Post, "/api/companies", $$"""{"name":"Bakker\ufffe{{tag}}","categoryId":{{lead}}}""")).ShouldBe(201);
        var person = await (await admin.SendRaw(HttpMethod.Post, "/api/persons",
            $$"""{"lastName":"Jansen\uffff{{tag}}","email":"jan\ufffe{{tag}}@example.com"}""")).ShouldBe(201);
        var patched = await (await admin.SendRaw(HttpMethod.Patch, $"/api/persons/{person.Int("id")}", """{"firstName":"\ufdd0Els"}""")).ShouldBe(200);
        var renamed = await (await admin.SendRaw(HttpMethod.Patch, $"/api/companies/{company.Int("id")}", $$"""{"name":"\ufffeBakker {{tag}}"}""")).ShouldBe(200);

        Assert.Equal(($"Bakker{tag}", $"Jansen{tag}", $"jan{tag}@example.com"), (company.Str("name"), person.Str("lastName"), person.Str("email")));
        Assert.Equal(("Els", $"Bakker {tag}"), (patched.Str("firstName"), renamed.Str("name")));
        var found = await admin.GetOk($"/api/persons?search=jansen{tag}");
        Assert.Equal(person.Int("id"), Assert.Single(found["items"]!.Items()).Int("id"));
    }

    [Fact]
    public async Task APatchThatNamesAFieldTwiceIsRefusedWith400AndChangesNothing()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var person = await admin.CreatePerson(company.Int("id"));
        var user = await app.NewUser();
        var before = await app.Snapshot();

        await (await admin.SendRaw(HttpMethod.Patch, $"/api/persons/{person.Int("id")}", """{"lastName":"a","lastName":"b"}""")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Patch, $"/api/companies/{company.Int("id")}", """{"name":"a","name":"b"}""")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Patch, $"/api/users/{user.Id}", """{"role":"admin","role":"user"}""")).ShouldBeProblem(400, "malformedRequest");
        await (await user.Client.SendRaw(HttpMethod.Patch, "/api/users/me", """{"language":"en","language":"nl"}""")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Post, "/api/persons", """{"lastName":"a","lastName":"b"}""")).ShouldBeProblem(400, "malformedRequest");

        await app.AssertUnchangedSince(before);
    }

    private static async Task<List<HttpResponseMessage>> SendEverywhere(HttpClient client, int selection, string criteria) =>
    [
        await client.SendRaw(HttpMethod.Post, "/api/search", $$"""{"criteria":{{criteria}}}"""),
        await client.SendRaw(HttpMethod.Post, "/api/search/count", criteria),
        await client.SendRaw(HttpMethod.Post, "/api/bulk-updates",
            $$"""{"target":{"criteria":{{criteria}}},"actions":[{"field":"person.owner","op":"clear"}],"dryRun":true}"""),
        await client.SendRaw(HttpMethod.Post, "/api/selections", $$"""{"name":"Too large","entity":"person","kind":"dynamic","criteria":{{criteria}}}"""),
        await client.SendRaw(HttpMethod.Post, $"/api/selections/{selection}/members", $$"""{"criteria":{{criteria}}}"""),
    ];
}

public sealed class InputLimitsApiTestsOnSqlite(SqliteApp app) : InputLimitsApiTests(app), IClassFixture<SqliteApp>;

public sealed class InputLimitsApiTestsOnPostgres(PostgresApp app) : InputLimitsApiTests(app), IClassFixture<PostgresApp>;
