using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Persons;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task FindsPersonsAndCompaniesByPhoneWrittenOtherwiseThanTheQuery()
    {
        var admin = await app.Admin();
        var digits = Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var company = await Created(admin.PostJson("/api/companies", new
        {
            name = Unique.Name("Bel"), categoryId = await admin.CategoryId("Lead"), phone = $"+31 (0)20-{digits[..4]} {digits[4..]}",
        }));
        var person = await Created(admin.PostJson("/api/persons", new
        {
            companyId = company.Int("id"), firstName = "Fien", lastName = Unique.Name("Bel"), phone = $"06 - {digits[..4]}.{digits[4..]}",
        }));

        var byNational = await admin.GetOk($"/api/search/global?q={Uri.EscapeDataString($"06{digits[..3]}")}");
        var byInternational = await admin.GetOk($"/api/search/global?q={Uri.EscapeDataString($"+31 6 {digits[..4]}")}");
        var companyByNational = await admin.GetOk($"/api/search/global?q={Uri.EscapeDataString($"(020) {digits}")}");
        var companyByDoubleZero = await admin.GetOk($"/api/search/global?q={Uri.EscapeDataString($"0031 20 {digits[..2]}")}");

        var hit = byNational["persons"]!.Items().Single(h => h.Int("id") == person.Int("id"));
        Assert.Contains($"06 - {digits[..4]}.{digits[4..]}", hit.Str("subtitle"));
        Assert.Contains(byInternational["persons"]!.Items(), h => h.Int("id") == person.Int("id"));
        Assert.Contains(companyByNational["companies"]!.Items(), h => h.Int("id") == company.Int("id"));
        Assert.Contains(companyByDoubleZero["companies"]!.Items(), h => h.Int("id") == company.Int("id"));
    }

    [Fact]
    public async Task FewerThanFourDigitsOrOtherCharactersAreNoPhoneSearch()
    {
        var admin = await app.Admin();
        var digits = Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var person = await Created(admin.PostJson("/api/persons", new { firstName = "Kort", lastName = Unique.Name("Bel"), phone = digits }));

        var three = await Persons(admin, digits[..3]);
        var withLetter = await Persons(admin, $"{digits[..6]}x");
        var four = (await admin.GetOk($"/api/search/global?q={digits[..4]}&limit=20"))["persons"]!.Items();

        Assert.DoesNotContain(three, h => h.Int("id") == person.Int("id"));
        Assert.DoesNotContain(withLetter, h => h.Int("id") == person.Int("id"));
        Assert.Contains(four, h => h.Int("id") == person.Int("id"));
    }

    [Fact]
    public async Task FindsCompaniesByEmailStartIgnoringCase()
    {
        var admin = await app.Admin();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var company = await Created(admin.PostJson("/api/companies", new
        {
            name = Unique.Name("Post"), categoryId = await admin.CategoryId("Lead"), email = $"Info.{tag}@Example.com",
        }));

        var found = (await admin.GetOk($"/api/search/global?q=INFO.{tag}%40exa"))["companies"]!.Items();

        Assert.Equal(company.Int("id"), Assert.Single(found).Int("id"));
    }

    [Fact]
    public async Task FirstAndLastNameFindTheOnePersonBehindMoreThanAThousandWithThatLastName()
    {
        var admin = await app.Admin();
        var lastName = $"De Vries{Guid.NewGuid().ToString("N")[..8]}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
            db.Actor.Set(Actor.System(Channel.Api));
            db.Persons.AddRange(Enumerable.Range(0, 1_100).Select(_ => new Person { FirstName = "Piet", LastName = lastName }));
            await db.SaveChangesAsync();
        }

        var jan = await Created(admin.PostJson("/api/persons", new { firstName = "Jan Willem", lastName }));
        var anne = await Created(admin.PostJson("/api/persons", new { firstName = "Anne", lastName = $"{lastName} Jansen" }));

        var byFirstLast = await Persons(admin, $"jan {lastName}");
        var byTwoFirstNames = await Persons(admin, $"Jan Willem {lastName}");
        var byLastNameStart = await Persons(admin, $"anne {lastName} jan");

        Assert.Equal([jan.Int("id")], byFirstLast.Select(h => h.Int("id")));
        Assert.Equal([jan.Int("id")], byTwoFirstNames.Select(h => h.Int("id")));
        Assert.Equal([anne.Int("id")], byLastNameStart.Select(h => h.Int("id")));
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
