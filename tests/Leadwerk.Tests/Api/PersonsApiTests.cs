using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

public abstract class PersonsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task PersonIsCreatedReadChangedAndDeleted()
    {
        var user = (await app.NewUser()).Client;
        var company = await user.CreateCompany("Lead");

        var created = await user.PostJson("/api/persons", new
        {
            companyId = company.Int("id"), firstName = "Lotte", lastName = "de Vries", email = "lotte@devries.example", phone = "+31 6 12345678",
            title = "Inkoper",
        });

        var person = await created.ShouldBe(201);
        var id = person.Int("id");
        Assert.Equal($"/api/persons/{id}", created.Headers.Location?.ToString());
        var fetched = await user.Get(created.Headers.Location!.ToString());
        var body = await fetched.ShouldBe(200);
        Assert.Equal("\"1\"", fetched.ETag());
        Assert.Equal("Lotte", body.Str("firstName"));
        Assert.Equal("de Vries", body.Str("lastName"));
        Assert.Equal(company.Int("id"), body.IntOrNull("companyId"));
        Assert.Equal(company.Str("name"), body.Str("companyName"));
        Assert.Equal(company.Int("categoryId"), body.IntOrNull("categoryId"));
        Assert.Equal("Lead", body.Str("category"));
        Assert.Equal("potentialCustomer", body.Str("categoryGroup"));
        Assert.Equal("Open", body.Str("leadStatus"));
        Assert.Equal("No outreach yet.", body.Str("leadStatusDescription"));
        Assert.True(body.Bool("leadStatusActive"));
        Assert.Null(body.Str("leadStatusInactiveReason"));

        var patched = await user.PatchJson($"/api/persons/{id}", new { title = "CFO", email = (string?)null }, fetched.ETag());
        var changed = await patched.ShouldBe(200);
        Assert.Equal("CFO", changed.Str("title"));
        Assert.Null(changed.Str("email"));
        Assert.Equal("Lotte", changed.Str("firstName"));
        Assert.Equal("\"2\"", patched.ETag());

        await (await user.Delete($"/api/persons/{id}", patched.ETag())).ShouldBe(204);
        await (await user.Get($"/api/persons/{id}")).ShouldBeProblem(404, "notFound");
        await (await user.Get($"/api/persons/{id}/lead-status-history")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task StaleIfMatchIsRefusedWith412AndWritesNothing()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"));
        var url = $"/api/persons/{person.Int("id")}";
        var first = (await admin.Get(url)).ETag();
        var contacting = await admin.StatusId("Contacting");
        var second = (await admin.PatchJson(url, new { leadStatusId = contacting }, first)).ETag();
        var before = await app.Snapshot();

        await (await admin.PatchJson(url, new { leadStatusId = await admin.StatusId("Qualified") }, first)).ShouldBeProblem(412, "preconditionFailed");
        await (await admin.Delete(url, first)).ShouldBeProblem(412, "preconditionFailed");

        await app.AssertUnchangedSince(before);
        var matching = await admin.PatchJson(url, new { title = "Director" }, second);
        await matching.ShouldBe(200);
        Assert.NotEqual(second, matching.ETag());
    }

    [Fact]
    public async Task SaveRacingAnotherWriterIsRefusedWithConcurrencyConflictAndWritesNothing()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"));
        var id = person.Int("id");

        app.Race.ArmForPerson(id);
        var response = await admin.PatchJson($"/api/persons/{id}", new { leadStatusId = await admin.StatusId("Qualified") });

        await response.ShouldBeProblem(409, "concurrencyConflict");
        var after = await admin.GetPerson(id);
        Assert.Equal(person.IntOrNull("leadStatusId"), after.IntOrNull("leadStatusId"));
        Assert.Single(await admin.History(id));
    }

    [Fact]
    public async Task KeysetPagingWalksEveryPersonExactlyOnce()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<int>();
        foreach (var (last, first) in new[] { ("B", "x"), ("A", "y"), ("B", "a"), ("B", "a"), ("C", "z") })
        {
            ids.Add((await admin.CreatePerson(company.Int("id"), $"{tag} {last}", first)).Int("id"));
        }

        var seen = new List<int>();
        string? cursor = null;
        do
        {
            var page = await admin.GetOk($"/api/persons?search={tag}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(page["items"]!.Items().Select(i => i.Int("id")));
            cursor = page.Str("nextCursor");
        }
        while (cursor is not null);

        // The order Find uses: last name (folded), then id.
        Assert.Equal([ids[1], ids[0], ids[2], ids[3], ids[4]], seen);
    }

    [Fact]
    public async Task SearchFindsPersonsByNameOrEmailIgnoringCase()
    {
        var admin = await app.Admin();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var byLast = await admin.CreatePerson(null, $"Jansen{tag}");
        var byFirst = await (await admin.PostJson("/api/persons", new { firstName = $"Femke{tag}", lastName = "Smit" })).ShouldBe(201);
        var byEmail = await (await admin.PostJson("/api/persons", new { lastName = "Bos", email = $"bos@{tag}.example" })).ShouldBe(201);

        var found = (await admin.GetOk($"/api/persons?search={tag.ToUpperInvariant()}"))["items"]!.Items().Select(p => p.Int("id"));

        Assert.Equal(new[] { byLast, byFirst, byEmail }.Select(p => p.Int("id")).Order(), found.Order());
    }

    [Fact]
    public async Task SearchIgnoresTheCaseOfAccentedLetters()
    {
        var admin = await app.Admin();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var person = await (await admin.PostJson("/api/persons", new { firstName = "Zoë", lastName = $"Ökten{tag}" })).ShouldBe(201);

        var found = (await admin.GetOk($"/api/persons?search={Uri.EscapeDataString($"ÖKTEN{tag}")}"))["items"]!.Items();

        Assert.Equal(person.Int("id"), Assert.Single(found).Int("id"));
    }

    [Fact]
    public async Task CategoryOfAPersonWithACompanyCannotBeChangedAndNothingIsWritten()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var person = await admin.CreatePerson(company.Int("id"));
        var customerId = await admin.CategoryId("Customer");
        var before = await app.Snapshot();

        var problem = await (await admin.PatchJson($"/api/persons/{person.Int("id")}", new { categoryId = customerId })).ShouldBeProblem(409, "categoryInherited");
        await (await admin.PostJson("/api/persons", new { companyId = company.Int("id"), lastName = "X", categoryId = customerId }))
            .ShouldBeProblem(409, "categoryInherited");

        Assert.Contains(company.Str("name")!, problem.Str("detail")!);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("categoryId"));
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task CategoryOfAPersonWithoutCompanyCanBeChanged()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePersonInCategory("Other");
        Assert.Null(person.IntOrNull("leadStatusId"));

        var changed = await admin.PatchPerson(person.Int("id"), new { categoryId = await admin.CategoryId("Lead") });

        Assert.Equal("Lead", changed.Str("category"));
        Assert.Equal(await admin.DefaultStatusId(), changed.IntOrNull("leadStatusId"));
        Assert.False(changed.Bool("categoryInherited"));
    }

    [Fact]
    public async Task LeadStatusOfAPersonUnderACustomerCannotBeChangedAndTheReasonIsGiven()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Customer");
        var person = await admin.CreatePerson(company.Int("id"));
        var before = await app.Snapshot();

        var problem = await (await admin.PatchJson($"/api/persons/{person.Int("id")}", new { leadStatusId = await admin.StatusId("Qualified") }))
            .ShouldBeProblem(409, "leadStatusNotActive");
        var dutchProblem = await (await admin.PatchJson($"/api/persons/{person.Int("id")}", new { leadStatusId = await admin.StatusId("Qualified") }, language: "nl"))
            .ShouldBeProblem(409, "leadStatusNotActive");

        await app.AssertUnchangedSince(before);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("leadStatusId"));
        Assert.Contains("Customer", problem.Str("detail")!);
        Assert.Contains("Klant", dutchProblem.Str("detail")!);
        var english = await admin.GetPerson(person.Int("id"));
        var dutch = await admin.GetPerson(person.Int("id"), "nl");
        Assert.False(english.Bool("leadStatusActive"));
        Assert.Contains("Customer", english.Str("leadStatusInactiveReason")!);
        Assert.Contains("Potential customer", english.Str("leadStatusInactiveReason")!);
        Assert.Contains("Klant", dutch.Str("leadStatusInactiveReason")!);
        Assert.Contains("Potentiële klant", dutch.Str("leadStatusInactiveReason")!);
        Assert.Equal("Klant", dutch.Str("category"));
    }

    [Fact]
    public async Task UnknownOrDeletedStatusAndUnknownCompanyAreRefusedWith422AndWriteNothing()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var person = await admin.CreatePerson(company.Int("id"));
        var url = $"/api/persons/{person.Int("id")}";
        var deleted = await admin.CreateStatus();
        await (await admin.Delete($"/api/lead-statuses/{deleted.Int("id")}")).ShouldBe(204);
        var before = await app.Snapshot();

        await (await admin.PatchJson(url, new { leadStatusId = 987654 })).ShouldBeInvalid("leadStatusId");
        await (await admin.PatchJson(url, new { leadStatusId = deleted.Int("id") })).ShouldBeInvalid("leadStatusId");
        await (await admin.PatchJson(url, new { leadStatusId = (int?)null })).ShouldBeInvalid("leadStatusId");
        await (await admin.PatchJson(url, new { companyId = 987654 })).ShouldBeInvalid("companyId");
        await (await admin.PatchJson(url, new { ownerId = 987654 })).ShouldBeInvalid("ownerId");
        await (await admin.PostJson("/api/persons", new { companyId = 987654, lastName = "X" })).ShouldBeInvalid("companyId");
        await (await admin.PostJson("/api/persons", new { lastName = "X", categoryId = 987654 })).ShouldBeInvalid("categoryId");
        await (await admin.PostJson("/api/persons", new { companyId = company.Int("id"), lastName = "X", leadStatusId = 987654 }))
            .ShouldBeInvalid("leadStatusId");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task UnknownPersonIs404ProblemDetails()
    {
        var admin = await app.Admin();
        var before = await app.Snapshot();

        await (await admin.Get("/api/persons/987654")).ShouldBeProblem(404, "notFound");
        await (await admin.PatchJson("/api/persons/987654", new { title = "X" })).ShouldBeProblem(404, "notFound");
        await (await admin.Delete("/api/persons/987654")).ShouldBeProblem(404, "notFound");
        await (await admin.Get("/api/persons/987654/lead-status-history")).ShouldBeProblem(404, "notFound");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task ScriptTagInANameComesBackAsPlainJsonText()
    {
        var admin = await app.Admin();
        const string evil = "<script>alert(1)</script>";

        var created = await (await admin.PostJson("/api/persons", new { firstName = evil, lastName = "Smith & <b>Sons</b>" })).ShouldBe(201);
        var response = await admin.Get($"/api/persons/{created.Int("id")}");

        // JSON text, never markup: the browser UI output-encodes it (see the browser tests).
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var person = await response.ShouldBe(200);
        Assert.Equal(evil, person.Str("firstName"));
        Assert.Equal("Smith & <b>Sons</b>", person.Str("lastName"));
    }
}

public sealed class PersonsApiTestsOnSqlite(SqliteApp app) : PersonsApiTests(app), IClassFixture<SqliteApp>;

public sealed class PersonsApiTestsOnPostgres(PostgresApp app) : PersonsApiTests(app), IClassFixture<PostgresApp>;
