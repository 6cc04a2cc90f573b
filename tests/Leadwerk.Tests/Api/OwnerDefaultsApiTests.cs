using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

public abstract class OwnerDefaultsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ANewCompanyWithoutOurContactHasItsCreatorAsOurContact()
    {
        var user = await app.NewUser();

        var company = await (await user.Client.PostJson("/api/companies",
            new { name = Unique.Name("Mine"), categoryId = await user.Client.CategoryId("Lead") })).ShouldBe(201);

        Assert.Equal(user.Id, company.IntOrNull("ownerId"));
        Assert.Equal(user.UserName, company.Str("ownerName"));
    }

    [Fact]
    public async Task ANewCompanyWithOurContactNullHasNone()
    {
        var user = await app.NewUser();

        var company = await (await user.Client.PostJson("/api/companies",
            new { name = Unique.Name("Nobody's"), categoryId = await user.Client.CategoryId("Lead"), ownerId = (int?)null })).ShouldBe(201);

        Assert.Null(company.IntOrNull("ownerId"));
    }

    [Fact]
    public async Task ANewCompanyKeepsTheContactItNames()
    {
        var user = await app.NewUser();
        var colleague = await app.NewUser();

        var company = await (await user.Client.PostJson("/api/companies",
            new { name = Unique.Name("Theirs"), categoryId = await user.Client.CategoryId("Lead"), ownerId = colleague.Id })).ShouldBe(201);

        Assert.Equal(colleague.Id, company.IntOrNull("ownerId"));
    }

    [Fact]
    public async Task ANewPersonWithoutOurContactTakesTheContactOfItsCompany()
    {
        var admin = await app.Admin();
        var colleague = await app.NewUser();
        var company = await admin.CreateCompany("Lead");
        await admin.PatchCompany(company.Int("id"), new { ownerId = colleague.Id });

        var person = await admin.CreatePerson(company.Int("id"));
        var own = await (await admin.PostJson("/api/persons",
            new { companyId = company.Int("id"), lastName = Unique.Name("Own"), ownerId = (await app.NewUser()).Id })).ShouldBe(201);

        Assert.Equal(colleague.Id, person.IntOrNull("ownerId"));
        Assert.NotEqual(colleague.Id, own.IntOrNull("ownerId"));
    }

    [Fact]
    public async Task ANewPersonWithOurContactNullHasNoneEvenWhenItsCompanyHasOne()
    {
        var admin = await app.Admin();
        var colleague = await app.NewUser();
        var company = await admin.CreateCompany("Lead");
        await admin.PatchCompany(company.Int("id"), new { ownerId = colleague.Id });

        var person = await (await admin.PostJson("/api/persons",
            new { companyId = company.Int("id"), lastName = Unique.Name("Nobody's"), ownerId = (int?)null })).ShouldBe(201);

        Assert.Null(person.IntOrNull("ownerId"));
        Assert.Null((await admin.GetOk($"/api/persons/{person.Int("id")}")).IntOrNull("ownerId"));
    }

    [Fact]
    public async Task ANewPersonWithoutACompanyAndWithoutOurContactHasNone()
    {
        var user = await app.NewUser();

        var person = await (await user.Client.PostJson("/api/persons", new { lastName = Unique.Name("Alone") })).ShouldBe(201);

        Assert.Null(person.IntOrNull("ownerId"));
    }

    [Fact]
    public async Task ANewPersonRefusesAnOurContactThatIsNoNumber()
    {
        var admin = await app.Admin();

        await (await admin.PostJson("/api/persons", new { lastName = Unique.Name("Typed"), ownerId = "me" })).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PostJson("/api/persons", new { lastName = Unique.Name("Typed"), distribute = "yes" })).ShouldBeProblem(400, "malformedRequest");
    }
}

public sealed class OwnerDefaultsApiTestsOnSqlite(SqliteApp app) : OwnerDefaultsApiTests(app), IClassFixture<SqliteApp>;

public sealed class OwnerDefaultsApiTestsOnPostgres(PostgresApp app) : OwnerDefaultsApiTests(app), IClassFixture<PostgresApp>;
