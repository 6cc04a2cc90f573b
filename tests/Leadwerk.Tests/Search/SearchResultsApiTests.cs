using System.Buffers.Text;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Common;
using static Leadwerk.Tests.Search.Crit;

namespace Leadwerk.Tests.Search;

/// <summary>What a search returns: counts only when asked, the requested columns with list ids, any sort, keyset pages.</summary>
public abstract class SearchResultsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task CountIsExactWhenAskedAndAbsentOtherwise()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Count");
        for (var i = 0; i < 5; i++)
        {
            await admin.Person(new { firstName = $"P{i}", lastName = m });
        }

        var plain = await admin.Search(Persons(Marked(m)), limit: 2);
        var counted = await admin.Search(Persons(Marked(m)), limit: 2, count: true);
        var endpoint = await (await admin.PostJson("/api/search/count", Persons(Marked(m), Line("person.firstName", "notEquals", "p0")))).ShouldBe(200);

        Assert.Null(plain["count"]);
        Assert.Equal(5, counted.Int("count"));
        Assert.Equal(2, counted["items"]!.AsArray().Count);
        Assert.Equal(4, endpoint.Int("count"));
    }

    [Fact]
    public async Task ItemsHoldTheIdTheRequestedColumnsAndTheIdsBehindListColumns()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        var m = Unique.Name("Cols");
        var company = await (await admin.PostJson("/api/companies", new
        {
            name = Unique.Name("Co"), categoryId = await admin.CategoryId("Lead"), ownerId = owner.Id, country = "NL",
        })).ShouldBe(201);
        var contacting = await admin.StatusId("Contacting");
        var person = await admin.Person(new
        {
            companyId = company.Int("id"), firstName = "Lotte", lastName = m, email = "lotte@example.com", leadStatusId = contacting, ownerId = owner.Id,
        });
        string[] columns = ["person.email", "person.leadStatus", "person.owner", "person.category", "person.categoryGroup", "company.name",
            "company.category", "company.owner", "company.country", "person.createdAt"];

        var item = (await admin.Search(Persons(Marked(m)), columns))["items"]![0]!.AsObject();
        var defaults = (await admin.Search(Persons(Marked(m))))["items"]![0]!.AsObject();

        Assert.Equal(person.Int("id"), item.Int("id"));
        Assert.Equal("lotte@example.com", item.Str("person.email"));
        Assert.Equal("Contacting", item.Str("person.leadStatus"));
        Assert.Equal(contacting, item.Int("person.leadStatusId"));
        Assert.Equal(owner.UserName, item.Str("person.owner"));
        Assert.Equal(owner.Id, item.Int("person.ownerId"));
        Assert.Equal("Lead", item.Str("person.category"));
        Assert.Equal(company.Int("categoryId"), item.Int("person.categoryId"));
        Assert.Equal("Potential customer", item.Str("person.categoryGroup"));
        Assert.Equal(company.Str("name"), item.Str("company.name"));
        Assert.Equal(company.Int("id"), item.Int("person.companyId"));
        Assert.Equal("Lead", item.Str("company.category"));
        Assert.Equal(company.Int("categoryId"), item.Int("company.categoryId"));
        Assert.Equal(owner.UserName, item.Str("company.owner"));
        Assert.Equal(owner.Id, item.Int("company.ownerId"));
        Assert.Equal("NL", item.Str("company.country"));
        Assert.True(DateTime.Parse(item.Str("person.createdAt")!).Year >= 2025);
        Assert.DoesNotContain("person.firstName", item.Select(p => p.Key));
        string[] defaultKeys = ["id", "person.firstName", "person.lastName", "company.name", "person.companyId", "person.email", "person.category",
            "person.categoryId", "person.leadStatus", "person.leadStatusActive", "person.leadStatusId", "person.owner", "person.ownerId"];
        Assert.Equal(defaultKeys.Order(StringComparer.Ordinal), defaults.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARenamedLeadStatusShowsInTheVeryNextSearch()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Renamed");
        var name = Unique.Name("Warm");
        var status = await (await admin.PostJson("/api/lead-statuses", new { name })).ShouldBe(201);
        var lead = (await admin.CreateCompany("Lead")).Int("id");
        await admin.Person(new { companyId = lead, firstName = "Rosa", lastName = m, leadStatusId = status.Int("id") });
        Assert.Equal(name, (await admin.Search(Persons(Marked(m))))["items"]![0]!.Str("person.leadStatus"));

        var fetched = await admin.Get($"/api/lead-statuses/{status.Int("id")}");
        await (await admin.PutJson($"/api/lead-statuses/{status.Int("id")}", new { name = name + " 2", description = "" }, fetched.ETag())).ShouldBe(200);

        Assert.Equal(name + " 2", (await admin.Search(Persons(Marked(m))))["items"]![0]!.Str("person.leadStatus"));
    }

    [Fact]
    public async Task CompanyCriteriaFindCompaniesWithCompanyColumns()
    {
        var anna = await app.NewUser();
        var m = Unique.Name("Firm");
        var categoryId = await anna.Client.CategoryId("Customer");
        var mine = await (await anna.Client.PostJson("/api/companies", new { name = m + " A", categoryId, ownerId = anna.Id, country = "NL" })).ShouldBe(201);
        await (await anna.Client.PostJson("/api/companies", new { name = m + " B", categoryId, country = "BE", ownerId = (int?)null })).ShouldBe(201);
        var criteria = new
        {
            entity = "company",
            sets = new[] { new { lines = new[] { Line("company.name", "startsWith", m), Line("company.owner", "oneOf", "me"), Line("company.categoryGroup", "oneOf", "customer") } } },
        };

        var page = await anna.Client.Search(criteria, count: true);
        var item = page["items"]!.Items().Single();

        Assert.Equal(1, page.Int("count"));
        Assert.Equal(mine.Int("id"), item.Int("id"));
        Assert.Equal("Customer", item.Str("company.category"));
        Assert.Equal(categoryId, item.Int("company.categoryId"));
        Assert.Equal("Customer", item.Str("company.categoryGroup"));
        Assert.Equal(anna.UserName, item.Str("company.owner"));
        Assert.Equal(anna.Id, item.Int("company.ownerId"));
        Assert.Equal("NL", item.Str("company.country"));
        Assert.Equal(m + " A", item.Str("company.name"));
    }

    [Fact]
    public async Task DescendingSortWalksEveryPageOnceWithTiesBrokenById()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Sort");
        var created = new List<(int Id, string First)>();
        foreach (var first in new[] { "Berend", "anna", "Berend", "Émile", "Cas", "anna", "Zoë" })
        {
            created.Add(((await admin.Person(new { firstName = first, lastName = m })).Int("id"), first));
        }

        // Names sort by their folded form: case and accents do not split "anna", "Émile" and "Cas" apart.
        var expected = created.OrderByDescending(p => TextKey.Of(p.First), StringComparer.Ordinal).ThenByDescending(p => p.Id).Select(p => p.Id).ToList();
        var walked = await SearchCalls.Walk(cursor => admin.Search(Persons(Marked(m)), ["person.firstName"], "-person.firstName", 2, cursor));

        Assert.Equal(expected, walked.Select(i => i.Int("id")).ToList());
    }

    [Fact]
    public async Task SortingByLeadStatusGoesByRankWithPersonsWithoutStatusLastEitherWay()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Rank");
        var lead = (await admin.CreateCompany("Lead")).Int("id");
        var qualified = (await admin.Person(new { companyId = lead, firstName = "q", lastName = m, leadStatusId = await admin.StatusId("Qualified") })).Int("id");
        var open = (await admin.Person(new { companyId = lead, firstName = "o", lastName = m })).Int("id");
        var none = (await admin.Person(new { firstName = "n", lastName = m })).Int("id");
        var contacting = (await admin.Person(new { companyId = lead, firstName = "c", lastName = m, leadStatusId = await admin.StatusId("Contacting") })).Int("id");

        async Task<List<int>> Walk(string sort) =>
            (await SearchCalls.Walk(cursor => admin.Search(Persons(Marked(m)), null, sort, 1, cursor))).Select(i => i.Int("id")).ToList();

        Assert.Equal([open, contacting, qualified, none], await Walk("person.leadStatus"));
        Assert.Equal([qualified, contacting, open, none], await Walk("-person.leadStatus"));
    }

    [Fact]
    public async Task UnknownColumnAndUnknownSortAre422AndABadCursorIs400()
    {
        var admin = await app.Admin();
        var criteria = Persons(Line("person.lastName", "equals", "x"));

        await (await admin.PostSearch(criteria, ["person.password"])).ShouldBeInvalid("columns");
        await (await admin.PostSearch(criteria, sort: "person.secret")).ShouldBeInvalid("sort");
        await (await admin.PostSearch(criteria, sort: "-")).ShouldBeInvalid("sort");
        await (await admin.PostSearch(criteria, limit: 0)).ShouldBeInvalid("limit");
        await (await admin.PostSearch(criteria, limit: 201)).ShouldBeInvalid("limit");
        await (await admin.PostSearch(criteria, cursor: "not-a-cursor")).ShouldBeProblem(400, "invalidCursor");
        await (await admin.PostSearch(criteria, cursor: "eyJ4IjoxfQ")).ShouldBeProblem(400, "invalidCursor");
        var huge = Base64Url.EncodeToString("""{"N":false,"V":"99999999999","I":1}"""u8);
        await (await admin.PostSearch(criteria, sort: "person.leadStatus", cursor: huge)).ShouldBeProblem(400, "invalidCursor");
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData("2024-01-01T00:00:00+02:00")]
    [InlineData("2024-01-01")]
    public async Task AHandMadeDateCursorWorksOnEveryProvider(string at)
    {
        var admin = await app.Admin();
        var m = Unique.Name("Made");
        var person = (await admin.Person(new { firstName = "a", lastName = m })).Int("id");
        var cursor = Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($$"""{"N":false,"V":"{{at}}","I":1}"""));

        Assert.Equal([person], SearchCalls.ItemIds(await admin.Search(Persons(Marked(m)), sort: "person.createdAt", cursor: cursor)));
    }

    [Fact]
    public async Task ACursorFromOneSortIsRefusedUnderAnotherSortInsteadOfFailing()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Cursor");
        await admin.Person(new { firstName = "a", lastName = m });
        await admin.Person(new { firstName = "b", lastName = m });
        var byName = await admin.Search(Persons(Marked(m)), sort: "person.firstName", limit: 1);

        var response = await admin.PostSearch(Persons(Marked(m)), sort: "person.createdAt", limit: 1, cursor: byName.Str("nextCursor"));

        await response.ShouldBeProblem(400, "invalidCursor");
    }
}

public sealed class SearchResultsApiTestsOnSqlite(SqliteApp app) : SearchResultsApiTests(app), IClassFixture<SqliteApp>;

public sealed class SearchResultsApiTestsOnPostgres(PostgresApp app) : SearchResultsApiTests(app), IClassFixture<PostgresApp>;
