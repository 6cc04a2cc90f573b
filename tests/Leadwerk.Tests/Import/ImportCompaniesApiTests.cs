using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Import;

/// <summary>Company imports: found by org number then name, their persons follow a category change, and a customer stays a customer (R12).</summary>
public abstract class ImportCompaniesApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task CompaniesAreFoundByOrgNumberThenByNameAndCreatedOtherwise()
    {
        var admin = await app.Admin();
        var byNumber = await (await admin.PostJson("/api/companies", new { name = Unique.Name("Old name"), categoryId = await admin.CategoryId("Lead"), orgNumber = Unique.Name("KVK") })).ShouldBe(201);
        var byName = await admin.CreateCompany("Lead");
        var newName = Unique.Name("New company");
        var csv = $"""
            Naam;KvK-nummer;Land;Categorie
            Renamed {byNumber.Str("name")};{byNumber.Str("orgNumber")};NL;
            {byName.Str("name")!.ToUpperInvariant()};;BE;
            {newName};;DE;Partner
            """;

        var run = await admin.RunImport(Companies(dryRun: false), csv);

        Assert.Equal((1, 2, 0, 0), run.Counts());
        var renamed = await admin.GetOk($"/api/companies/{byNumber.Int("id")}");
        Assert.Equal(($"Renamed {byNumber.Str("name")}", "NL"), (renamed.Str("name"), renamed.Str("country")));
        Assert.Equal((byName.Str("name"), "BE"), ((await admin.GetOk($"/api/companies/{byName.Int("id")}")).Str("name"), (await admin.GetOk($"/api/companies/{byName.Int("id")}")).Str("country")));
        var created = (await admin.GetOk($"/api/companies?search={Uri.EscapeDataString(newName)}"))["items"]!.AsArray().Single()!;
        Assert.Equal(("Partner", "DE"), (created.Str("category"), created.Str("country")));
    }

    [Fact]
    public async Task ARowMayNotMoveACustomerOutOfTheCustomerGroupButOtherRowsImport()
    {
        var admin = await app.Admin();
        var customer = await admin.CreateCompany("Customer");
        var lead = await admin.CreateCompany("Opportunity");
        var person = (await admin.CreatePerson(lead.Int("id"))).Int("id");
        var csv = $"name,category\n{customer.Str("name")},Lead\n{lead.Str("name")},Lead\n";

        var dry = await admin.DryRun(Companies(dryRun: true, matchBy: "name"), csv);
        var run = await admin.RunImport(Companies(dryRun: false, matchBy: "name"), csv);

        Assert.Equal((0, 1, 0, 1), dry.Counts());
        Assert.Equal(dry.Counts(), run.Counts());
        var error = Assert.Single(run.Errors());
        Assert.Equal(2, error.Line);
        Assert.Contains("Customer group", error.Reason);
        Assert.Equal("Customer", (await admin.GetOk($"/api/companies/{customer.Int("id")}")).Str("category"));
        var moved = await admin.GetPerson(person);
        Assert.Equal(("Lead", "Open"), (moved.Str("category"), moved.Str("leadStatus")));
        Assert.Equal("import", (await admin.History(person))[0].Str("channel"));
    }

    [Fact]
    public async Task RollbackOfACompanyImportPutsBackTheCategoryAndThePersonsStatusesAndRemovesNewCompanies()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Opportunity");
        var person = (await admin.CreatePerson(company.Int("id"))).Int("id");
        var newName = Unique.Name("Fresh");
        var csv = $"name,category,website\n{company.Str("name")},Lead,example.com\n{newName},Lead,\n";
        var run = await admin.RunImport(Companies(dryRun: false, matchBy: "name"), csv);

        var rolledBack = await admin.Rollback(run.Int("id"));

        Assert.Empty(rolledBack["rollbackSkipped"]!.AsArray());
        var back = await admin.GetOk($"/api/companies/{company.Int("id")}");
        Assert.Equal(("Opportunity", null), (back.Str("category"), back.Str("website")));
        Assert.Null((await admin.GetPerson(person)).IntOrNull("leadStatusId"));
        Assert.Empty((await admin.GetOk($"/api/companies?search={Uri.EscapeDataString(newName)}"))["items"]!.AsArray());
    }
}

public sealed class ImportCompaniesApiTestsOnSqlite(SqliteApp app) : ImportCompaniesApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportCompaniesApiTestsOnPostgres(PostgresApp app) : ImportCompaniesApiTests(app), IClassFixture<PostgresApp>;
