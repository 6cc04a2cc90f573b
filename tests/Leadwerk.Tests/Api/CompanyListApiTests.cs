using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

public abstract class CompanyListApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task FiltersByCategoryGroupOwnerAndCountryAndCountsOnlyTheMatches()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        var tag = Unique.Key("cl");
        var mine = await Create(admin, "Lead", $"{tag} a", owner.Id, "Nederland");
        await Create(admin, "Lead", $"{tag} b", null, "Nederland");
        await Create(admin, "Customer", $"{tag} c", owner.Id, "Nederland");
        await Create(admin, "Lead", $"{tag} d", owner.Id, "België");
        var lead = await admin.CategoryId("Lead");

        var page = await admin.GetOk($"/api/companies?search={tag}&category={lead}&owner={owner.Id}&country=Nederland&count=true");

        Assert.Equal([mine.Int("id")], page["items"]!.Items().Select(i => i.Int("id")));
        Assert.Equal(1, page.IntOrNull("count"));
        var customers = await admin.GetOk($"/api/companies?search={tag}&categoryGroup=customer&count=true");
        Assert.Equal([$"{tag} c"], customers["items"]!.Items().Select(i => i.Str("name")));
        var all = await admin.GetOk($"/api/companies?search={tag}&count=true");
        Assert.Equal(4, all.IntOrNull("count"));
        Assert.Null((await admin.GetOk($"/api/companies?search={tag}")).IntOrNull("count"));
    }

    [Fact]
    public async Task SortsByCountryWithEmptyCountriesLastAndPagesWithoutSkippingOrRepeating()
    {
        var admin = await app.Admin();
        var tag = Unique.Key("cs");
        var countries = new[] { "Duitsland", null, "België", "Nederland", "België", null, "Aruba" };
        var ids = new List<int>();
        for (var i = 0; i < countries.Length; i++)
        {
            ids.Add((await Create(admin, "Lead", $"{tag} {i}", null, countries[i])).Int("id"));
        }

        var ascending = await Walk(admin, $"/api/companies?search={tag}&sort=country&limit=2");
        var descending = await Walk(admin, $"/api/companies?search={tag}&sort=-country&limit=3");

        var expected = ids.Zip(countries).OrderBy(x => x.Second is null).ThenBy(x => x.Second, StringComparer.Ordinal).ThenBy(x => x.First)
            .Select(x => x.First).ToList();
        Assert.Equal(expected, ascending);
        var expectedDown = ids.Zip(countries).OrderBy(x => x.Second is null).ThenByDescending(x => x.Second, StringComparer.Ordinal)
            .ThenByDescending(x => x.First).Select(x => x.First).ToList();
        Assert.Equal(expectedDown, descending);
    }

    [Fact]
    public async Task SortsByCreationNewestFirst()
    {
        var admin = await app.Admin();
        var tag = Unique.Key("cc");
        var first = await Create(admin, "Lead", $"{tag} z", null, null);
        var second = await Create(admin, "Lead", $"{tag} a", null, null);

        var page = await admin.GetOk($"/api/companies?search={tag}&sort=-createdAt");

        Assert.Equal([second.Int("id"), first.Int("id")], page["items"]!.Items().Select(i => i.Int("id")));
    }

    [Fact]
    public async Task SortsByOwnerNameWithoutOwnerLastAndPagesBothWaysWithoutSkippingOrRepeating()
    {
        var admin = await app.Admin();
        var tag = Unique.Key("co");
        var users = new[] { await app.NewUser(), await app.NewUser(), await app.NewUser() };
        var owners = new int?[] { users[1].Id, null, users[0].Id, users[2].Id, users[1].Id, null, users[0].Id, users[1].Id };
        var ids = new List<int>();
        for (var i = 0; i < owners.Length; i++)
        {
            ids.Add((await Create(admin, "Lead", $"{tag} {i}", owners[i], null)).Int("id"));
        }

        var ascending = await Walk(admin, $"/api/companies?search={tag}&sort=owner&limit=3");
        var descending = await Walk(admin, $"/api/companies?search={tag}&sort=-owner&limit=2");

        var names = users.ToDictionary(u => u.Id, u => u.UserName);
        var rows = ids.Zip(owners, (id, owner) => (Id: id, Name: owner is { } o ? names[o] : null));
        Assert.Equal(rows.OrderBy(r => r.Name is null).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => r.Id), ascending);
        Assert.Equal(rows.OrderBy(r => r.Name is null).ThenByDescending(r => r.Name, StringComparer.Ordinal).ThenByDescending(r => r.Id)
            .Select(r => r.Id), descending);
    }

    [Fact]
    public async Task SortsByCreationBothWaysAcrossPagesWithoutSkippingOrRepeating()
    {
        var admin = await app.Admin();
        var tag = Unique.Key("cd");
        var created = new List<(int Id, DateTime At)>();
        for (var i = 0; i < 5; i++)
        {
            var company = await Create(admin, "Lead", $"{tag} {4 - i}", null, null);
            created.Add((company.Int("id"), company["createdAt"]!.GetValue<DateTime>()));
        }

        var oldestFirst = await Walk(admin, $"/api/companies?search={tag}&sort=createdAt&limit=2");
        var newestFirst = await Walk(admin, $"/api/companies?search={tag}&sort=-createdAt&limit=2");

        Assert.Equal(created.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => c.Id), oldestFirst);
        Assert.Equal(created.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Select(c => c.Id), newestFirst);
    }

    [Fact]
    public async Task AnOwnerCursorWhoseNameNoUserHasAnyMoreStillContinuesAfterThatName()
    {
        var admin = await app.Admin();
        // "~" sorts after every letter, so only companies without an owner come after it.
        var cursor = Convert.ToBase64String("""{"N":false,"V":"~~~","I":1}"""u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var page = await admin.GetOk($"/api/companies?sort=owner&cursor={cursor}&limit=20");

        Assert.All(page["items"]!.AsArray(), c => Assert.Null(c!["ownerId"]?.GetValue<int?>()));
    }

    [Theory]
    [InlineData("sort=shoeSize", "sort")]
    [InlineData("sort=person.lastName", "sort")]
    [InlineData("category=987654", "category")]
    [InlineData("category=leads", "category")]
    [InlineData("categoryGroup=friends", "categoryGroup")]
    [InlineData("owner=987654", "owner")]
    public async Task UnknownSortOrFilterValueIsRefusedWith400NamingTheParameter(string query, string field)
    {
        var admin = await app.Admin();

        var problem = await (await admin.Get($"/api/companies?{query}")).ShouldBeProblem(400, "malformedRequest");

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field));
    }

    private static async Task<JsonNode> Create(HttpClient admin, string category, string name, int? ownerId, string? country)
    {
        var response = await admin.PostJson("/api/companies", new { name, categoryId = await admin.CategoryId(category), ownerId, country });
        return await response.ShouldBe(201);
    }

    private static async Task<List<int>> Walk(HttpClient admin, string url)
    {
        var seen = new List<int>();
        string? cursor = null;
        do
        {
            var page = await admin.GetOk(url + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(page["items"]!.Items().Select(i => i.Int("id")));
            cursor = page.Str("nextCursor");
        }
        while (cursor is not null);

        return seen;
    }
}

public sealed class CompanyListApiTestsOnSqlite(SqliteApp app) : CompanyListApiTests(app), IClassFixture<SqliteApp>;

public sealed class CompanyListApiTestsOnPostgres(PostgresApp app) : CompanyListApiTests(app), IClassFixture<PostgresApp>;
