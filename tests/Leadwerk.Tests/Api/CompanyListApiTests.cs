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
