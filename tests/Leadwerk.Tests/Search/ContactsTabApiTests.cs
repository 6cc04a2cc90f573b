using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Search.Crit;

namespace Leadwerk.Tests.Search;

/// <summary>GET /api/companies/{id}/persons: the company's persons through the engine, with group counts over all of them.</summary>
public abstract class ContactsTabApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ItShowsOnlyTheCompanysPersonsWithTheDefaultColumns()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var mine = (await admin.Person(new { companyId = company, firstName = "Lotte", lastName = "Bakker", email = "l@example.com", phone = "06-1" })).Int("id");
        await admin.Person(new { companyId = (await admin.CreateCompany("Lead")).Int("id"), firstName = "Other", lastName = "Bakker" });

        var page = await admin.GetOk($"/api/companies/{company}/persons");
        var item = page["items"]!.Items().Single().AsObject();

        Assert.Equal(mine, item.Int("id"));
        Assert.Equal(["id", "person.email", "person.firstName", "person.lastName", "person.leadStatus", "person.leadStatusActive", "person.leadStatusId", "person.owner", "person.ownerId",
            "person.phone"],
            item.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Open", item.Str("person.leadStatus"));
        Assert.Null(page["groups"]);
        Assert.Null(page["count"]);
        Assert.Null(page.Str("nextCursor"));
    }

    [Fact]
    public async Task GroupCountsCoverAllTheCompanysPersonsNotOnlyThePage()
    {
        var admin = await app.Admin();
        var (company, ids) = await CompanyWithStatuses(admin);

        var page = await admin.GetOk($"/api/companies/{company}/persons?groupBy=person.leadStatus&limit=2&count=true");
        var dutch = await admin.GetOk($"/api/companies/{company}/persons?groupBy=person.leadStatus&limit=2", "nl");

        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.Equal(ids.Count, page.Int("count"));
        Assert.Equal([("Open", 2), ("Contacting", 3), ("Qualified", 1), ("(none)", 1)], Groups(page));
        Assert.Equal(await admin.StatusId("Contacting") + "", page["groups"]![1]!.Str("key"));
        Assert.Null(page["groups"]![3]!.Str("key"));
        Assert.Equal(("(geen)", 1), Groups(dutch)[^1]);
        Assert.Equal("Contact opnemen", Groups(dutch)[1].Name);
    }

    [Fact]
    public async Task FiltersNarrowTheRowsAndTheGroupCounts()
    {
        var admin = await app.Admin();
        var (company, _) = await CompanyWithStatuses(admin);
        var contacting = await admin.StatusId("Contacting");
        var filter = Uri.EscapeDataString(new JsonArray(
            JsonNode.Parse($$"""{ "field": "person.leadStatus", "operator": "notOneOf", "values": [{{contacting}}] }"""),
            JsonNode.Parse("""{ "field": "person.firstName", "operator": "startsWith", "values": ["p"] }""")).ToJsonString());

        var page = await admin.GetOk($"/api/companies/{company}/persons?filter={filter}&groupBy=person.leadStatus&columns=person.firstName&count=true");

        Assert.Equal(4, page.Int("count"));
        Assert.Equal([("Open", 2), ("Qualified", 1), ("(none)", 1)], Groups(page));
        Assert.All(page["items"]!.Items(), i => Assert.StartsWith("P", i.Str("person.firstName")));
    }

    [Fact]
    public async Task SortAndCursorWalkEveryPersonOnce()
    {
        var admin = await app.Admin();
        var (company, ids) = await CompanyWithStatuses(admin);
        var url = $"/api/companies/{company}/persons?sort=-person.leadStatus&limit=2&columns=person.firstName,person.leadStatus";

        var items = await SearchCalls.Walk(cursor => admin.GetOk(cursor is null ? url : $"{url}&cursor={cursor}"));

        Assert.Equal(ids.Order(), items.Select(i => i.Int("id")).Order());
        Assert.Equal(["Qualified", "Contacting", "Contacting", "Contacting", "Open", "Open", null], items.Select(i => i.Str("person.leadStatus")));
    }

    [Fact]
    public async Task AnUnknownCompanyIs404AndBadFiltersAreRefused()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var badLine = Uri.EscapeDataString("""[{ "field": "person.firstName", "operator": "before", "values": ["2024-01-01"] }]""");

        await (await admin.Get("/api/companies/987654/persons")).ShouldBeProblem(404, "notFound");
        await (await admin.Get($"/api/companies/{company}/persons?filter=%5B%7B")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.Get($"/api/companies/{company}/persons?filter=%7B%7D")).ShouldBeProblem(400, "malformedRequest");
        var problem = await (await admin.Get($"/api/companies/{company}/persons?filter={badLine}")).ShouldBeProblem(422, "invalidCriteria");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("sets[0].lines[0].operator"), problem.ToJsonString());
        await (await admin.Get($"/api/companies/{company}/persons?groupBy=person.firstName")).ShouldBeInvalid("groupBy");
        await (await admin.Get($"/api/companies/{company}/persons?sort=person.nope")).ShouldBeInvalid("sort");
        await (await admin.Get($"/api/companies/{company}/persons?cursor=abc")).ShouldBeProblem(400, "invalidCursor");
    }

    /// <summary>Seven persons: Open 2, Contacting 3, Qualified 1, and one without status (as old data can be).</summary>
    private async Task<(int Company, List<int> Ids)> CompanyWithStatuses(HttpClient admin)
    {
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var contacting = await admin.StatusId("Contacting");
        var qualified = await admin.StatusId("Qualified");
        var ids = new List<int>();
        foreach (var (first, status) in new[] { ("Pia", (int?)null), ("Cor", contacting), ("Pam", qualified), ("Chris", contacting), ("Pete", null), ("Cas", contacting), ("Pol", null) })
        {
            ids.Add((await admin.Person(new { companyId = company, firstName = first, lastName = "Contact", leadStatusId = status })).Int("id"));
        }

        await app.ClearLeadStatus(ids[^1]);
        return (company, ids);
    }

    private static List<(string? Name, int Count)> Groups(JsonNode page) =>
        page["groups"]!.Items().Select(g => (g.Str("name"), g.Int("count"))).ToList();
}

public sealed class ContactsTabApiTestsOnSqlite(SqliteApp app) : ContactsTabApiTests(app), IClassFixture<SqliteApp>;

public sealed class ContactsTabApiTestsOnPostgres(PostgresApp app) : ContactsTabApiTests(app), IClassFixture<PostgresApp>;
