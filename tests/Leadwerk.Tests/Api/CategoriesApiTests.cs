using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

/// <summary>The admin list "Company – Category" (F9, R3, R5, R9, R10). Tests change only categories they create.</summary>
public abstract class CategoriesApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task CategoryIsCreatedChangedSoftDeletedAndRestored()
    {
        var admin = await app.Admin();
        var name = Unique.Name("Prospect");

        var created = await admin.PostJson("/api/categories", new
        {
            names = new { en = name, nl = name + " nl" }, descriptions = new { en = "Cold.", nl = "Koud." }, group = "potentialCustomer",
        });

        var category = await created.ShouldBe(201);
        var id = category.Int("id");
        Assert.Equal($"/api/categories/{id}", created.Headers.Location?.ToString());
        var fetched = await admin.Get(created.Headers.Location!.ToString());
        Assert.Equal(name, (await fetched.ShouldBe(200)).Str("name"));
        Assert.Equal("Koud.", (await admin.GetOk($"/api/categories/{id}", "nl")).Str("description"));

        var put = await admin.PutJson($"/api/categories/{id}", new
        {
            names = new { en = name + " warm", nl = name + " warm nl" }, group = "potentialCustomer", leadStatusEnabled = true,
        }, fetched.ETag());
        var changed = await put.ShouldBe(200);
        Assert.Equal(name + " warm", changed.Str("name"));
        Assert.True(changed.Bool("leadStatusEnabled"));
        Assert.NotEqual(fetched.ETag(), put.ETag());

        await (await admin.Delete($"/api/categories/{id}")).ShouldBe(204);
        Assert.DoesNotContain((await admin.GetOk("/api/categories")).Items(), c => c.Int("id") == id);
        var deleted = (await admin.GetOk("/api/categories?includeDeleted=true")).Items().Single(c => c.Int("id") == id);
        Assert.True(deleted.Bool("deleted"));

        var restored = await (await admin.PostJson($"/api/categories/{id}/restore", null)).ShouldBe(200);
        Assert.False(restored.Bool("deleted"));
        Assert.Contains((await admin.GetOk("/api/categories")).Items(), c => c.Int("id") == id);
    }

    [Fact]
    public async Task DeletedCategoryIsKeptOnItsCompaniesButCannotBePicked()
    {
        var admin = await app.Admin();
        var category = await admin.CreateCategory(group: "other");
        var id = category.Int("id");
        var company = await (await admin.PostJson("/api/companies", new { name = Unique.Name("Co"), categoryId = id })).ShouldBe(201);

        await (await admin.Delete($"/api/categories/{id}")).ShouldBe(204);

        Assert.Equal(id, (await admin.GetOk($"/api/companies/{company.Int("id")}")).Int("categoryId"));
        await (await admin.PostJson("/api/companies", new { name = Unique.Name("Co"), categoryId = id })).ShouldBeInvalid("categoryId");
    }

    [Fact]
    public async Task DuplicateCategoryNameIsRefusedIgnoringCasePerLanguageAndWritesNothing()
    {
        var admin = await app.Admin();
        var existing = await admin.CreateCategory();
        var en = existing["names"]!.Str("en")!;
        var nl = existing["names"]!.Str("nl")!;
        var before = await app.Snapshot();

        var sameEnglish = await (await admin.PostJson("/api/categories", new { names = new { en = en.ToUpperInvariant(), nl = Unique.Name("x") }, group = "other" }))
            .ShouldBeProblem(409, "nameNotUnique");
        var sameDutch = await (await admin.PostJson("/api/categories", new { names = new { en = Unique.Name("x"), nl = nl.ToLowerInvariant() }, group = "other" }))
            .ShouldBeProblem(409, "nameNotUnique");
        await (await admin.PutJson("/api/categories/" + await admin.CategoryId("Partner"), new { names = new { en, nl = "Partner" }, group = "partner" }))
            .ShouldBeProblem(409, "nameNotUnique");
        var seeded = await (await admin.PostJson("/api/categories", new { name = "customer", group = "customer" })).ShouldBeProblem(409, "nameNotUnique");

        Assert.True(sameEnglish["errors"]!.AsObject().ContainsKey("names.en"));
        Assert.True(sameDutch["errors"]!.AsObject().ContainsKey("names.nl"));
        Assert.Contains("customer", seeded.Str("detail")!);
        await app.AssertUnchangedSince(before);

        // Per language: the Dutch name may equal another item's English name.
        await (await admin.PostJson("/api/categories", new { names = new { en = Unique.Name("x"), nl = en }, group = "other" })).ShouldBe(201);
    }

    [Fact]
    public async Task DeletedCategoryNameMayBeReusedButThenTheOldOneCannotBeRestored()
    {
        var admin = await app.Admin();
        var old = await admin.CreateCategory(group: "partner");
        var names = old["names"]!;
        await (await admin.Delete($"/api/categories/{old.Int("id")}")).ShouldBe(204);

        await (await admin.PostJson("/api/categories", new { names = new { en = names.Str("en"), nl = names.Str("nl") }, group = "partner" }))
            .ShouldBe(201);

        var before = await app.Snapshot();
        await (await admin.PostJson($"/api/categories/{old.Int("id")}/restore", null)).ShouldBeProblem(409, "nameNotUnique");
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task EnablingLeadStatusOnACustomerCategoryIsRefusedAndWritesNothing()
    {
        var admin = await app.Admin();
        var customerId = await admin.CategoryId("Customer");
        var before = await app.Snapshot();

        var put = await admin.PutJson($"/api/categories/{customerId}", new { names = new { en = "Customer", nl = "Klant" }, group = "customer", leadStatusEnabled = true });
        var post = await admin.PostJson("/api/categories", new { name = Unique.Name("Reseller"), group = "partner", leadStatusEnabled = true });

        var problem = await put.ShouldBeProblem(409, "leadStatusOnlyForPotentialCustomer");
        await post.ShouldBeProblem(409, "leadStatusOnlyForPotentialCustomer");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("leadStatusEnabled"));
        await app.AssertUnchangedSince(before);
        var dutch = await admin.PutJson($"/api/categories/{customerId}",
            new { names = new { en = "Customer", nl = "Klant" }, group = "customer", leadStatusEnabled = true }, language: "nl");
        Assert.Contains("Potentiële klant", (await dutch.ShouldBeProblem(409, "leadStatusOnlyForPotentialCustomer")).Str("detail")!);
    }

    [Fact]
    public async Task EnablingLeadStatusGivesItsPersonsWithoutStatusTheDefaultWithHistory()
    {
        var admin = await app.Admin();
        var category = await admin.CreateCategory(leadStatusEnabled: false);
        var categoryId = category.Int("id");
        var company = await (await admin.PostJson("/api/companies", new { name = Unique.Name("Co"), categoryId })).ShouldBe(201);
        var withoutStatus = await admin.CreatePerson(company.Int("id"));
        var own = await (await admin.PostJson("/api/persons", new { lastName = Unique.Name("Own"), categoryId })).ShouldBe(201);
        // A person that brought a status along keeps it (R5 gives the default only to those without).
        var qualified = await admin.StatusId("Qualified");
        var lead = await admin.CreateCompany("Lead");
        var mover = await admin.CreatePerson(lead.Int("id"));
        await admin.PatchPerson(mover.Int("id"), new { leadStatusId = qualified });
        var moved = await admin.PatchPerson(mover.Int("id"), new { companyId = company.Int("id") });
        Assert.Null(withoutStatus.IntOrNull("leadStatusId"));
        Assert.False(moved.Bool("leadStatusActive"));
        var defaultId = await admin.DefaultStatusId();

        var response = await admin.PutJson($"/api/categories/{categoryId}", new { names = category["names"], group = "potentialCustomer", leadStatusEnabled = true });

        await response.ShouldBe(200);
        foreach (var id in new[] { withoutStatus.Int("id"), own.Int("id") })
        {
            var person = await admin.GetPerson(id);
            Assert.Equal(defaultId, person.IntOrNull("leadStatusId"));
            Assert.True(person.Bool("leadStatusActive"));
            var history = Assert.Single(await admin.History(id));
            Assert.Null(history.IntOrNull("fromId"));
            Assert.Equal(defaultId, history.IntOrNull("toId"));
            Assert.Equal("api", history.Str("channel"));
        }

        var kept = await admin.GetPerson(mover.Int("id"));
        Assert.Equal(qualified, kept.IntOrNull("leadStatusId"));
        Assert.True(kept.Bool("leadStatusActive"));
    }

    [Fact]
    public async Task SwitchingLeadStatusOffKeepsTheStatusesLockedAndCountsThem()
    {
        var admin = await app.Admin();
        var category = await admin.CreateCategory(leadStatusEnabled: true);
        var company = await (await admin.PostJson("/api/companies", new { name = Unique.Name("Co"), categoryId = category.Int("id") })).ShouldBe(201);
        var first = await admin.CreatePerson(company.Int("id"));
        await admin.CreatePerson(company.Int("id"));

        var response = await admin.PutJson($"/api/categories/{category.Int("id")}", new { names = category["names"], group = "potentialCustomer" });

        await response.ShouldBe(200);
        Assert.Equal("2", Assert.Single(response.Headers.GetValues("Leadwerk-Locked-Persons")));
        var person = await admin.GetPerson(first.Int("id"));
        Assert.Equal(first.IntOrNull("leadStatusId"), person.IntOrNull("leadStatusId"));
        Assert.False(person.Bool("leadStatusActive"));
        Assert.Contains("switched off", person.Str("leadStatusInactiveReason")!);
    }

    [Fact]
    public async Task StaleIfMatchOnACategoryIsRefusedWith412AndWritesNothing()
    {
        var admin = await app.Admin();
        var category = await admin.CreateCategory(group: "other");
        var url = $"/api/categories/{category.Int("id")}";
        var etag = (await admin.Get(url)).ETag();
        await (await admin.PutJson(url, new { names = category["names"], description = "Changed.", group = "other" }, etag)).ShouldBe(200);
        var before = await app.Snapshot();

        await (await admin.PutJson(url, new { names = category["names"], description = "Again.", group = "other" }, etag)).ShouldBeProblem(412, "preconditionFailed");
        await (await admin.Delete(url, etag)).ShouldBeProblem(412, "preconditionFailed");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task CategoryWithoutNameOrGroupIsRefusedWith422AndWritesNothing()
    {
        var admin = await app.Admin();
        var before = await app.Snapshot();

        await (await admin.PostJson("/api/categories", new { group = "other" })).ShouldBeInvalid("name");
        await (await admin.PostJson("/api/categories", new { name = "   ", group = "other" })).ShouldBeInvalid("name");
        await (await admin.PostJson("/api/categories", new { name = Unique.Name("C") })).ShouldBeInvalid("group");
        await (await admin.PostJson("/api/categories", new { name = Unique.Name("C"), group = "friends" })).ShouldBeInvalid("group");
        await (await admin.PostJson("/api/categories", new { names = new { en = new string('c', 101), nl = "c" }, group = "other" }))
            .ShouldBeInvalid("names.en");
        await (await admin.PostJson("/api/categories", new { name = Unique.Name("C"), description = new string('d', 501), group = "other" }))
            .ShouldBeInvalid("descriptions.en");

        await app.AssertUnchangedSince(before);
    }
}

public sealed class CategoriesApiTestsOnSqlite(SqliteApp app) : CategoriesApiTests(app), IClassFixture<SqliteApp>;

public sealed class CategoriesApiTestsOnPostgres(PostgresApp app) : CategoriesApiTests(app), IClassFixture<PostgresApp>;
