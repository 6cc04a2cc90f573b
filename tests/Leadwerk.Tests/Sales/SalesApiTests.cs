using System.Globalization;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Sales;

/// <summary>The sales API (F16): create, read, filtered keyset lists, merge patch with ETags, closing and reopening.</summary>
public abstract class SalesApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ASaleIsCreatedWithDefaultsAndReadBackWithLocationAndETag()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        var company = await admin.CreateOwnedCompany(owner.Id);
        var person = await admin.CreatePerson(company.Int("id"), "Jansen", "Piet");

        var created = await admin.PostJson("/api/sales", new
        {
            companyId = company.Int("id"), personId = person.Int("id"), title = "  Ten licences  ", amount = 1234567890123.45m,
            expectedCloseDate = "2027-03-31",
        });

        var sale = await created.ShouldBe(201);
        var id = sale.Int("id");
        Assert.Equal($"/api/sales/{id}", created.Headers.Location?.ToString());
        Assert.Equal("\"1\"", created.ETag());
        Assert.Equal("Ten licences", sale.Str("title"));
        Assert.Equal("open", sale.Str("status"));
        Assert.Equal("EUR", sale.Str("currency"));
        Assert.Equal(1234567890123.45m, sale["amount"]!.GetValue<decimal>());
        Assert.Equal(owner.Id, sale.IntOrNull("ownerId"));
        Assert.Equal(owner.UserName, sale.Str("ownerName"));
        Assert.Equal(company.Str("name"), sale.Str("companyName"));
        Assert.Equal("Piet Jansen", sale.Str("personName"));
        Assert.Equal("2027-03-31", sale.Str("expectedCloseDate"));
        Assert.Null(sale["closedAt"]);
        Assert.Null(sale["lostReasonId"]);
        // The answer to a change adds what lead categorization rules propose (none here); a read is the sale alone.
        Assert.Empty(sale["suggestions"]!.AsArray());
        sale.AsObject().Remove("suggestions");
        var fetched = await admin.Get($"/api/sales/{id}");
        Assert.Equal(sale.ToJsonString(), (await fetched.ShouldBe(200)).ToJsonString());
        Assert.Equal("\"1\"", fetched.ETag());
    }

    [Fact]
    public async Task TheListFiltersByCompanyPersonStatusAndOwner()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var other = (await admin.CreateCompany("Lead")).Int("id");
        var person = (await admin.CreatePerson(company)).Int("id");
        var open = (await admin.CreateSale(company, person)).Int("id");
        var sold = (await admin.CreateSale(company, status: "sold", ownerId: owner.Id)).Int("id");
        var stalled = (await admin.CreateSale(company, person, status: "stalled")).Int("id");
        var elsewhere = (await admin.CreateSale(other, status: "sold", ownerId: owner.Id)).Int("id");

        Assert.Equal([stalled, sold, open], await admin.SaleIds($"companyId={company}"));
        Assert.Equal([stalled, open], await admin.SaleIds($"personId={person}"));
        Assert.Equal([stalled, open], await admin.SaleIds($"companyId={company}&status=open,%20STALLED"));
        Assert.Equal([sold], await admin.SaleIds($"companyId={company}&status=sold"));
        Assert.Equal([elsewhere, sold], await admin.SaleIds($"ownerId={owner.Id}"));
        Assert.Equal([elsewhere], await admin.SaleIds($"ownerId={owner.Id}&companyId={other}"));
        var allSold = (await admin.GetOk("/api/sales?status=sold&limit=200"))["items"]!.Items();
        Assert.All(allSold, s => Assert.Equal("sold", s.Str("status")));
        Assert.Contains(allSold, s => s.Int("id") == sold);
        await (await admin.Get("/api/sales?status=open,won")).ShouldBeInvalid("status");
    }

    [Fact]
    public async Task TheListPagesNewestFirstAcrossPagesWithEverySaleOnce()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var created = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await admin.CreateSale(company)).Int("id"));
        }

        var seen = new List<int>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await admin.GetOk($"/api/sales?companyId={company}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(page["items"]!.Items().Select(i => i.Int("id")));
            cursor = page.Str("nextCursor");
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
        await (await admin.Get("/api/sales?cursor=not-a-cursor")).ShouldBeProblem(400, "invalidCursor");
        await (await admin.Get("/api/sales?limit=0")).ShouldBeInvalid("limit");
    }

    [Fact]
    public async Task APatchChangesOnlyTheGivenFieldsAndAStaleIfMatchIs412()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var person = (await admin.CreatePerson(company)).Int("id");
        var sale = await admin.CreateSale(company, person, amount: 10m);
        var url = $"/api/sales/{sale.Int("id")}";
        var first = (await admin.Get(url)).ETag();

        var patched = await admin.PatchJson(url, new { amount = 2500.5m, currency = "usd", personId = (int?)null }, first);

        var body = await patched.ShouldBe(200);
        Assert.Equal(2500.5m, body["amount"]!.GetValue<decimal>());
        Assert.Equal("USD", body.Str("currency"));
        Assert.Null(body["personId"]);
        Assert.Equal(sale.Str("title"), body.Str("title"));
        Assert.Equal("open", body.Str("status"));
        Assert.Equal("\"2\"", patched.ETag());
        var before = await app.Snapshot();
        await (await admin.PatchJson(url, new { title = "Too late" }, first)).ShouldBeProblem(412, "preconditionFailed");
        await (await admin.Delete(url, first)).ShouldBeProblem(412, "preconditionFailed");
        await app.AssertUnchangedSince(before);
        await (await admin.Delete(url, patched.ETag())).ShouldBe(204);
        await (await admin.Get(url)).ShouldBeProblem(404, "notFound");
        await (await admin.PatchJson(url, new { title = "Gone" })).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task ClosingASaleSetsClosedAtAndReopeningClearsItWithTheLostReason()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var price = await admin.LostReasonId("Price");
        var url = $"/api/sales/{(await admin.CreateSale(company)).Int("id")}";

        var sold = await admin.PatchJson(url, new { status = "sold" });
        var soldAt = DateTime.Parse((await sold.ShouldBe(200)).Str("closedAt")!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.True(DateTime.UtcNow - soldAt < TimeSpan.FromMinutes(5));
        var lost = await (await admin.PatchJson(url, new { status = "lost", lostReasonId = price })).ShouldBe(200);
        Assert.NotNull(lost.Str("closedAt"));
        Assert.Equal(price, lost.IntOrNull("lostReasonId"));
        Assert.Equal("Prijs", (await admin.GetOk(url, "nl")).Str("lostReason"));
        var renamed = await (await admin.PatchJson(url, new { title = "Still lost" })).ShouldBe(200);
        Assert.Equal(lost.Str("closedAt"), renamed.Str("closedAt"));

        var reopened = await (await admin.PatchJson(url, new { status = "stalled" })).ShouldBe(200);

        Assert.Equal("stalled", reopened.Str("status"));
        Assert.Null(reopened["closedAt"]);
        Assert.Null(reopened["lostReasonId"]);
        Assert.Null(reopened["lostReason"]);
        var createdLost = await admin.CreateSale(company, status: "lost", lostReasonId: price);
        Assert.NotNull(createdLost.Str("closedAt"));
    }

    [Fact]
    public async Task ACompanyWithSalesCannotBeDeletedAndADeletedPersonLeavesItsSalesWithoutContact()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var companyId = company.Int("id");
        var person = (await admin.CreatePerson(companyId)).Int("id");
        var sale = (await admin.CreateSale(companyId, person)).Int("id");

        await (await admin.Delete($"/api/persons/{person}")).ShouldBe(204);

        var kept = await admin.GetOk($"/api/sales/{sale}");
        Assert.Null(kept["personId"]);
        Assert.Null(kept["personName"]);
        var before = await app.Snapshot();
        var refused = await (await admin.Delete($"/api/companies/{companyId}")).ShouldBeProblem(409, "companyHasSales");
        Assert.Contains(company.Str("name")!, refused.Str("detail")!);
        await app.AssertUnchangedSince(before);
        await (await admin.Delete($"/api/sales/{sale}")).ShouldBe(204);
        await (await admin.Delete($"/api/companies/{companyId}")).ShouldBe(204);
    }

    [Fact]
    public async Task SalesNeedALoginAndAPlainUserMayWorkWithThem()
    {
        var admin = await app.Admin();
        var user = await app.NewUser();
        var company = (await admin.CreateCompany("Lead")).Int("id");

        await (await app.Anonymous().Get("/api/sales")).ShouldBeProblem(401, "unauthorized");
        await (await app.Anonymous().PostJson("/api/sales", new { companyId = company, title = "X" })).ShouldBeProblem(401, "unauthorized");
        var sale = await user.Client.CreateSale(company);
        Assert.Equal("open", sale.Str("status"));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesSalesAndLostReasonsWithTheirTagsAndTypes()
    {
        var document = await app.Anonymous().GetOk("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        var list = paths["/api/sales"]!["get"]!;
        Assert.Equal("Sales", list["tags"]![0]!.GetValue<string>());
        Assert.Contains(list["parameters"]!.AsArray(), p => p!.Str("name") == "status");
        Assert.NotNull(paths["/api/sales"]!["post"]!["responses"]!["201"]);
        Assert.NotNull(paths["/api/sales/{id}"]!["patch"]);
        Assert.Equal("Lists", paths["/api/lost-reasons"]!["get"]!["tags"]![0]!.GetValue<string>());
        Assert.NotNull(paths["/api/lost-reasons/{id}/restore"]!["post"]);
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.True(schemas.ContainsKey("SaleDto"), string.Join(", ", schemas.Select(s => s.Key)));
        Assert.True(schemas.ContainsKey("LostReasonDto"));
    }
}

public sealed class SalesApiTestsOnSqlite(SqliteApp app) : SalesApiTests(app), IClassFixture<SqliteApp>;

public sealed class SalesApiTestsOnPostgres(PostgresApp app) : SalesApiTests(app), IClassFixture<PostgresApp>;
