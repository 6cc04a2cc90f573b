using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Search.Crit;

namespace Leadwerk.Tests.Search;

/// <summary>Static and dynamic selections: what they hold, and how their members change.</summary>
public abstract class SelectionsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task APersonThatStartsMatchingShowsUpInTheDynamicSelectionButNotInTheStaticSnapshot()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Buyers");
        var buyer = (await admin.Person(new { firstName = "Ann", lastName = m, title = "Buyer" })).Int("id");
        var later = (await admin.Person(new { firstName = "Bob", lastName = m, title = "Clerk" })).Int("id");
        var criteria = Persons(Marked(m), Line("person.title", "equals", "buyer"));

        var dynamic = await admin.CreateSelection(new { name = m + " dynamic", kind = "dynamic", criteria });
        var snapshot = await admin.CreateSelection(new { name = m + " static", kind = "static", criteria });
        await admin.PatchPerson(later, new { title = "BUYER" });

        Assert.Equal("dynamic", dynamic.Str("kind"));
        Assert.Equal("person", dynamic.Str("entity"));
        Assert.Equal("buyer", dynamic["criteria"]!["sets"]![0]!["lines"]![1]!["values"]![0]!.GetValue<string>());
        Assert.Equal("static", snapshot.Str("kind"));
        Assert.Equal(1, snapshot.Int("memberCount"));
        Assert.Equal([buyer, later], await admin.MemberIds(dynamic.Int("id")));
        Assert.Equal([buyer], await admin.MemberIds(snapshot.Int("id")));
        Assert.Equal(2, (await admin.GetOk($"/api/selections/{dynamic.Int("id")}?count=true")).Int("memberCount"));
        Assert.Null((await admin.GetOk($"/api/selections/{dynamic.Int("id")}"))["memberCount"]);
    }

    [Fact]
    public async Task AnOwnerCannotHaveTwoSelectionsOfOneNameButAnotherUserCan()
    {
        var admin = await app.Admin();
        var other = await app.NewUser();
        var name = Unique.Name("Hot leads");
        var criteria = Persons(Line("person.lastName", "equals", name));
        var first = await admin.CreateSelection(new { name, kind = "dynamic", criteria });
        var second = await admin.CreateSelection(new { name = name + " 2", kind = "dynamic", criteria });

        var again = await admin.PostJson("/api/selections", new { name = $" {name.ToUpperInvariant()} ", kind = "dynamic", criteria });
        var renamed = await admin.PutJson($"/api/selections/{second.Int("id")}", new { name });
        var theirs = await other.Client.PostJson("/api/selections", new { name, kind = "dynamic", criteria });

        var problem = await again.ShouldBeProblem(409, "nameNotUnique");
        Assert.Contains("name", problem["errors"]!.AsObject().Select(e => e.Key));
        await renamed.ShouldBeProblem(409, "nameNotUnique");
        await theirs.ShouldBe(201);
        Assert.Equal(name + " 2", (await admin.GetOk($"/api/selections/{second.Int("id")}")).Str("name"));
        Assert.Equal(name, (await admin.GetOk($"/api/selections/{first.Int("id")}")).Str("name"));
    }

    [Fact]
    public async Task AStaticSelectionFromIdsKeepsTheKnownOnesAndDropsTheRest()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Ids");
        var a = (await admin.Person(new { firstName = "a", lastName = m })).Int("id");
        var b = (await admin.Person(new { firstName = "b", lastName = m })).Int("id");

        var selection = await admin.CreateSelection(new { name = m, kind = "static", memberIds = new[] { a, 987_654, b, a } });

        Assert.Equal(2, selection.Int("memberCount"));
        Assert.Null(selection["criteria"]);
        Assert.Equal([a, b], await admin.MemberIds(selection.Int("id")));
    }

    [Fact]
    public async Task MembersComePagedWithTheRequestedColumnsAndSort()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Page");
        var lead = (await admin.CreateCompany("Lead")).Int("id");
        var ids = new List<int>();
        foreach (var first in new[] { "Cas", "anna", "Bram", "Dirk", "Eva" })
        {
            ids.Add((await admin.Person(new { companyId = lead, firstName = first, lastName = m })).Int("id"));
        }

        var selection = await admin.CreateSelection(new { name = m, kind = "static", memberIds = ids });
        var url = $"/api/selections/{selection.Int("id")}/members?columns=person.firstName,person.leadStatus&sort=-person.firstName&limit=2";
        var items = await SearchCalls.Walk(cursor => admin.GetOk(cursor is null ? url : $"{url}&cursor={cursor}"));

        Assert.Equal(["Eva", "Dirk", "Cas", "Bram", "anna"], items.Select(i => i.Str("person.firstName")));
        Assert.All(items, i => Assert.Equal("Open", i.Str("person.leadStatus")));
        Assert.All(items, i => Assert.Equal(["id", "person.firstName", "person.leadStatus", "person.leadStatusActive", "person.leadStatusId"], i.AsObject().Select(p => p.Key).Order()));
        var counted = await admin.GetOk($"/api/selections/{selection.Int("id")}/members?limit=1&count=true");
        Assert.Equal(5, counted.Int("count"));
        await (await admin.Get($"/api/selections/{selection.Int("id")}/members?columns=person.nope")).ShouldBeInvalid("columns");
        await (await admin.Get($"/api/selections/{selection.Int("id")}/members?cursor=zzz")).ShouldBeProblem(400, "invalidCursor");
    }

    [Fact]
    public async Task MembersAreAddedToAndRemovedFromAStaticSelectionWithCounts()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Members");
        var a = (await admin.Person(new { firstName = "a", lastName = m })).Int("id");
        var b = (await admin.Person(new { firstName = "b", lastName = m })).Int("id");
        var c = (await admin.Person(new { firstName = "c", lastName = m })).Int("id");
        var selection = await admin.CreateSelection(new { name = m, kind = "static", memberIds = new[] { a } });
        var members = $"/api/selections/{selection.Int("id")}/members";

        var added = await (await admin.PostJson(members, new { ids = new[] { a, b, c, 987_654 } })).ShouldBe(200);
        var removed = await (await admin.SendJson(HttpMethod.Delete, members, new { ids = new[] { a, 987_654 } })).ShouldBe(200);

        Assert.Equal(2, added.Int("changed"));
        Assert.Equal(3, added.Int("memberCount"));
        Assert.Equal(1, removed.Int("changed"));
        Assert.Equal(2, removed.Int("memberCount"));
        Assert.Equal([b, c], await admin.MemberIds(selection.Int("id")));
        await (await admin.PostJson(members, new { ids = Array.Empty<int>() })).ShouldBeInvalid("ids");
    }

    [Fact]
    public async Task ADynamicSelectionRefusesMemberChangesWith409()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Dyn");
        var a = (await admin.Person(new { firstName = "a", lastName = m })).Int("id");
        var selection = await admin.CreateSelection(new { name = m, kind = "dynamic", criteria = Persons(Marked(m)) });
        var members = $"/api/selections/{selection.Int("id")}/members";

        await (await admin.PostJson(members, new { ids = new[] { a } })).ShouldBeProblem(409, "selectionIsDynamic");
        await (await admin.SendJson(HttpMethod.Delete, members, new { ids = new[] { a } })).ShouldBeProblem(409, "selectionIsDynamic");
        Assert.Equal([a], await admin.MemberIds(selection.Int("id")));
    }

    [Fact]
    public async Task ADynamicSelectionWithOwnerMeFindsItsOwnersPersons()
    {
        var anna = await app.NewUser();
        var m = Unique.Name("Me");
        var annas = (await anna.Client.Person(new { firstName = "a", lastName = m, ownerId = anna.Id })).Int("id");
        await anna.Client.Person(new { firstName = "b", lastName = m });

        var selection = await anna.Client.CreateSelection(new { name = m, kind = "dynamic", criteria = Persons(Marked(m), Line("person.owner", "oneOf", "me")) });

        Assert.Equal([annas], await anna.Client.MemberIds(selection.Int("id")));
    }
}

public static class SelectionCalls
{
    public static async Task<JsonNode> CreateSelection(this HttpClient client, object body) =>
        await (await client.PostJson("/api/selections", body)).ShouldBe(201);

    /// <summary>Every member id, sorted by first name unless told otherwise.</summary>
    public static async Task<List<int>> MemberIds(this HttpClient client, int selectionId, string sort = "person.firstName") =>
        (await SearchCalls.Walk(cursor => client.GetOk($"/api/selections/{selectionId}/members?sort={sort}&limit=200{(cursor is null ? "" : "&cursor=" + cursor)}")))
            .Select(i => i.Int("id")).ToList();

    public static Task<HttpResponseMessage> SendJson(this HttpClient client, HttpMethod method, string url, object body) =>
        client.SendRaw(method, url, System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web));
}

public sealed class SelectionsApiTestsOnSqlite(SqliteApp app) : SelectionsApiTests(app), IClassFixture<SqliteApp>;

public sealed class SelectionsApiTestsOnPostgres(PostgresApp app) : SelectionsApiTests(app), IClassFixture<PostgresApp>;
