using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

/// <summary>The admin list "Person – Lead status" (R9, R10). Tests look the default up rather than assume it.</summary>
public abstract class LeadStatusesApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task LeadStatusIsCreatedChangedSoftDeletedAndRestored()
    {
        var admin = await app.Admin();
        var name = Unique.Name("Nurturing");

        var created = await admin.PostJson("/api/lead-statuses", new
        {
            names = new { en = name, nl = name + " nl" }, descriptions = new { en = "Warming up.", nl = "Wordt warm." },
        });

        var status = await created.ShouldBe(201);
        var id = status.Int("id");
        Assert.Equal($"/api/lead-statuses/{id}", created.Headers.Location?.ToString());
        Assert.False(status.Bool("isDefault"));
        var all = (await admin.GetOk("/api/lead-statuses")).Items();
        Assert.Equal(id, all[^1].Int("id"));
        var fetched = await admin.Get($"/api/lead-statuses/{id}", "nl");
        Assert.Equal("Wordt warm.", (await fetched.ShouldBe(200)).Str("description"));

        var changed = await (await admin.PutJson($"/api/lead-statuses/{id}", new { name = name + " 2", description = "Both." }, fetched.ETag())).ShouldBe(200);
        Assert.Equal(name + " 2", changed["names"]!.Str("en"));
        Assert.Equal(name + " 2", changed["names"]!.Str("nl"));

        await (await admin.Delete($"/api/lead-statuses/{id}")).ShouldBe(204);
        Assert.DoesNotContain((await admin.GetOk("/api/lead-statuses")).Items(), s => s.Int("id") == id);
        Assert.True((await admin.GetOk("/api/lead-statuses?includeDeleted=true")).Items().Single(s => s.Int("id") == id).Bool("deleted"));

        await (await admin.PostJson($"/api/lead-statuses/{id}/restore", null)).ShouldBe(200);
        Assert.Contains((await admin.GetOk("/api/lead-statuses")).Items(), s => s.Int("id") == id);
    }

    [Fact]
    public async Task DeletingTheDefaultStatusIsRefusedAndWritesNothing()
    {
        var admin = await app.Admin();
        var defaultId = await admin.DefaultStatusId();
        var before = await app.Snapshot();

        var problem = await (await admin.Delete($"/api/lead-statuses/{defaultId}")).ShouldBeProblem(409, "defaultStatusUndeletable");

        Assert.Contains("default", problem.Str("detail")!);
        await app.AssertUnchangedSince(before);
        var dutch = await (await admin.SendAsync(Dutch(HttpMethod.Delete, $"/api/lead-statuses/{defaultId}"))).ShouldBeProblem(409, "defaultStatusUndeletable");
        Assert.Contains("standaard", dutch.Str("detail")!);
    }

    [Fact]
    public async Task TheDefaultStatusCannotLoseItsFlagWithoutAnotherTakingIt()
    {
        var admin = await app.Admin();
        var defaultId = await admin.DefaultStatusId();
        var current = await admin.GetOk($"/api/lead-statuses/{defaultId}");
        var before = await app.Snapshot();

        await (await admin.PutJson($"/api/lead-statuses/{defaultId}", new { names = current["names"], isDefault = false }))
            .ShouldBeProblem(409, "defaultStatusUndeletable");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task MakingAnotherStatusTheDefaultMovesTheFlag()
    {
        var admin = await app.Admin();
        var originalId = await admin.DefaultStatusId();
        var original = await admin.GetOk($"/api/lead-statuses/{originalId}");
        var other = await admin.CreateStatus();

        try
        {
            var changed = await (await admin.PutJson($"/api/lead-statuses/{other.Int("id")}", Body(other, isDefault: true))).ShouldBe(200);

            Assert.True(changed.Bool("isDefault"));
            var defaults = (await admin.GetOk("/api/lead-statuses?includeDeleted=true")).Items().Where(s => s.Bool("isDefault")).ToList();
            Assert.Equal(other.Int("id"), Assert.Single(defaults).Int("id"));
            // New leads now start with the new default (R5).
            var person = await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"));
            Assert.Equal(other.Int("id"), person.IntOrNull("leadStatusId"));
        }
        finally
        {
            await (await admin.PutJson($"/api/lead-statuses/{originalId}", Body(original, isDefault: true))).ShouldBe(200);
        }

        Assert.Equal(originalId, await admin.DefaultStatusId());
    }

    [Fact]
    public async Task ANewStatusCreatedAsDefaultTakesTheFlag()
    {
        var admin = await app.Admin();
        var originalId = await admin.DefaultStatusId();
        var original = await admin.GetOk($"/api/lead-statuses/{originalId}");

        try
        {
            var created = await admin.CreateStatus(isDefault: true);

            Assert.Equal(created.Int("id"), await admin.DefaultStatusId());
            Assert.False((await admin.GetOk($"/api/lead-statuses/{originalId}")).Bool("isDefault"));
        }
        finally
        {
            await (await admin.PutJson($"/api/lead-statuses/{originalId}", Body(original, isDefault: true))).ShouldBe(200);
        }
    }

    [Fact]
    public async Task DuplicateStatusNameIsRefusedIgnoringCaseAndWritesNothing()
    {
        var admin = await app.Admin();
        var existing = await admin.CreateStatus();
        var before = await app.Snapshot();

        var english = await (await admin.PostJson("/api/lead-statuses", new { names = new { en = existing["names"]!.Str("en")!.ToLowerInvariant(), nl = Unique.Name("x") } }))
            .ShouldBeProblem(409, "nameNotUnique");
        var dutch = await (await admin.PostJson("/api/lead-statuses", new { names = new { en = Unique.Name("x"), nl = "GEKWALIFICEERD" } }))
            .ShouldBeProblem(409, "nameNotUnique");

        Assert.True(english["errors"]!.AsObject().ContainsKey("names.en"));
        Assert.True(dutch["errors"]!.AsObject().ContainsKey("names.nl"));
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task DeletedStatusStaysOnItsPersonsButCannotBePicked()
    {
        var admin = await app.Admin();
        var status = await admin.CreateStatus();
        var company = await admin.CreateCompany("Lead");
        var holder = await admin.CreatePerson(company.Int("id"));
        var other = await admin.CreatePerson(company.Int("id"));
        await admin.PatchPerson(holder.Int("id"), new { leadStatusId = status.Int("id") });

        await (await admin.Delete($"/api/lead-statuses/{status.Int("id")}")).ShouldBe(204);

        var kept = await admin.GetPerson(holder.Int("id"));
        Assert.Equal(status.Int("id"), kept.IntOrNull("leadStatusId"));
        Assert.Equal(status.Str("name"), kept.Str("leadStatus"));
        Assert.Equal(status.Str("name"), (await admin.History(holder.Int("id")))[0].Str("to"));
        var before = await app.Snapshot();
        await (await admin.PatchJson($"/api/persons/{other.Int("id")}", new { leadStatusId = status.Int("id") })).ShouldBeInvalid("leadStatusId");
        await (await admin.PostJson("/api/persons", new { companyId = company.Int("id"), lastName = "X", leadStatusId = status.Int("id") }))
            .ShouldBeInvalid("leadStatusId");
        await app.AssertUnchangedSince(before);
    }

    private static HttpRequestMessage Dutch(HttpMethod method, string url) => new(method, url) { Headers = { { "Accept-Language", "nl" } } };

    private static object Body(JsonNode status, bool isDefault) =>
        new { names = status["names"], descriptions = status["descriptions"], rank = status.Int("rank"), isDefault };
}

public sealed class LeadStatusesApiTestsOnSqlite(SqliteApp app) : LeadStatusesApiTests(app), IClassFixture<SqliteApp>;

public sealed class LeadStatusesApiTestsOnPostgres(PostgresApp app) : LeadStatusesApiTests(app), IClassFixture<PostgresApp>;
