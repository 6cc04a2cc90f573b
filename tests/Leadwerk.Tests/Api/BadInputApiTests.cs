using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

/// <summary>Bad input always gets a 4xx ProblemDetails with a `code`, never a 500, and writes nothing.</summary>
public abstract class BadInputApiTests(LeadwerkApp app)
{
    [Theory]
    [InlineData("/api/companies")]
    [InlineData("/api/persons")]
    [InlineData("/api/categories")]
    [InlineData("/api/lead-statuses")]
    [InlineData("/api/users")]
    [InlineData("/api/auth/token")]
    public async Task MalformedJsonIsRefusedWith400AndWritesNothing(string url)
    {
        var admin = await app.Admin();
        var before = await app.Snapshot();

        await (await admin.SendRaw(HttpMethod.Post, url, "{\"name\": \"Bakker\",")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Post, url, "")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Post, url, "{\"name\": \"x\"}", "text/plain")).ShouldBeProblem(415, "malformedRequest");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task MalformedJsonInAPatchIsRefusedWith400AndWritesNothing()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"));
        var company = await admin.CreateCompany("Lead");
        var before = await app.Snapshot();

        await (await admin.SendRaw(HttpMethod.Patch, $"/api/persons/{person.Int("id")}", "{\"title\": ")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Patch, $"/api/persons/{person.Int("id")}", "[1, 2]")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Patch, $"/api/companies/{company.Int("id")}", "\"name\"")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Patch, "/api/users/me", "{")).ShouldBeProblem(400, "malformedRequest");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task WrongTypesAreRefusedWith400AndWriteNothing()
    {
        var admin = await app.Admin();
        var leadId = await admin.CategoryId("Lead");
        var person = await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"));
        var personUrl = $"/api/persons/{person.Int("id")}";
        var company = await admin.CreateCompany("Lead");
        var before = await app.Snapshot();

        await (await admin.PostJson("/api/companies", new { name = 42, categoryId = leadId })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PostJson("/api/companies", new { name = "X", categoryId = "Lead" })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PostJson("/api/persons", new { lastName = "X", companyId = new[] { 1 } })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PostJson("/api/categories", new { name = "X", group = "other", leadStatusEnabled = "yes" })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PostJson("/api/lead-statuses", new { name = "X", isDefault = 1 })).ShouldBeProblem(400, "malformedRequest");
        var patch = await (await admin.PatchJson(personUrl, new { firstName = 5 })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PatchJson(personUrl, new { leadStatusId = "Qualified" })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PatchJson(personUrl, new { companyId = 1.5 })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PatchJson(personUrl, new { companyId = 3_000_000_000L })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PostJson("/api/persons", new { lastName = "X", companyId = 3_000_000_000L })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PatchJson(personUrl, new { categoryId = true })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PatchJson($"/api/companies/{company.Int("id")}", new { name = new { en = "X" } })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PatchJson("/api/users/me", new { language = 7 })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.Get("/api/categories?includeDeleted=maybe")).ShouldBeProblem(400, "malformedRequest");

        Assert.True(patch["errors"]!.AsObject().ContainsKey("firstName"));
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task MissingNamesAreRefusedWith422NamingTheFieldAndWriteNothing()
    {
        var admin = await app.Admin();
        var leadId = await admin.CategoryId("Lead");
        var company = await admin.CreateCompany("Lead");
        var before = await app.Snapshot();

        var noCompanyFields = await (await admin.PostJson("/api/companies", new { })).ShouldBeInvalid("name");
        Assert.True(noCompanyFields["errors"]!.AsObject().ContainsKey("categoryId"));
        await (await admin.PostJson("/api/companies", new { name = "   ", categoryId = leadId })).ShouldBeInvalid("name");
        await (await admin.PatchJson($"/api/companies/{company.Int("id")}", new { name = (string?)null })).ShouldBeInvalid("name");
        await (await admin.PostJson("/api/categories", new { group = "other" })).ShouldBeInvalid("name");
        await (await admin.PostJson("/api/lead-statuses", new { description = "No name." })).ShouldBeInvalid("name");
        await (await admin.PostJson("/api/users", new { password = "long-enough-password" })).ShouldBeInvalid("userName");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task PersonWithNeitherFirstNorLastNameIsRefusedWith422AndWritesNothing()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var person = await admin.CreatePerson(company.Int("id"));
        var before = await app.Snapshot();

        await (await admin.PostJson("/api/persons", new { companyId = company.Int("id") })).ShouldBeInvalid("lastName");
        await (await admin.PostJson("/api/persons", new { firstName = " ", lastName = "" })).ShouldBeInvalid("lastName");
        await (await admin.PatchJson($"/api/persons/{person.Int("id")}", new { firstName = "", lastName = (string?)null })).ShouldBeInvalid("lastName");

        await app.AssertUnchangedSince(before);
        await (await admin.PostJson("/api/persons", new { firstName = "Only" })).ShouldBe(201);
    }

    [Fact]
    public async Task OverLongStringsAreRefusedWith422AndWriteNothing()
    {
        var admin = await app.Admin();
        var leadId = await admin.CategoryId("Lead");
        var company = await admin.CreateCompany("Lead");
        var person = await admin.CreatePerson(company.Int("id"));
        var before = await app.Snapshot();

        await (await admin.PostJson("/api/companies", new { name = new string('n', 201), categoryId = leadId })).ShouldBeInvalid("name");
        await (await admin.PostJson("/api/companies", new { name = "X", categoryId = leadId, website = new string('w', 301) })).ShouldBeInvalid("website");
        await (await admin.PatchJson($"/api/companies/{company.Int("id")}", new { orgNumber = new string('1', 101) })).ShouldBeInvalid("orgNumber");
        await (await admin.PostJson("/api/persons", new { firstName = new string('f', 101), lastName = "X" })).ShouldBeInvalid("firstName");
        await (await admin.PatchJson($"/api/persons/{person.Int("id")}", new { title = new string('t', 101) })).ShouldBeInvalid("title");
        await (await admin.PatchJson($"/api/persons/{person.Int("id")}", new { email = new string('e', 250) + "@x.example" })).ShouldBeInvalid("email");
        await (await admin.PostJson("/api/lead-statuses", new { name = "X", description = new string('d', 501) })).ShouldBeInvalid("descriptions.en");
        await (await admin.PatchJson("/api/users/me", new { displayName = new string('d', 101) })).ShouldBeInvalid("displayName");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task InvalidEmailIsRefusedWith422AndWritesNothing()
    {
        var admin = await app.Admin();
        var leadId = await admin.CategoryId("Lead");
        var before = await app.Snapshot();

        await (await admin.PostJson("/api/companies", new { name = "X", categoryId = leadId, email = "not an e-mail" })).ShouldBeInvalid("email");
        await (await admin.PostJson("/api/persons", new { lastName = "X", email = "@" })).ShouldBeInvalid("email");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task NulCharactersAreDroppedSoBothDatabasesStoreTheSameText()
    {
        var admin = await app.Admin();
        var leadId = await admin.CategoryId("Lead");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var person = await admin.CreatePerson(null, $"Zz{tag}");

        var company = await admin.SendRaw(HttpMethod.Post, "/api/companies", $$"""{"name": "Nul\u0000Company", "categoryId": {{leadId}}}""");
        var patch = await admin.SendRaw(HttpMethod.Patch, $"/api/persons/{person.Int("id")}", """{"title": "\u0000"}""");
        var search = await admin.Get($"/api/persons?search=Zz%00{tag}");

        Assert.Equal("NulCompany", (await company.ShouldBe(201)).Str("name"));
        Assert.Null((await patch.ShouldBe(200)).Str("title"));
        Assert.Equal(person.Int("id"), Assert.Single((await search.ShouldBe(200))["items"]!.Items()).Int("id"));
    }

    [Fact]
    public async Task HalfASurrogatePairIsRefusedWith400AndWritesNothing()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePerson(null);
        var before = await app.Snapshot();

        await (await admin.SendRaw(HttpMethod.Patch, $"/api/persons/{person.Int("id")}", """{"title": "Lone\uD800"}"""))
            .ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Post, "/api/persons", """{"lastName": "Lone\uD800"}""")).ShouldBeProblem(400, "malformedRequest");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task DutchRequestsGetDutchValidationMessages()
    {
        var admin = await app.Admin();

        var problem = await (await admin.PostJson("/api/persons", new { firstName = "" }, language: "nl")).ShouldBeInvalid("lastName");

        Assert.Contains("voornaam", problem["errors"]!["lastName"]![0]!.GetValue<string>());
        Assert.Equal("Sommige waarden zijn ongeldig.", problem.Str("title"));
        var notFound = await (await admin.Get("/api/persons/987654", "nl")).ShouldBeProblem(404, "notFound");
        Assert.Equal("Niet gevonden.", notFound.Str("title"));
        Assert.Equal("De persoon is niet gevonden.", notFound.Str("detail"));
        using var anonymous = app.Anonymous();
        var unauthorized = await (await anonymous.Get("/api/persons", "nl")).ShouldBeProblem(401, "unauthorized");
        Assert.Equal("U bent niet ingelogd.", unauthorized.Str("title"));
    }

    [Fact]
    public async Task UnknownApiRouteIs404ProblemDetails()
    {
        var admin = await app.Admin();

        await (await admin.Get("/api/nothing-here")).ShouldBeProblem(404, "notFound");
        await (await admin.Get("/api/persons/not-a-number")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task WrongMethodIs405ProblemDetails()
    {
        var admin = await app.Admin();

        var response = await admin.PutJson("/api/persons", new { lastName = "X" });

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class BadInputApiTestsOnSqlite(SqliteApp app) : BadInputApiTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputApiTestsOnPostgres(PostgresApp app) : BadInputApiTests(app), IClassFixture<PostgresApp>;
