using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

public abstract class CompaniesApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task CompanyIsCreatedReadChangedAndDeleted()
    {
        var user = (await app.NewUser()).Client;
        var leadId = await user.CategoryId("Lead");
        var name = Unique.Name("Van Dijk Logistiek");

        var created = await user.PostJson("/api/companies", new
        {
            name, categoryId = leadId, email = "info@vandijk.example", phone = "+31 20 123 4567", website = "https://vandijk.example",
            country = "Nederland", orgNumber = "12345678",
        });

        var company = await created.ShouldBe(201);
        var id = company.Int("id");
        Assert.Equal($"/api/companies/{id}", created.Headers.Location?.ToString());
        var fetched = await user.Get(created.Headers.Location!.ToString());
        var body = await fetched.ShouldBe(200);
        Assert.Equal("\"1\"", fetched.ETag());
        Assert.Equal(name, body.Str("name"));
        Assert.Equal(leadId, body.Int("categoryId"));
        Assert.Equal("Lead", body.Str("category"));
        Assert.Equal("potentialCustomer", body.Str("categoryGroup"));
        Assert.True(body.Bool("leadStatusActive"));
        Assert.Equal("info@vandijk.example", body.Str("email"));
        Assert.Equal("12345678", body.Str("orgNumber"));
        Assert.Equal(DateTimeKind.Utc, body["createdAt"]!.GetValue<DateTime>().Kind);

        var patched = await user.PatchJson($"/api/companies/{id}", new { phone = (string?)null, country = "België" }, fetched.ETag());
        var changed = await patched.ShouldBe(200);
        Assert.Null(changed.Str("phone"));
        Assert.Equal("België", changed.Str("country"));
        Assert.Equal(name, changed.Str("name"));
        Assert.Equal("\"2\"", patched.ETag());

        await (await user.Delete($"/api/companies/{id}", patched.ETag())).ShouldBe(204);
        await (await user.Get($"/api/companies/{id}")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task StaleIfMatchIsRefusedWith412AndWritesNothing()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var url = $"/api/companies/{company.Int("id")}";
        var first = (await admin.Get(url)).ETag();
        var second = (await admin.PatchJson(url, new { country = "Nederland" }, first)).ETag();
        var before = await app.Snapshot();

        await (await admin.PatchJson(url, new { country = "Deutschland" }, first)).ShouldBeProblem(412, "preconditionFailed");
        await (await admin.Delete(url, first)).ShouldBeProblem(412, "preconditionFailed");
        await (await admin.PatchJson(url, new { country = "Deutschland" }, "\"not-a-version\"")).ShouldBeProblem(400, "malformedRequest");

        await app.AssertUnchangedSince(before);
        var matching = await admin.PatchJson(url, new { country = "Deutschland" }, second);
        Assert.Equal("Deutschland", (await matching.ShouldBe(200)).Str("country"));
        Assert.NotEqual(second, matching.ETag());
    }

    [Fact]
    public async Task KeysetPagingWalksEveryCompanyExactlyOnce()
    {
        var admin = await app.Admin();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var names = new[] { "B", "A", "C", "B", "E", "D", "B" }.Select(n => $"{tag} {n}").ToList();
        var ids = new List<int>();
        foreach (var name in names)
        {
            ids.Add((await admin.CreateCompany("Other", name)).Int("id"));
        }

        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/companies?search={tag}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await admin.GetOk(url);
            var items = page["items"]!.Items();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items.Select(i => i.Int("id")));
            cursor = page.Str("nextCursor");
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(4, pages);
        Assert.Equal(ids.Order(), seen.Order());
        var expected = names.Zip(ids).OrderBy(x => x.First, StringComparer.Ordinal).ThenBy(x => x.Second).Select(x => x.Second);
        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("aGVsbG8")]
    [InlineData("eyJOIjo1fQ")]
    [InlineData("eyJYIjoxfQ")]
    [InlineData("bnVsbA")]
    public async Task MalformedCursorIsRefusedWith400(string cursor)
    {
        var admin = await app.Admin();

        var problem = await (await admin.Get($"/api/companies?cursor={Uri.EscapeDataString(cursor)}")).ShouldBeProblem(400, "invalidCursor");

        Assert.True(problem["errors"]!.AsObject().ContainsKey("cursor"));
        await (await admin.Get($"/api/persons?cursor={Uri.EscapeDataString(cursor)}")).ShouldBeProblem(400, "invalidCursor");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("-5")]
    public async Task LimitOutsideItsRangeIsRefusedWith422(string limit)
    {
        var admin = await app.Admin();

        await (await admin.Get($"/api/companies?limit={limit}")).ShouldBeInvalid("limit");
    }

    [Fact]
    public async Task LimitThatIsNotANumberIsRefusedWith400()
    {
        var admin = await app.Admin();

        await (await admin.Get("/api/companies?limit=many")).ShouldBeProblem(400, "malformedRequest");
    }

    [Fact]
    public async Task SearchFindsCompaniesByNameEmailOrOrgNumberIgnoringCase()
    {
        var admin = await app.Admin();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var byName = await admin.CreateCompany("Lead", $"Bakker Bouw {tag}");
        var byEmail = await (await admin.PostJson("/api/companies", new
        {
            name = Unique.Name("Mail"), categoryId = await admin.CategoryId("Lead"), email = $"sales@{tag}.example",
        })).ShouldBe(201);
        var byOrg = await (await admin.PostJson("/api/companies", new
        {
            name = Unique.Name("Org"), categoryId = await admin.CategoryId("Lead"), orgNumber = $"KVK-{tag}",
        })).ShouldBe(201);
        var percent = await admin.CreateCompany("Lead", $"100% Zeker {tag}");

        var found = (await admin.GetOk($"/api/companies?search={tag.ToUpperInvariant()}"))["items"]!.Items().Select(i => i.Int("id")).ToList();
        var onlyPercent = (await admin.GetOk($"/api/companies?search={Uri.EscapeDataString($"0% zeker {tag}")}"))["items"]!.Items();
        var none = (await admin.GetOk($"/api/companies?search={Uri.EscapeDataString($"_{tag}")}"))["items"]!.Items();

        Assert.Equal(new[] { byName, byEmail, byOrg, percent }.Select(c => c.Int("id")).Order(), found.Order());
        Assert.Equal(percent.Int("id"), Assert.Single(onlyPercent).Int("id"));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("Émile")]
    [InlineData("émile")]
    [InlineData("ÉMILE")]
    public async Task SearchIgnoresTheCaseOfAccentedLetters(string term)
    {
        var admin = await app.Admin();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var company = await admin.CreateCompany("Lead", $"Émile Ørsted {tag}");

        var found = (await admin.GetOk($"/api/companies?search={Uri.EscapeDataString($"{term} ørsted {tag}")}"))["items"]!.Items();

        Assert.Equal(company.Int("id"), Assert.Single(found).Int("id"));
    }

    [Fact]
    public async Task CompanyPersonsListsOnlyItsOwnPersons()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var other = await admin.CreateCompany("Lead");
        var mine = await admin.CreatePerson(company.Int("id"));
        await admin.CreatePerson(other.Int("id"));

        var page = await admin.GetOk($"/api/companies/{company.Int("id")}/persons");

        Assert.Equal(mine.Int("id"), Assert.Single(page["items"]!.Items()).Int("id"));
        await (await admin.Get("/api/companies/987654/persons")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task DeletingACompanyWithPersonsIsRefusedAndWritesNothing()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Customer");
        await admin.CreatePerson(company.Int("id"));
        var before = await app.Snapshot();

        var problem = await (await admin.Delete($"/api/companies/{company.Int("id")}")).ShouldBeProblem(409, "companyHasPersons");

        Assert.Contains(company.Str("name")!, problem.Str("detail")!);
        await app.AssertUnchangedSince(before);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:info@example.com")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a site")]
    public async Task AWebsiteThatIsNoWebAddressIsRefusedAndNothingIsWritten(string website)
    {
        var admin = await app.Admin();
        var name = Unique.Name("Site");

        var response = await admin.PostJson("/api/companies", new { name, categoryId = await admin.CategoryId("Lead"), website });

        await response.ShouldBeInvalid("website");
        Assert.Empty((await admin.GetOk($"/api/companies?search={Uri.EscapeDataString(name)}"))["items"]!.Items());
    }

    [Theory]
    [InlineData("https://www.example.com/contact")]
    [InlineData("http://example.org")]
    [InlineData("example.nl")]
    public async Task AWebsiteWithHttpOrAsABareDomainIsKept(string website)
    {
        var admin = await app.Admin();

        var company = await (await admin.PostJson("/api/companies", new { name = Unique.Name("Site"), categoryId = await admin.CategoryId("Lead"), website })).ShouldBe(201);

        Assert.Equal(website, company.Str("website"));
    }

    [Fact]
    public async Task UnknownCompanyIs404ProblemDetails()
    {
        var admin = await app.Admin();
        var before = await app.Snapshot();

        await (await admin.Get("/api/companies/987654")).ShouldBeProblem(404, "notFound");
        await (await admin.PatchJson("/api/companies/987654", new { name = "X" })).ShouldBeProblem(404, "notFound");
        await (await admin.Delete("/api/companies/987654")).ShouldBeProblem(404, "notFound");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task UnknownOrDeletedCategoryOrOwnerIsRefusedWith422AndWritesNothing()
    {
        var admin = await app.Admin();
        var deleted = await admin.CreateCategory(group: "other");
        await (await admin.Delete($"/api/categories/{deleted.Int("id")}")).ShouldBe(204);
        var company = await admin.CreateCompany("Lead");
        var before = await app.Snapshot();

        await (await admin.PostJson("/api/companies", new { name = Unique.Name("C"), categoryId = 987654 })).ShouldBeInvalid("categoryId");
        await (await admin.PostJson("/api/companies", new { name = Unique.Name("C"), categoryId = deleted.Int("id") })).ShouldBeInvalid("categoryId");
        await (await admin.PostJson("/api/companies", new { name = Unique.Name("C"), categoryId = company.Int("categoryId"), ownerId = 987654 }))
            .ShouldBeInvalid("ownerId");
        await (await admin.PatchJson($"/api/companies/{company.Int("id")}", new { categoryId = 987654 })).ShouldBeInvalid("categoryId");
        await (await admin.PatchJson($"/api/companies/{company.Int("id")}", new { categoryId = deleted.Int("id") })).ShouldBeInvalid("categoryId");
        await (await admin.PatchJson($"/api/companies/{company.Int("id")}", new { categoryId = (int?)null })).ShouldBeInvalid("categoryId");
        await (await admin.PatchJson($"/api/companies/{company.Int("id")}", new { ownerId = 987654 })).ShouldBeInvalid("ownerId");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task OwnerCanBeSetAndCleared()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        var company = await admin.CreateCompany("Lead");

        var owned = await admin.PatchCompany(company.Int("id"), new { ownerId = owner.Id });
        var cleared = await admin.PatchCompany(company.Int("id"), new { ownerId = (int?)null });

        Assert.Equal(owner.Id, owned.IntOrNull("ownerId"));
        Assert.Null(cleared.IntOrNull("ownerId"));
    }
}

public sealed class CompaniesApiTestsOnSqlite(SqliteApp app) : CompaniesApiTests(app), IClassFixture<SqliteApp>;

public sealed class CompaniesApiTestsOnPostgres(PostgresApp app) : CompaniesApiTests(app), IClassFixture<PostgresApp>;
