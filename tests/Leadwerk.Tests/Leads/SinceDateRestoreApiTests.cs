using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Import;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Leadwerk.Tests.Bulk.BulkClient;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Leads;

/// <summary>
/// Undo and rollback go through the lead transition core and put back the status with the date it
/// was set on, so "days in status" and the board's ageing stay true; the history keeps both changes.
/// </summary>
public abstract class SinceDateRestoreApiTests(LeadwerkApp app)
{
    private static readonly DateTime LongAgo = new(2025, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task UndoingABulkStatusChangeRestoresTheStatusAndItsSinceDate()
    {
        var admin = await app.Admin();
        var personId = (await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"))).Int("id");
        await Backdate(personId);
        var run = await admin.RunBulk(Ids("person", personId), Set("person.leadStatus", await admin.StatusId("Qualified")));
        var changed = (await app.Persons([personId])).Single();

        await (await admin.PostJson($"/api/bulk-updates/{run.Int("id")}/undo", null)).ShouldBe(202);
        await admin.WaitForState(run.Int("id"), "undone");

        var person = (await app.Persons([personId])).Single();
        Assert.True(changed.LeadStatusChangedAt > LongAgo.AddDays(1));
        Assert.Equal((await admin.DefaultStatusId(), LongAgo), (person.LeadStatusId, person.LeadStatusChangedAt));
        Assert.Equal(["bulk", "bulk", "api"], (await admin.History(personId)).Select(h => h.Str("channel")));
    }

    [Fact]
    public async Task UndoingABulkCompanyCategoryChangeRestoresItsPersonsStatusesAndSinceDates()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var personId = (await admin.CreatePerson(company)).Int("id");
        await admin.PatchPerson(personId, new { leadStatusId = await admin.StatusId("Qualified") });
        await admin.PatchCompany(company, new { categoryId = await admin.CategoryId("Opportunity") });
        await Backdate(personId);
        var run = await admin.RunBulk(Ids("company", company), Set("company.category", await admin.CategoryId("Lead")));
        var moved = (await app.Persons([personId])).Single();

        await (await admin.PostJson($"/api/bulk-updates/{run.Int("id")}/undo", null)).ShouldBe(202);
        await admin.WaitForState(run.Int("id"), "undone");

        var person = (await app.Persons([personId])).Single();
        Assert.Equal(await admin.DefaultStatusId(), moved.LeadStatusId);
        Assert.Equal((await admin.StatusId("Qualified"), LongAgo), (person.LeadStatusId, person.LeadStatusChangedAt));
    }

    [Fact]
    public async Task RollingBackAnImportRestoresTheStatusAndItsSinceDate()
    {
        var admin = await app.Admin();
        var email = Email("since");
        var personId = (await (await admin.PostJson("/api/persons",
            new { companyId = (await admin.CreateCompany("Lead")).Int("id"), lastName = "Since", email })).ShouldBe(201)).Int("id");
        await Backdate(personId);
        var run = await admin.RunImport(Persons(dryRun: false), $"last name,e-mail,lead status\nSince,{email},Contacting\n");
        var imported = (await app.Persons([personId])).Single();

        await admin.Rollback(run.Int("id"));

        var person = (await app.Persons([personId])).Single();
        Assert.Equal(await admin.StatusId("Contacting"), imported.LeadStatusId);
        Assert.Equal((await admin.DefaultStatusId(), LongAgo), (person.LeadStatusId, person.LeadStatusChangedAt));
        Assert.Equal(["import", "import", "api"], (await admin.History(personId)).Select(h => h.Str("channel")));
    }

    [Fact]
    public async Task AStatusChangeMadeByHandStartsItsSinceDateNow()
    {
        var admin = await app.Admin();
        var personId = (await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"))).Int("id");
        await Backdate(personId);

        var changed = await admin.PatchPerson(personId, new { leadStatusId = await admin.StatusId("Contacting") });

        Assert.InRange(changed["leadStatusChangedAt"]!.GetValue<DateTime>(), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    /// <summary>The person has been in its status since long ago, as if set then.</summary>
    private async Task Backdate(int personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        await db.Persons.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LeadStatusChangedAt, LongAgo));
    }
}

public sealed class SinceDateRestoreApiTestsOnSqlite(SqliteApp app) : SinceDateRestoreApiTests(app), IClassFixture<SqliteApp>;

public sealed class SinceDateRestoreApiTestsOnPostgres(PostgresApp app) : SinceDateRestoreApiTests(app), IClassFixture<PostgresApp>;
