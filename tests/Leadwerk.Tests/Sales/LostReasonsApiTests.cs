using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Sales;

/// <summary>The admin list "Lost reasons" (F16): seeded, soft delete and restore, unique names per language, admin-only writes.</summary>
public abstract class LostReasonsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task EveryDatabaseStartsWithTheFiveSeededReasonsInBothLanguages()
    {
        var admin = await app.Admin();

        var english = (await admin.GetOk("/api/lost-reasons?includeDeleted=true")).Items().Take(5).Select(r => r.Str("name"));
        var dutch = (await admin.GetOk("/api/lost-reasons?includeDeleted=true", "nl")).Items().Take(5).Select(r => r.Str("name"));

        Assert.Equal(["Price", "Competitor chosen", "No budget", "Timing", "No decision"], english);
        Assert.Equal(["Prijs", "Concurrent gekozen", "Geen budget", "Timing", "Geen besluit"], dutch);
    }

    [Fact]
    public async Task ALostReasonIsCreatedChangedSoftDeletedAndRestored()
    {
        var admin = await app.Admin();
        var name = Unique.Name("Went quiet");

        var created = await admin.PostJson("/api/lost-reasons", new { names = new { en = name, nl = name + " nl" } });

        var reason = await created.ShouldBe(201);
        var id = reason.Int("id");
        var url = $"/api/lost-reasons/{id}";
        Assert.Equal(url, created.Headers.Location?.ToString());
        Assert.False(reason.Bool("deleted"));
        Assert.Equal(id, (await admin.GetOk("/api/lost-reasons")).Items()[^1].Int("id"));
        var fetched = await admin.Get(url, "nl");
        Assert.Equal(name + " nl", (await fetched.ShouldBe(200)).Str("name"));
        var changed = await (await admin.PutJson(url, new { name = name + " 2" }, fetched.ETag())).ShouldBe(200);
        Assert.Equal(name + " 2", changed["names"]!.Str("nl"));
        await (await admin.PutJson(url, new { name = name + " 3" }, fetched.ETag())).ShouldBeProblem(412, "preconditionFailed");

        await (await admin.Delete(url)).ShouldBe(204);
        Assert.DoesNotContain((await admin.GetOk("/api/lost-reasons")).Items(), r => r.Int("id") == id);
        Assert.True((await admin.GetOk("/api/lost-reasons?includeDeleted=true")).Items().Single(r => r.Int("id") == id).Bool("deleted"));

        await (await admin.PostJson($"{url}/restore", null)).ShouldBe(200);
        Assert.Contains((await admin.GetOk("/api/lost-reasons")).Items(), r => r.Int("id") == id);
        await (await admin.Get("/api/lost-reasons/987654")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task NamesAreUniquePerLanguageAmongNonDeletedReasonsIgnoringCase()
    {
        var admin = await app.Admin();
        var existing = await admin.CreateLostReason();
        var before = await app.Snapshot();

        var english = await (await admin.PostJson("/api/lost-reasons", new { names = new { en = existing["names"]!.Str("en")!.ToUpperInvariant(), nl = Unique.Name("x") } }))
            .ShouldBeProblem(409, "nameNotUnique");
        var dutch = await (await admin.PostJson("/api/lost-reasons", new { names = new { en = Unique.Name("x"), nl = "geen BUDGET" } }))
            .ShouldBeProblem(409, "nameNotUnique");
        await (await admin.PostJson("/api/lost-reasons", new { names = new { en = " ", nl = "" } })).ShouldBeInvalid("name");
        await (await admin.PostJson("/api/lost-reasons", new { name = new string('n', 101) })).ShouldBeInvalid("names.en");

        Assert.True(english["errors"]!.AsObject().ContainsKey("names.en"));
        Assert.True(dutch["errors"]!.AsObject().ContainsKey("names.nl"));
        await app.AssertUnchangedSince(before);

        // A deleted name is free again, and then its holder cannot come back.
        await (await admin.Delete($"/api/lost-reasons/{existing.Int("id")}")).ShouldBe(204);
        await (await admin.PostJson("/api/lost-reasons", new { names = existing["names"] })).ShouldBe(201);
        await (await admin.PostJson($"/api/lost-reasons/{existing.Int("id")}/restore", null)).ShouldBeProblem(409, "nameNotUnique");
    }

    [Fact]
    public async Task APlainUserReadsTheListButMayNotChangeIt()
    {
        var admin = await app.Admin();
        var user = (await app.NewUser()).Client;
        var reason = await admin.CreateLostReason();
        var url = $"/api/lost-reasons/{reason.Int("id")}";
        var before = await app.Snapshot();

        Assert.NotEmpty((await user.GetOk("/api/lost-reasons")).Items());
        await user.GetOk(url);
        await (await user.PostJson("/api/lost-reasons", new { name = Unique.Name("Mine") })).ShouldBeProblem(403, "forbidden");
        await (await user.PutJson(url, new { name = Unique.Name("Mine") })).ShouldBeProblem(403, "forbidden");
        await (await user.Delete(url)).ShouldBeProblem(403, "forbidden");
        await (await user.PostJson($"{url}/restore", null)).ShouldBeProblem(403, "forbidden");
        await (await app.Anonymous().Get("/api/lost-reasons")).ShouldBeProblem(401, "unauthorized");

        await app.AssertUnchangedSince(before);
    }
}

public sealed class LostReasonsApiTestsOnSqlite(SqliteApp app) : LostReasonsApiTests(app), IClassFixture<SqliteApp>;

public sealed class LostReasonsApiTestsOnPostgres(PostgresApp app) : LostReasonsApiTests(app), IClassFixture<PostgresApp>;
