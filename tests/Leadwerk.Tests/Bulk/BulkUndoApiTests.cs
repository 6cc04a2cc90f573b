using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Bulk;

/// <summary>B3: one action puts back what a run changed, except what someone else changed since.</summary>
public abstract class BulkUndoApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task UndoPutsBackEachPersonsPreviousStatusAndOwner()
    {
        var admin = await app.Admin();
        var first = await app.NewUser();
        var second = await app.NewUser();
        var (contacting, qualified) = (await admin.StatusId("Contacting"), await admin.StatusId("Qualified"));
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var open = (await admin.CreatePerson(company)).Int("id");
        var owned = (await (await admin.PostJson("/api/persons", new { companyId = company, lastName = "Owned", ownerId = first.Id, leadStatusId = contacting })).ShouldBe(201)).Int("id");
        var untouched = (await (await admin.PostJson("/api/persons", new { companyId = company, lastName = "As asked", ownerId = second.Id, leadStatusId = qualified })).ShouldBe(201)).Int("id");
        var before = await app.Persons([open, owned, untouched]);
        var run = await admin.RunBulk(Ids("person", open, owned, untouched), Set("person.leadStatus", qualified), Set("person.owner", second.Id));

        var undo = await admin.PostJson($"/api/bulk-updates/{run.Int("id")}/undo", null);
        var accepted = await undo.ShouldBe(202);
        var undone = await admin.WaitForState(run.Int("id"), "undone");

        Assert.Equal($"/api/bulk-updates/{run.Int("id")}", undo.Headers.Location?.OriginalString);
        Assert.Contains(accepted.Str("state"), new[] { "undoing", "undone" });
        Assert.Equal((2, 0), (undone.Int("changed"), undone.Int("undoSkipped")));
        var after = await app.Persons([open, owned, untouched]);
        Assert.Equal(before.Select(p => (p.LeadStatusId, p.OwnerId)), after.Select(p => (p.LeadStatusId, p.OwnerId)));
        Assert.Equal(before[2].Version, after[2].Version);
        var history = await admin.History(owned);
        Assert.Equal(("Qualified", "Contacting", "bulk"), (history[0].Str("from"), history[0].Str("to"), history[0].Str("channel")));
        Assert.Equal(4, await app.BulkHistoryRows([open, owned, untouched]));
    }

    [Fact]
    public async Task UndoOfACompanyCategoryRestoresCompaniesOwnersAndTheirPersonsStatuses()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        var (contacting, qualified) = (await admin.StatusId("Contacting"), await admin.StatusId("Qualified"));
        var customer = (await admin.CreateCompany("Customer")).Int("id");
        var customerPerson = (await admin.CreatePerson(customer)).Int("id");
        var lead = (await admin.CreateCompany("Lead")).Int("id");
        int[] leadPersons = [(await admin.CreatePerson(lead)).Int("id"), (await admin.CreatePerson(lead)).Int("id")];
        await admin.PatchPerson(leadPersons[0], new { leadStatusId = contacting });
        await admin.PatchPerson(leadPersons[1], new { leadStatusId = qualified });
        var target = Ids("company", customer, lead);
        var run = await admin.RunBulk(target, Set("company.category", await admin.CategoryId("Marketing qualified lead")), Set("company.owner", owner.Id));
        var moved = await app.Persons([customerPerson, .. leadPersons]);

        await (await admin.PostJson($"/api/bulk-updates/{run.Int("id")}/undo", null)).ShouldBe(202);
        var undone = await admin.WaitForState(run.Int("id"), "undone");

        Assert.Equal(await admin.DefaultStatusId(), moved[0].LeadStatusId);
        Assert.Equal([contacting, qualified], moved.Skip(1).Select(p => p.LeadStatusId));
        Assert.Equal(0, undone.Int("undoSkipped"));
        var customerCompany = await admin.GetOk($"/api/companies/{customer}");
        Assert.Equal(("Customer", null), (customerCompany.Str("category"), customerCompany.IntOrNull("ownerId")));
        Assert.Equal("Lead", (await admin.GetOk($"/api/companies/{lead}")).Str("category"));
        var back = await admin.GetPerson(customerPerson);
        Assert.Equal(("Customer", null, false), (back.Str("category"), back.IntOrNull("leadStatusId"), back.Bool("leadStatusActive")));
        Assert.Equal([contacting, qualified], (await app.Persons(leadPersons)).Select(p => p.LeadStatusId));
        await Assert.AllAsync(leadPersons, async p => Assert.Equal("Lead", (await admin.GetPerson(p)).Str("category")));
    }

    [Fact]
    public async Task UndoLeavesRecordsChangedBySomeoneElseSinceAndListsThem()
    {
        var admin = await app.Admin();
        var colleague = await app.NewUser();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        int[] ids = [(await admin.CreatePerson(company)).Int("id"), (await admin.CreatePerson(company)).Int("id"), (await admin.CreatePerson(company)).Int("id")];
        var open = await admin.StatusId("Open");
        var contacting = await admin.StatusId("Contacting");
        var run = await admin.RunBulk(Ids("person", ids), Set("person.leadStatus", await admin.StatusId("Qualified")));
        await colleague.Client.PatchPerson(ids[1], new { leadStatusId = contacting });

        await (await admin.PostJson($"/api/bulk-updates/{run.Int("id")}/undo", null)).ShouldBe(202);
        var undone = await admin.WaitForState(run.Int("id"), "undone");

        Assert.Equal((3, 1), (undone.Int("changed"), undone.Int("undoSkipped")));
        Assert.Equal([open, contacting, open], (await app.Persons(ids)).Select(p => p.LeadStatusId));
        Assert.Equal("api", (await admin.History(ids[1]))[0].Str("channel"));
        var skipped = Assert.Single(await admin.SkippedCsv(run.Int("id")));
        Assert.Equal((ids[1], "concurrencyConflict"), (skipped.Id, skipped.Code));
        Assert.Contains("someone else", skipped.Reason);
    }

    [Fact]
    public async Task UndoLeavesACompanyChangedSinceAsItIs()
    {
        var admin = await app.Admin();
        var customer = (await admin.CreateCompany("Customer")).Int("id");
        var person = (await admin.CreatePerson(customer)).Int("id");
        var run = await admin.RunBulk(Ids("company", customer), Set("company.category", await admin.CategoryId("Lead")));
        await admin.PatchCompany(customer, new { name = Unique.Name("Renamed") });

        await (await admin.PostJson($"/api/bulk-updates/{run.Int("id")}/undo", null)).ShouldBe(202);
        var undone = await admin.WaitForState(run.Int("id"), "undone");

        Assert.Equal(1, undone.Int("undoSkipped"));
        Assert.Equal("Lead", (await admin.GetOk($"/api/companies/{customer}")).Str("category"));
        Assert.Equal("Open", (await admin.GetPerson(person)).Str("leadStatus"));
        Assert.Equal([(customer, "concurrencyConflict")], (await admin.SkippedCsv(run.Int("id"))).Select(r => (r.Id, r.Code)));
    }

    [Fact]
    public async Task UndoOfACompanyCategoryKeepsAStatusSomeoneElseGaveAPersonSince()
    {
        var admin = await app.Admin();
        var colleague = await app.NewUser();
        var company = (await admin.CreateCompany("Customer")).Int("id");
        int[] persons = [(await admin.CreatePerson(company)).Int("id"), (await admin.CreatePerson(company)).Int("id")];
        var run = await admin.RunBulk(Ids("company", company), Set("company.category", await admin.CategoryId("Lead")));
        var contacting = await colleague.Client.StatusId("Contacting");
        await colleague.Client.PatchPerson(persons[1], new { leadStatusId = contacting });

        await (await admin.PostJson($"/api/bulk-updates/{run.Int("id")}/undo", null)).ShouldBe(202);
        await admin.WaitForState(run.Int("id"), "undone");

        Assert.Equal("Customer", (await admin.GetOk($"/api/companies/{company}")).Str("category"));
        Assert.Equal([null, contacting], (await app.Persons(persons)).Select(p => p.LeadStatusId));
    }

    [Fact]
    public async Task CancelResumeAndUndoAreRefusedInTheWrongState()
    {
        var admin = await app.Admin();
        var person = (await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"))).Int("id");
        var id = (await admin.RunBulk(Ids("person", person), Set("person.leadStatus", await admin.StatusId("Qualified")))).Int("id");

        await (await admin.PostJson($"/api/bulk-updates/{id}/cancel", null)).ShouldBeProblem(409, "bulkStateConflict");
        await (await admin.PostJson($"/api/bulk-updates/{id}/resume", null)).ShouldBeProblem(409, "bulkStateConflict");
        await (await admin.PostJson($"/api/bulk-updates/{id}/undo", null)).ShouldBe(202);
        await admin.WaitForState(id, "undone");
        var before = await app.Snapshot();

        await (await admin.PostJson($"/api/bulk-updates/{id}/undo", null)).ShouldBeProblem(409, "bulkStateConflict");
        await (await admin.PostJson($"/api/bulk-updates/{id}/cancel", null)).ShouldBeProblem(409, "bulkStateConflict");
        var problem = await (await admin.PostJson($"/api/bulk-updates/{id}/resume", null)).ShouldBeProblem(409, "bulkStateConflict");

        Assert.Contains("interrupted", problem.Str("detail"));
        await app.AssertUnchangedSince(before);
        await (await admin.PostJson("/api/bulk-updates/987654/undo", null)).ShouldBeProblem(404, "notFound");
    }
}

public sealed class BulkUndoApiTestsOnSqlite(SqliteApp app) : BulkUndoApiTests(app), IClassFixture<SqliteApp>;

public sealed class BulkUndoApiTestsOnPostgres(PostgresApp app) : BulkUndoApiTests(app), IClassFixture<PostgresApp>;
