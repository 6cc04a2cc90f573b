using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;
using Microsoft.Extensions.DependencyInjection;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Attribution;

/// <summary>R20: every person and company keeps the channel it came in through, set once.</summary>
public abstract class RecordSourceApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task RecordsMadeThroughTheApiSayApiAndKeepItWhenTheyChange()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var person = await admin.CreatePerson(company.Int("id"));

        await admin.PatchPerson(person.Int("id"), new { title = "Buyer" });
        await admin.PatchCompany(company.Int("id"), new { country = "NL" });

        Assert.Equal("api", (await admin.GetPerson(person.Int("id"))).Str("recordSource"));
        Assert.Equal("api", (await admin.GetOk($"/api/companies/{company.Int("id")}")).Str("recordSource"));
    }

    [Fact]
    public async Task ImportedRecordsSayImportAndRecordsEnteredInTheAppSayUi()
    {
        var admin = await app.Admin();
        var companyName = Unique.Name("Imported");
        var email = $"{Guid.NewGuid():N}@example.org";
        var csv = $"First name,Last name,Email,Company\nIna,Imported,{email},{companyName}\n";

        await admin.RunImport(Persons(dryRun: false, new { categoryId = await admin.CategoryId("Lead") }), csv);
        var user = await app.NewUser();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor(user.Id, Role.User, Channel.Ui));
        var entered = await scope.ServiceProvider.GetRequiredService<CompanyService>()
            .Create(new CompanyRequest(Unique.Name("Entered"), await admin.CategoryId("Lead"), null, null, null, null, null, null));
        var enteredPerson = await scope.ServiceProvider.GetRequiredService<PersonService>()
            .Create(new PersonRequest(entered.Id, "Uma", "Entered", null, null, null, null, null, null));

        var imported = (await admin.GetOk($"/api/persons?search={email}"))["items"]!.Items().Single();
        Assert.Equal("import", imported.Str("recordSource"));
        Assert.Equal("import", (await admin.GetOk($"/api/companies/{imported.Int("companyId")}")).Str("recordSource"));
        Assert.Equal(("ui", "ui"), (entered.RecordSource, enteredPerson.RecordSource));
    }

    [Fact]
    public async Task FindSelectsAndShowsPersonsByTheirRecordSource()
    {
        var admin = await app.Admin();
        var lastName = Unique.Name("Source");
        var person = await admin.CreatePerson(null, lastName);

        var found = await (await admin.PostJson("/api/search", new
        {
            criteria = new
            {
                entity = "person",
                sets = new[] { new { lines = new object[]
                {
                    new { field = "person.recordSource", @operator = "equals", values = new[] { "api" } },
                    new { field = "person.lastName", @operator = "equals", values = new[] { lastName } },
                } } },
            },
            columns = new[] { "person.lastName", "person.recordSource" },
            count = true,
        })).ShouldBe(200);
        var none = await (await admin.PostJson("/api/search", new
        {
            criteria = new
            {
                entity = "person",
                sets = new[] { new { lines = new object[]
                {
                    new { field = "person.recordSource", @operator = "equals", values = new[] { "import" } },
                    new { field = "person.lastName", @operator = "equals", values = new[] { lastName } },
                } } },
            },
            count = true,
        })).ShouldBe(200);

        Assert.Equal(1, found.Int("count"));
        Assert.Equal(person.Int("id"), found["items"]![0]!.Int("id"));
        Assert.Equal(0, none.Int("count"));
    }
}

public sealed class RecordSourceApiTestsOnSqlite(SqliteApp app) : RecordSourceApiTests(app), IClassFixture<SqliteApp>;

public sealed class RecordSourceApiTestsOnPostgres(PostgresApp app) : RecordSourceApiTests(app), IClassFixture<PostgresApp>;
