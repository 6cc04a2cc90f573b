using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Sales;

/// <summary>What a sale refuses (F16): people of other companies, lost reasons off a lost sale, invalid and malformed values.</summary>
public abstract class SaleRulesApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ALostReasonIsOnlyAcceptedForALostSale()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var price = await admin.LostReasonId("Price");
        var sale = await admin.CreateSale(company, status: "lost", lostReasonId: price);
        var before = await app.Snapshot();

        await (await admin.PostJson("/api/sales", new { companyId = company, title = "X", status = "open", lostReasonId = price }))
            .ShouldBeInvalid("lostReasonId");
        await (await admin.PostJson("/api/sales", new { companyId = company, title = "X", lostReasonId = price })).ShouldBeInvalid("lostReasonId");
        await (await admin.PatchJson($"/api/sales/{sale.Int("id")}", new { status = "sold", lostReasonId = price })).ShouldBeInvalid("lostReasonId");
        await (await admin.PatchJson($"/api/sales/{sale.Int("id")}", new { lostReasonId = 987654 })).ShouldBeInvalid("lostReasonId");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task APersonOfAnotherCompanyIsRefusedWith422()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var other = (await admin.CreateCompany("Lead")).Int("id");
        var stranger = (await admin.CreatePerson(other)).Int("id");
        var own = (await admin.CreatePerson(company)).Int("id");
        var sale = await admin.CreateSale(company, own);
        var before = await app.Snapshot();

        var problem = await (await admin.PostJson("/api/sales", new { companyId = company, personId = stranger, title = "X" }, "nl"))
            .ShouldBeInvalid("personId");
        await (await admin.PatchJson($"/api/sales/{sale.Int("id")}", new { personId = stranger })).ShouldBeInvalid("personId");
        await (await admin.PatchJson($"/api/sales/{sale.Int("id")}", new { companyId = other })).ShouldBeInvalid("personId");
        await (await admin.PostJson("/api/sales", new { companyId = company, personId = 987654, title = "X" })).ShouldBeInvalid("personId");

        Assert.Contains("contactpersoon", problem.Str("detail")!);
        await app.AssertUnchangedSince(before);
        var moved = await (await admin.PatchJson($"/api/sales/{sale.Int("id")}", new { companyId = other, personId = stranger })).ShouldBe(200);
        Assert.Equal(other, moved.Int("companyId"));
    }

    [Fact]
    public async Task ADeletedLostReasonCannotBePickedButStaysOnItsSales()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var reason = await admin.CreateLostReason();
        var kept = await admin.CreateSale(company, status: "lost", lostReasonId: reason.Int("id"));
        var other = await admin.CreateSale(company, status: "lost");

        await (await admin.Delete($"/api/lost-reasons/{reason.Int("id")}")).ShouldBe(204);

        Assert.Equal(reason.Str("name"), (await admin.GetOk($"/api/sales/{kept.Int("id")}")).Str("lostReason"));
        var retitled = await (await admin.PatchJson($"/api/sales/{kept.Int("id")}", new { title = "Kept", lostReasonId = reason.Int("id") })).ShouldBe(200);
        Assert.Equal(reason.Int("id"), retitled.IntOrNull("lostReasonId"));
        var before = await app.Snapshot();
        await (await admin.PatchJson($"/api/sales/{other.Int("id")}", new { lostReasonId = reason.Int("id") })).ShouldBeInvalid("lostReasonId");
        await (await admin.PostJson("/api/sales", new { companyId = company, title = "X", status = "lost", lostReasonId = reason.Int("id") }))
            .ShouldBeInvalid("lostReasonId");
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task InvalidValuesAre422WithAnErrorsMapAndWriteNothing()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var sale = await admin.CreateSale(company);
        var before = await app.Snapshot();

        var problem = await (await admin.PostJson("/api/sales", new { companyId = company, title = " ", amount = -1m, currency = "EURO", status = "won" }))
            .ShouldBeInvalid("title");
        foreach (var field in new[] { "amount", "currency", "status" })
        {
            Assert.True(problem["errors"]!.AsObject().ContainsKey(field), field);
        }

        await (await admin.PostJson("/api/sales", new { title = "No company" })).ShouldBeInvalid("companyId");
        await (await admin.PostJson("/api/sales", new { companyId = 987654, title = "X" })).ShouldBeInvalid("companyId");
        await (await admin.PostJson("/api/sales", new { companyId = company, title = new string('t', 201) })).ShouldBeInvalid("title");
        await (await admin.PostJson("/api/sales", new { companyId = company, title = "X", amount = 1.005m })).ShouldBeInvalid("amount");
        await (await admin.PostJson("/api/sales", new { companyId = company, title = "X", amount = 1e17m })).ShouldBeInvalid("amount");
        await (await admin.PostJson("/api/sales", new { companyId = company, title = "X", currency = "€1" })).ShouldBeInvalid("currency");
        await (await admin.PostJson("/api/sales", new { companyId = company, title = "X", ownerId = 987654 })).ShouldBeInvalid("ownerId");
        var url = $"/api/sales/{sale.Int("id")}";
        await (await admin.PatchJson(url, new { amount = (decimal?)null })).ShouldBeInvalid("amount");
        await (await admin.PatchJson(url, new { status = (string?)null })).ShouldBeInvalid("status");
        await (await admin.PatchJson(url, new { companyId = (int?)null })).ShouldBeInvalid("companyId");
        await (await admin.PatchJson(url, new { title = new string('x', 100_000) })).ShouldBeInvalid("title");
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task WrongTypesAndMalformedBodiesAre400NeverA500()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var url = $"/api/sales/{(await admin.CreateSale(company)).Int("id")}";
        var before = await app.Snapshot();

        await (await admin.SendRaw(HttpMethod.Post, "/api/sales", $$"""{"companyId":{{company}},"title":"X","amount":"lots"}""")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Post, "/api/sales", $$"""{"companyId":{{company}},"title":"X","expectedCloseDate":"2026-13-40"}"""))
            .ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Post, "/api/sales", $$"""{"companyId":{{company}},"title":"X","amount":1e400}""")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Post, "/api/sales", "{not json")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Patch, url, """{"amount":"12"}""")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Patch, url, """{"expectedCloseDate":"31-12-2026"}""")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Patch, url, """{"personId":"x"}""")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Patch, url, """{"title":5}""")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Patch, url, """{"amount":1e400}""")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PatchJson(url, new { title = "X" }, "\"abc\"")).ShouldBeProblem(400, "malformedRequest");

        await app.AssertUnchangedSince(before);
        var dated = await (await admin.PatchJson(url, new { expectedCloseDate = "2026-12-31" })).ShouldBe(200);
        Assert.Equal("2026-12-31", dated.Str("expectedCloseDate"));
    }
}

public sealed class SaleRulesApiTestsOnSqlite(SqliteApp app) : SaleRulesApiTests(app), IClassFixture<SqliteApp>;

public sealed class SaleRulesApiTestsOnPostgres(PostgresApp app) : SaleRulesApiTests(app), IClassFixture<PostgresApp>;
