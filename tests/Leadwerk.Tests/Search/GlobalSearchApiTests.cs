using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Search;

public abstract class GlobalSearchApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task FindsPersonsByLastNameFullNameOrEmailStartIgnoringCaseAndAccents()
    {
        var admin = await app.Admin();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var company = await admin.CreateCompany("Lead", $"Globaal {tag} BV");
        var person = await Created(admin.PostJson("/api/persons", new
        {
            companyId = company.Int("id"), firstName = "Émile", lastName = $"Öztürk{tag}", email = $"emile.{tag}@example.com",
        }));
        await admin.CreatePerson(null, $"Other{tag}");

        var byStart = await Persons(admin, $"ÖZTÜRK{tag[..4]}");
        var byFullName = await Persons(admin, $"emile öztürk{tag}");
        var byEmail = await Persons(admin, $"EMILE.{tag}");
        var noMiddle = await Persons(admin, $"ztürk{tag}");

        var hit = byStart.Single(h => h.Int("id") == person.Int("id"));
        Assert.Equal($"Émile Öztürk{tag}", hit.Str("title"));
        Assert.Equal($"/persons/{person.Int("id")}", hit.Str("url"));
        Assert.Contains($"Globaal {tag} BV", hit.Str("subtitle"));
        Assert.Contains(byFullName, h => h.Int("id") == person.Int("id"));
        Assert.Contains(byEmail, h => h.Int("id") == person.Int("id"));
        Assert.DoesNotContain(noMiddle, h => h.Int("id") == person.Int("id"));
    }

    [Fact]
    public async Task FindsCompaniesByNameOrOrgNumberStart()
    {
        var admin = await app.Admin();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var org = $"KVK{tag}";
        var created = await Created(admin.PostJson("/api/companies", new
        {
            name = $"Zoekbaar {tag} BV", categoryId = await admin.CategoryId("Lead"), orgNumber = org, country = "Nederland",
        }));

        var byName = (await admin.GetOk($"/api/search/global?q=zoekbaar%20{tag}"))["companies"]!.Items();
        var byOrg = (await admin.GetOk($"/api/search/global?q={org[..8]}"))["companies"]!.Items();

        var hit = Assert.Single(byName);
        Assert.Equal(created.Int("id"), hit.Int("id"));
        Assert.Equal($"/companies/{created.Int("id")}", hit.Str("url"));
        Assert.Contains("Nederland", hit.Str("subtitle"));
        Assert.Contains(byOrg, h => h.Int("id") == created.Int("id"));
    }

    [Fact]
    public async Task FindsOwnAndSharedSelectionsButNeverAnotherUsersPrivateOne()
    {
        var me = await app.NewUser();
        var other = await app.NewUser();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var mine = await Selection(me.Client, $"Mijn {tag}", "private");
        var shared = await Selection(other.Client, $"Gedeeld {tag}", "everyone");
        await Selection(other.Client, $"Geheim {tag}", "private");

        var found = (await me.Client.GetOk($"/api/search/global?q={tag}"))["selections"]!.Items();

        Assert.Equal([shared.Int("id"), mine.Int("id")], found.Select(h => h.Int("id")));
        Assert.Equal($"/selections/{mine.Int("id")}", found[1].Str("url"));
    }

    [Fact]
    public async Task KeepsToTheLimitAndAnswersEmptyForAnEmptyQuery()
    {
        var admin = await app.Admin();
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 4; i++)
        {
            await admin.CreatePerson(null, $"Limit{tag}{i}");
        }

        var two = (await admin.GetOk($"/api/search/global?q=limit{tag}&limit=2"))["persons"]!.Items();
        var empty = await admin.GetOk("/api/search/global?q=%20");

        Assert.Equal([$"Test Limit{tag}0", $"Test Limit{tag}1"], two.Select(h => h.Str("title")));
        Assert.Empty(empty["persons"]!.Items());
        Assert.Empty(empty["companies"]!.Items());
        Assert.Empty(empty["selections"]!.Items());
    }

    [Theory]
    [InlineData("q=a&limit=0", "limit")]
    [InlineData("q=a&limit=21", "limit")]
    public async Task LimitOutsideOneToTwentyIsRefusedWith400(string query, string field)
    {
        var admin = await app.Admin();

        var problem = await (await admin.Get($"/api/search/global?{query}")).ShouldBeProblem(400, "malformedRequest");

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task AnonymousCallerIsRefusedWith401()
    {
        var response = await app.Anonymous().Get("/api/search/global?q=a");

        await response.ShouldBeProblem(401, "unauthorized");
    }

    private static async Task<List<JsonNode>> Persons(HttpClient client, string q) =>
        (await client.GetOk($"/api/search/global?q={Uri.EscapeDataString(q)}"))["persons"]!.Items();

    private static async Task<JsonNode> Created(Task<HttpResponseMessage> response) => await (await response).ShouldBe(201);

    private static Task<JsonNode> Selection(HttpClient client, string name, string visibility) =>
        Created(client.PostJson("/api/selections", new { name, entity = "person", kind = "static", visibility }));
}

public sealed class GlobalSearchApiTestsOnSqlite(SqliteApp app) : GlobalSearchApiTests(app), IClassFixture<SqliteApp>;

public sealed class GlobalSearchApiTestsOnPostgres(PostgresApp app) : GlobalSearchApiTests(app), IClassFixture<PostgresApp>;
