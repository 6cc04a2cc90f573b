using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Search;

/// <summary>GET/PUT /api/users/me/settings/{key}: any JSON, kept per user.</summary>
public abstract class UserSettingsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ASettingRoundTripsAsJsonForItsOwnUserOnly()
    {
        var anna = await app.NewUser();
        var bert = await app.NewUser();
        var value = JsonNode.Parse("""{ "columns": ["person.firstName", "person.leadStatus"], "groupBy": "person.leadStatus", "limit": 25, "dense": true, "note": "Ökten \"quoted\"" }""")!;

        await (await anna.Client.PutJson("/api/users/me/settings/contacts.grid", value)).ShouldBe(204);

        Assert.True(JsonNode.DeepEquals(value, await anna.Client.GetOk("/api/users/me/settings/contacts.grid")));
        await (await bert.Client.Get("/api/users/me/settings/contacts.grid")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task ASecondPutReplacesTheValue()
    {
        var anna = await app.NewUser();
        await (await anna.Client.PutJson("/api/users/me/settings/find.last", new { entity = "person", sets = Array.Empty<object>() })).ShouldBe(204);

        await (await anna.Client.PutJson("/api/users/me/settings/find.last", new[] { 1, 2, 3 })).ShouldBe(204);

        Assert.Equal("[1,2,3]", (await anna.Client.GetOk("/api/users/me/settings/find.last")).ToJsonString());
    }

    [Fact]
    public async Task AnUnknownKeyIs404AndATooLongKeyOrValueIs422()
    {
        var anna = await app.NewUser();

        await (await anna.Client.Get("/api/users/me/settings/never.set")).ShouldBeProblem(404, "notFound");
        await (await anna.Client.PutJson($"/api/users/me/settings/{new string('k', 101)}", new { a = 1 })).ShouldBeInvalid("key");
        await (await anna.Client.PutJson("/api/users/me/settings/big", new { text = new string('x', 20_001) })).ShouldBeInvalid("key");
        await (await anna.Client.SendRaw(HttpMethod.Put, "/api/users/me/settings/broken", "{ \"a\": ")).ShouldBeProblem(400, "malformedRequest");
        using var anonymous = app.Anonymous();
        await (await anonymous.Get("/api/users/me/settings/never.set")).ShouldBeProblem(401, "unauthorized");
    }
}

public sealed class UserSettingsApiTestsOnSqlite(SqliteApp app) : UserSettingsApiTests(app), IClassFixture<SqliteApp>;

public sealed class UserSettingsApiTestsOnPostgres(PostgresApp app) : UserSettingsApiTests(app), IClassFixture<PostgresApp>;
