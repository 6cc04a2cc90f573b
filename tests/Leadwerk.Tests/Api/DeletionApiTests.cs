using Leadwerk.Tests.FollowUps;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Api;

public abstract class DeletionApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task DeletingAPersonTakesItsFollowUpsHistoryAndSelectionMembershipsAndLeavesItsSaleWithTheCompany()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var person = (await admin.CreatePerson(company)).Int("id");
        var kept = (await admin.CreatePerson(company)).Int("id");
        await admin.PatchPerson(person, new { leadStatusId = await admin.StatusId("Contacting") });
        var followUp = (await admin.PlanFollowUp(person, DateTimeOffset.UtcNow.AddDays(2))).Int("id");
        var selection = (await (await admin.PostJson("/api/selections",
            new { name = Unique.Name("Members"), entity = "person", kind = "static", memberIds = new[] { person, kept } })).ShouldBe(201)).Int("id");
        var sale = (await (await admin.PostJson("/api/sales", new { companyId = company, personId = person, title = Unique.Name("Sale"), amount = 100m }))
            .ShouldBe(201)).Int("id");

        await (await admin.Delete($"/api/persons/{person}")).ShouldBe(204);

        await (await admin.Get($"/api/persons/{person}")).ShouldBeProblem(404, "notFound");
        await (await admin.Get($"/api/follow-ups/{followUp}")).ShouldBeProblem(404, "notFound");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        Assert.Equal(0, await db.LeadStatusChanges.CountAsync(h => h.PersonId == person));
        Assert.Equal([kept], await db.SelectionMembers.Where(m => m.SelectionId == selection).Select(m => m.EntityId).ToListAsync());
        var left = await admin.GetOk($"/api/sales/{sale}");
        Assert.Equal((company, null), (left.Int("companyId"), left.IntOrNull("personId")));
    }

    [Fact]
    public async Task ACompanyIsDeletedAfterItsPersonsMoveToAnotherCompanyAndTakeItsCategory()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        int[] persons = [(await admin.CreatePerson(company)).Int("id"), (await admin.CreatePerson(company)).Int("id")];
        var target = await admin.CreateCompany("Customer");

        await (await admin.Delete($"/api/companies/{company}?persons=moveTo&targetCompanyId={target.Int("id")}")).ShouldBe(204);

        await (await admin.Get($"/api/companies/{company}")).ShouldBeProblem(404, "notFound");
        foreach (var id in persons)
        {
            var moved = await admin.GetPerson(id);
            Assert.Equal((target.Int("id"), "Customer"), (moved.Int("companyId"), moved.Str("category")));
        }
    }

    [Fact]
    public async Task ACompanyIsDeletedWithItsPersonsWhenAskedTo()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var person = (await admin.CreatePerson(company)).Int("id");
        await admin.PlanFollowUp(person, DateTimeOffset.UtcNow.AddDays(1));

        await (await admin.Delete($"/api/companies/{company}?persons=delete")).ShouldBe(204);

        await (await admin.Get($"/api/companies/{company}")).ShouldBeProblem(404, "notFound");
        await (await admin.Get($"/api/persons/{person}")).ShouldBeProblem(404, "notFound");
    }

    [Theory]
    [InlineData("?persons=moveTo&targetCompanyId=987654", "targetCompanyId")]
    [InlineData("?persons=moveTo&targetCompanyId=SELF", "targetCompanyId")]
    [InlineData("?persons=moveTo", "targetCompanyId")]
    [InlineData("?persons=delete&targetCompanyId=OTHER", "targetCompanyId")]
    [InlineData("?persons=archive", "persons")]
    public async Task AnUnclearChoiceForThePersonsIsRefusedAndWritesNothing(string query, string field)
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        await admin.CreatePerson(company);
        var other = (await admin.CreateCompany("Lead")).Int("id");
        var before = await app.Snapshot();

        var response = await admin.Delete($"/api/companies/{company}{query.Replace("SELF", $"{company}").Replace("OTHER", $"{other}")}");

        await response.ShouldBeInvalid(field);
        await app.AssertUnchangedSince(before);
    }

    [Theory]
    [InlineData("?persons=delete")]
    [InlineData("?persons=moveTo&targetCompanyId=OTHER")]
    public async Task ACompanyWithSalesIsRefusedWhateverHappensToItsPersonsAndNothingIsWritten(string query)
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        await admin.CreatePerson(company);
        await (await admin.PostJson("/api/sales", new { companyId = company, title = Unique.Name("Sale"), amount = 10m })).ShouldBe(201);
        var other = (await admin.CreateCompany("Lead")).Int("id");
        var before = await app.Snapshot();

        await (await admin.Delete($"/api/companies/{company}{query.Replace("OTHER", $"{other}")}")).ShouldBeProblem(409, "companyHasSales");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task AStaleVersionRefusesTheDeletionOfACompanyWithItsPersonsAndWritesNothing()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var url = $"/api/companies/{company.Int("id")}";
        var first = (await admin.Get(url)).ETag();
        await admin.CreatePerson(company.Int("id"));
        await admin.PatchCompany(company.Int("id"), new { country = "Nederland" });
        var before = await app.Snapshot();

        await (await admin.Delete($"{url}?persons=delete", first)).ShouldBeProblem(412, "preconditionFailed");

        await app.AssertUnchangedSince(before);
    }
}

public sealed class DeletionApiTestsOnSqlite(SqliteApp app) : DeletionApiTests(app), IClassFixture<SqliteApp>;

public sealed class DeletionApiTestsOnPostgres(PostgresApp app) : DeletionApiTests(app), IClassFixture<PostgresApp>;
