using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Bulk;

/// <summary>Each bulk action, through the same rules as a single edit (R1, R5, R6, R13).</summary>
public abstract class BulkActionsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task SettingStatusAndOwnerChangesEveryPersonAndRecordsHistoryOnTheBulkChannel()
    {
        var user = await app.NewUser();
        var owner = await app.NewUser();
        var company = (await user.Client.CreateCompany("Lead")).Int("id");
        int[] ids = [(await user.Client.CreatePerson(company)).Int("id"), (await user.Client.CreatePerson(company)).Int("id")];
        var qualified = await user.Client.StatusId("Qualified");

        var run = await user.Client.RunBulk(Ids("person", ids), Set("person.leadStatus", qualified), Set("person.owner", owner.Id));

        Assert.Equal(2, run.Int("changed"));
        Assert.All(await app.Persons(ids), p => Assert.Equal((qualified, owner.Id), (p.LeadStatusId, p.OwnerId)));
        foreach (var id in ids)
        {
            var newest = (await user.Client.History(id))[0];
            Assert.Equal(("Open", "Qualified", "bulk", user.Id), (newest.Str("from"), newest.Str("to"), newest.Str("channel"), newest.IntOrNull("userId")));
        }

        Assert.Equal(run.Int("changed"), await app.BulkHistoryRows(ids));
    }

    [Fact]
    public async Task ClearingTheOwnerRemovesItAndPersonsWithoutOneAreUnchanged()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        int[] owned = [await PersonWithOwner(admin, company, owner.Id), await PersonWithOwner(admin, company, owner.Id)];
        var ownerless = (await admin.CreatePerson(company)).Int("id");
        var target = Ids("person", [.. owned, ownerless]);

        var preview = await admin.Preview(target, Clear("person.owner"));
        var run = await admin.RunBulk(target, Clear("person.owner"));

        Assert.Equal((2, 1), (preview.Int("toChange"), preview.Int("unchanged")));
        Assert.Equal((2, 1, 0), (run.Int("changed"), run.Unchanged(), run.Int("skipped")));
        Assert.All(await app.Persons([.. owned, ownerless]), p => Assert.Null(p.OwnerId));
        Assert.Equal(0, await app.BulkHistoryRows([.. owned, ownerless]));
    }

    [Fact]
    public async Task APersonOneActionCannotChangeIsSkippedWholeWithTheReason()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        var open = (await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"))).Int("id");
        var locked = (await admin.CreatePerson((await admin.CreateCompany("Opportunity")).Int("id"))).Int("id");
        var qualified = await admin.StatusId("Qualified");

        var run = await admin.RunBulk(Ids("person", open, locked), Set("person.owner", owner.Id), Set("person.leadStatus", qualified));

        Assert.Equal((1, 1), (run.Int("changed"), run.Int("skipped")));
        var persons = await app.Persons([open, locked]);
        Assert.Equal((qualified, owner.Id), (persons[0].LeadStatusId, persons[0].OwnerId));
        Assert.Equal((null, null), (persons[1].LeadStatusId, persons[1].OwnerId));
        var skip = Assert.Single(await admin.SkippedCsv(run.Int("id")));
        Assert.Equal((locked, "leadStatusNotActive"), (skip.Id, skip.Code));
        Assert.Contains("Opportunity", skip.Reason);
    }

    [Fact]
    public async Task CompanyMovedFromCustomerToLeadGivesItsPersonsTheDefaultStatus()
    {
        var admin = await app.Admin();
        var open = await admin.StatusId("Open");
        var contacting = await admin.StatusId("Contacting");
        var lead = await admin.CategoryId("Lead");
        var customer = (await admin.CreateCompany("Customer")).Int("id");
        int[] customers = [(await admin.CreatePerson(customer)).Int("id"), (await admin.CreatePerson(customer)).Int("id")];
        var mql = (await admin.CreateCompany("Marketing qualified lead")).Int("id");
        var kept = (await admin.CreatePerson(mql)).Int("id");
        await admin.PatchPerson(kept, new { leadStatusId = contacting });
        var already = (await admin.CreateCompany("Lead")).Int("id");

        var preview = await admin.Preview(Ids("company", customer, mql, already), Set("company.category", lead));
        var run = await admin.RunBulk(Ids("company", customer, mql, already), Set("company.category", lead));

        Assert.Equal((2, 1), (preview.Int("toChange"), preview.Int("unchanged")));
        Assert.Equal((2, 1, 0), (run.Int("changed"), run.Unchanged(), run.Int("skipped")));
        Assert.Equal("Lead", (await admin.GetOk($"/api/companies/{customer}")).Str("category"));
        Assert.Equal("Lead", (await admin.GetOk($"/api/companies/{mql}")).Str("category"));
        foreach (var id in customers)
        {
            var person = await admin.GetPerson(id);
            Assert.Equal((open, "Lead", true), (person.IntOrNull("leadStatusId"), person.Str("category"), person.Bool("leadStatusActive")));
            var row = Assert.Single(await admin.History(id));
            Assert.Equal((null, "Open", "bulk"), (row.Str("from"), row.Str("to"), row.Str("channel")));
        }

        Assert.Equal(contacting, (await admin.GetPerson(kept)).IntOrNull("leadStatusId"));
        Assert.Equal(0, await app.BulkHistoryRows([kept]));
    }

    [Fact]
    public async Task CompanyMovedOutOfTheActiveCategoriesKeepsItsPersonsStatusesLocked()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var person = (await admin.CreatePerson(company)).Int("id");

        await admin.RunBulk(Ids("company", company), Set("company.category", await admin.CategoryId("Customer")));

        var locked = await admin.GetPerson(person);
        Assert.Equal(("Open", false, "Customer"), (locked.Str("leadStatus"), locked.Bool("leadStatusActive"), locked.Str("category")));
        var history = await admin.History(person);
        Assert.Equal(2, history.Count);
        Assert.Equal(("Open", "Open", false, "bulk"), (history[0].Str("from"), history[0].Str("to"), history[0].Bool("active"), history[0].Str("channel")));
    }

    [Fact]
    public async Task SettingAndClearingTheCompanyOwnerChangesOnlyTheCompanies()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        int[] companies = [(await admin.CreateCompany("Lead")).Int("id"), (await admin.CreateCompany("Customer")).Int("id")];
        var person = await PersonWithOwner(admin, companies[0], null);

        var set = await admin.RunBulk(Ids("company", companies), Set("company.owner", owner.Id));
        var owners = await Task.WhenAll(companies.Select(async c => (await admin.GetOk($"/api/companies/{c}")).IntOrNull("ownerId")));
        var cleared = await admin.RunBulk(Ids("company", companies), Clear("company.owner"));

        Assert.Equal(2, set.Int("changed"));
        Assert.All(owners, o => Assert.Equal(owner.Id, o));
        Assert.Null(Assert.Single(await app.Persons([person])).OwnerId);
        Assert.Equal(2, cleared.Int("changed"));
        foreach (var company in companies)
        {
            Assert.Null((await admin.GetOk($"/api/companies/{company}")).IntOrNull("ownerId"));
        }
    }

    private static async Task<int> PersonWithOwner(HttpClient client, int companyId, int? ownerId) =>
        (await (await client.PostJson("/api/persons", new { companyId, lastName = Unique.Name("Owned"), ownerId })).ShouldBe(201)).Int("id");
}

public sealed class BulkActionsApiTestsOnSqlite(SqliteApp app) : BulkActionsApiTests(app), IClassFixture<SqliteApp>;

public sealed class BulkActionsApiTestsOnPostgres(PostgresApp app) : BulkActionsApiTests(app), IClassFixture<PostgresApp>;
