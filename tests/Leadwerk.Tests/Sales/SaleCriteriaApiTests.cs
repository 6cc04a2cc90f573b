using Leadwerk.Tests.Infrastructure;
using Leadwerk.Tests.Search;

namespace Leadwerk.Tests.Sales;

/// <summary>Find's sale criteria: company.saleStatus (any sale in the statuses, or none) and person.hasOpenSale.</summary>
public abstract class SaleCriteriaApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task CompaniesAreFoundByTheStatusesOfTheirSales()
    {
        var admin = await app.Admin();
        var marker = Unique.Name("Sc").Replace(" ", "");
        var both = (await admin.CreateCompany("Lead", marker + " both")).Int("id");
        var soldOnly = (await admin.CreateCompany("Lead", marker + " sold")).Int("id");
        var none = (await admin.CreateCompany("Lead", marker + " none")).Int("id");
        await admin.CreateSale(both, status: "open");
        await admin.CreateSale(both, status: "lost");
        await admin.CreateSale(soldOnly, status: "sold");

        Assert.Equal([both], await Companies(admin, marker, "oneOf", "open"));
        Assert.Equal([both, soldOnly], await Companies(admin, marker, "oneOf", "lost", "sold"));
        Assert.Equal([none, soldOnly], await Companies(admin, marker, "notOneOf", "open", "stalled"));
        Assert.Equal([both, none, soldOnly], await Companies(admin, marker, "notOneOf", "stalled"));
        var bad = await admin.PostSearch(CompanyCriteria(marker, Crit.Line("company.saleStatus", "oneOf", "won")));
        await bad.ShouldBeProblem(422, "invalidCriteria");
        var empty = await admin.PostSearch(CompanyCriteria(marker, Crit.Line("company.saleStatus", "isEmpty")));
        await empty.ShouldBeProblem(422, "invalidCriteria");
    }

    [Fact]
    public async Task PersonsAreFoundByWhetherTheyHaveAnOpenSale()
    {
        var admin = await app.Admin();
        var marker = Unique.Name("Hs").Replace(" ", "");
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var withOpen = (await admin.CreatePerson(company, marker + "a")).Int("id");
        var withLost = (await admin.CreatePerson(company, marker + "b")).Int("id");
        var without = (await admin.CreatePerson(company, marker + "c")).Int("id");
        await admin.CreateSale(company, withOpen, status: "open");
        await admin.CreateSale(company, withOpen, status: "sold");
        await admin.CreateSale(company, withLost, status: "lost");

        Assert.Equal([withOpen], await admin.Ids(Crit.Persons(Crit.Marked(marker), Crit.Line("person.hasOpenSale", "oneOf", true))));
        Assert.Equal([withLost, without], await admin.Ids(Crit.Persons(Crit.Marked(marker), Crit.Line("person.hasOpenSale", "oneOf", "false"))));
        Assert.Equal([withOpen, withLost, without], await admin.Ids(Crit.Persons(Crit.Marked(marker), Crit.Line("person.hasOpenSale", "oneOf", true, false))));
        await (await admin.PostSearch(Crit.Persons(Crit.Line("person.hasOpenSale", "notOneOf", true)))).ShouldBeProblem(422, "invalidCriteria");
        await (await admin.PostSearch(Crit.Persons(Crit.Line("person.hasOpenSale", "oneOf", "maybe")))).ShouldBeProblem(422, "invalidCriteria");
    }

    [Fact]
    public async Task TheSaleCriteriaAreListedWithTheirValuesButAreNoColumnsOrSortKeys()
    {
        var admin = await app.Admin();

        var companyFields = (await admin.GetOk("/api/search/fields?entity=company", "nl")).Items().ToDictionary(f => f.Str("key")!);
        var personFields = (await admin.GetOk("/api/search/fields?entity=person", "nl")).Items().ToDictionary(f => f.Str("key")!);

        var status = companyFields["company.saleStatus"];
        Assert.Equal("Verkoopstatus", status.Str("label"));
        Assert.Equal(["oneOf", "notOneOf"], status["operators"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["open", "sold", "lost", "stalled"], status["values"]!.AsArray().Select(v => v!.Str("id")));
        Assert.Equal(["Open", "Verkocht", "Verloren", "Gestopt"], status["values"]!.AsArray().Select(v => v!.Str("name")));
        Assert.False(status.Bool("column"));
        var open = personFields["person.hasOpenSale"];
        Assert.Equal("Heeft een open verkoop", open.Str("label"));
        Assert.Equal(["oneOf"], open["operators"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["true", "false"], open["values"]!.AsArray().Select(v => v!.Str("id")));
        Assert.True(personFields["person.lastName"].Bool("column"));
        await (await admin.PostSearch(Crit.Persons(Crit.Marked("x")), columns: ["person.hasOpenSale"])).ShouldBeInvalid("columns");
        await (await admin.PostSearch(Crit.Persons(Crit.Marked("x")), sort: "person.hasOpenSale")).ShouldBeInvalid("sort");
    }

    private static object CompanyCriteria(string marker, object line) =>
        new { entity = "company", sets = new[] { new { lines = new[] { Crit.Line("company.name", "startsWith", marker), line } } } };

    private static async Task<List<int>> Companies(HttpClient client, string marker, string op, params object[] values) =>
        SearchCalls.ItemIds(await client.Search(CompanyCriteria(marker, Crit.Line("company.saleStatus", op, values)), ["company.name"], limit: 50));
}

public sealed class SaleCriteriaApiTestsOnSqlite(SqliteApp app) : SaleCriteriaApiTests(app), IClassFixture<SqliteApp>;

public sealed class SaleCriteriaApiTestsOnPostgres(PostgresApp app) : SaleCriteriaApiTests(app), IClassFixture<PostgresApp>;
