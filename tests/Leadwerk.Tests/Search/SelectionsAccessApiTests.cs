using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Search.Crit;

namespace Leadwerk.Tests.Search;

/// <summary>Who sees and changes which selection; renames with If-Match; delete; validation.</summary>
public abstract class SelectionsAccessApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task TheListShowsMineAndSharedOnesButNotAnotherUsersPrivateOnes()
    {
        var anna = await app.NewUser();
        var bert = await app.NewUser();
        var m = Unique.Name("List");
        var annasPrivate = await anna.Client.CreateSelection(new { name = m + " a-private", kind = "dynamic", criteria = Persons(Marked(m)) });
        var annasShared = await anna.Client.CreateSelection(new { name = m + " a-shared", kind = "dynamic", criteria = Persons(Marked(m)), visibility = "everyone" });
        var bertsPrivate = await bert.Client.CreateSelection(new { name = m + " b-private", kind = "static", memberIds = Array.Empty<int>() });

        var seenByBert = (await bert.Client.GetOk("/api/selections")).Items().Where(s => s.Str("name")!.StartsWith(m)).ToList();

        Assert.Equal([annasShared.Int("id"), bertsPrivate.Int("id")], seenByBert.Select(s => s.Int("id")));
        Assert.Equal("everyone", seenByBert[0].Str("visibility"));
        Assert.Equal(anna.Id, seenByBert[0].Int("ownerId"));
        Assert.Equal(anna.UserName, seenByBert[0].Str("ownerName"));
        Assert.Equal(0, seenByBert[1].Int("memberCount"));
        Assert.Equal("private", annasPrivate.Str("visibility"));
        Assert.DoesNotContain((await bert.Client.GetOk("/api/selections?entity=company")).Items(), s => s.Str("name")!.StartsWith(m));
    }

    [Fact]
    public async Task AnotherUsersPrivateSelectionDoesNotExistForYou()
    {
        var anna = await app.NewUser();
        var bert = await app.NewUser();
        var m = Unique.Name("Private");
        var person = (await anna.Client.Person(new { firstName = "a", lastName = m })).Int("id");
        var selection = await anna.Client.CreateSelection(new { name = m, kind = "static", memberIds = new[] { person } });
        var url = $"/api/selections/{selection.Int("id")}";

        await (await bert.Client.Get(url)).ShouldBeProblem(404, "notFound");
        await (await bert.Client.Get(url + "/members")).ShouldBeProblem(404, "notFound");
        await (await bert.Client.Get(url + "/export.csv")).ShouldBeProblem(404, "notFound");
        await (await bert.Client.PutJson(url, new { name = "mine now" })).ShouldBeProblem(404, "notFound");
        await (await bert.Client.PostJson(url + "/members", new { ids = new[] { person } })).ShouldBeProblem(404, "notFound");
        await (await bert.Client.Delete(url)).ShouldBeProblem(404, "notFound");
        Assert.Equal(m, (await anna.Client.GetOk(url)).Str("name"));
    }

    [Fact]
    public async Task ASharedSelectionCanBeReadByOthersButOnlyChangedByItsOwnerOrAnAdmin()
    {
        var anna = await app.NewUser();
        var bert = await app.NewUser();
        var m = Unique.Name("Shared");
        var person = (await anna.Client.Person(new { firstName = "a", lastName = m })).Int("id");
        var selection = await anna.Client.CreateSelection(new { name = m, kind = "static", memberIds = new[] { person }, visibility = "everyone" });
        var url = $"/api/selections/{selection.Int("id")}";

        Assert.Equal(m, (await bert.Client.GetOk(url)).Str("name"));
        Assert.Equal([person], await bert.Client.MemberIds(selection.Int("id")));
        await (await bert.Client.Get(url + "/export.csv")).ShouldBe200Csv();
        await (await bert.Client.PutJson(url, new { name = "taken over" })).ShouldBeProblem(403, "forbidden");
        await (await bert.Client.PostJson(url + "/members", new { ids = new[] { person } })).ShouldBeProblem(403, "forbidden");
        await (await bert.Client.Delete(url)).ShouldBeProblem(403, "forbidden");
        Assert.Equal(m, (await anna.Client.GetOk(url)).Str("name"));
        await (await (await app.Admin()).PutJson(url, new { description = "Tidied by the admin." })).ShouldBe(200);
    }

    [Fact]
    public async Task RenamingAndChangingCriteriaNeedTheCurrentETag()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Put");
        var a = (await admin.Person(new { firstName = "a", lastName = m, title = "Buyer" })).Int("id");
        var b = (await admin.Person(new { firstName = "b", lastName = m, title = "CEO" })).Int("id");
        var created = await admin.PostJson("/api/selections", new { name = m, kind = "dynamic", criteria = Persons(Marked(m), Line("person.title", "equals", "buyer")) });
        var id = (await created.ShouldBe(201)).Int("id");
        var url = $"/api/selections/{id}";

        var put = await admin.PutJson(url, new { name = m + " CEOs", criteria = Persons(Marked(m), Line("person.title", "equals", "ceo")) }, created.ETag());
        var renamed = await put.ShouldBe(200);
        await (await admin.PutJson(url, new { name = "stale" }, created.ETag())).ShouldBeProblem(412, "preconditionFailed");

        Assert.Equal(m + " CEOs", renamed.Str("name"));
        Assert.NotEqual(created.ETag(), put.ETag());
        Assert.Equal([b], await admin.MemberIds(id));
        Assert.DoesNotContain(a, await admin.MemberIds(id));
        await (await admin.PutJson(url, new { description = "Only the CEOs." }, put.ETag())).ShouldBe(200);
        Assert.Equal(m + " CEOs", (await admin.GetOk(url)).Str("name"));
    }

    [Fact]
    public async Task ADeletedSelectionIsGoneAndAStaleDeleteIsRefused()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Delete");
        var created = await admin.PostJson("/api/selections", new { name = m, kind = "static", memberIds = Array.Empty<int>() });
        var url = $"/api/selections/{(await created.ShouldBe(201)).Int("id")}";
        var renamed = await admin.PutJson(url, new { name = m + " renamed" });
        await renamed.ShouldBe(200);

        await (await admin.Delete(url, created.ETag())).ShouldBeProblem(412, "preconditionFailed");
        await (await admin.Delete(url, renamed.ETag())).ShouldBe(204);

        await (await admin.Get(url)).ShouldBeProblem(404, "notFound");
        await (await admin.Get(url + "/members")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task InvalidSelectionsAreRefusedWith422AndWriteNothing()
    {
        var admin = await app.Admin();
        var criteria = Persons(Line("person.lastName", "equals", "x"));
        var before = await app.Snapshot();

        await (await admin.PostJson("/api/selections", new { kind = "dynamic", criteria })).ShouldBeInvalid("name");
        await (await admin.PostJson("/api/selections", new { name = new string('x', 201), kind = "dynamic", criteria })).ShouldBeInvalid("name");
        await (await admin.PostJson("/api/selections", new { name = "x", kind = "smart", criteria })).ShouldBeInvalid("kind");
        await (await admin.PostJson("/api/selections", new { name = "x", kind = "dynamic" })).ShouldBeInvalid("criteria");
        await (await admin.PostJson("/api/selections", new { name = "x", kind = "static", criteria, memberIds = new[] { 1 } })).ShouldBeInvalid("memberIds");
        await (await admin.PostJson("/api/selections", new { name = "x", kind = "dynamic", criteria, visibility = "public" })).ShouldBeInvalid("visibility");
        await (await admin.PostJson("/api/selections", new { name = "x", kind = "dynamic", criteria, entity = "company" })).ShouldBeInvalid("entity");
        await (await admin.PostJson("/api/selections", new { name = "x", kind = "dynamic", criteria = Persons(Line("person.nope", "equals", "x")) }))
            .ShouldBeInvalidCriteria("sets[0].lines[0].field");

        await app.AssertUnchangedSince(before);
        var selection = await admin.CreateSelection(new { name = Unique.Name("Valid"), kind = "dynamic", criteria });
        var url = $"/api/selections/{selection.Int("id")}";
        await (await admin.PutJson(url, new { visibility = "public" })).ShouldBeInvalid("visibility");
        await (await admin.PutJson(url, new { criteria = new { entity = "company", sets = new[] { new { lines = new[] { Line("company.name", "equals", "x") } } } } }))
            .ShouldBeInvalid("criteria");
        await (await admin.PutJson(url, new { criteria = Persons(Line("person.firstName", "before", "2024-01-01")) }))
            .ShouldBeInvalidCriteria("sets[0].lines[0].operator");
    }
}

public sealed class SelectionsAccessApiTestsOnSqlite(SqliteApp app) : SelectionsAccessApiTests(app), IClassFixture<SqliteApp>;

public sealed class SelectionsAccessApiTestsOnPostgres(PostgresApp app) : SelectionsAccessApiTests(app), IClassFixture<PostgresApp>;
