using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

/// <summary>The R5/R6 transitions and the R13 history, driven over the API.</summary>
public abstract class LeadTransitionsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task PersonCreatedUnderALeadCompanyStartsAsOpenWithOneHistoryRow()
    {
        var user = await app.NewUser();
        var company = await user.Client.CreateCompany("Lead");
        var openId = await user.Client.StatusId("Open");

        var person = await user.Client.CreatePerson(company.Int("id"));

        Assert.Equal(openId, person.IntOrNull("leadStatusId"));
        var row = Assert.Single(await user.Client.History(person.Int("id")));
        Assert.Equal(["at", "userId", "userName", "fromId", "from", "toId", "to", "channel", "active", "becameLead", "event", "job", "undoes",
            "reverted"], row.AsObject().Select(p => p.Key));
        Assert.True(row.Bool("active") && row.Bool("becameLead"));
        Assert.Equal(user.Id, row.IntOrNull("userId"));
        Assert.Null(row.IntOrNull("fromId"));
        Assert.Null(row.Str("from"));
        Assert.Equal(openId, row.IntOrNull("toId"));
        Assert.Equal("Open", row.Str("to"));
        Assert.Equal("api", row.Str("channel"));
        var at = row["at"]!.GetValue<DateTime>();
        Assert.Equal(DateTimeKind.Utc, at.Kind);
        Assert.InRange(at, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task PersonCreatedWithAChosenStatusStartsWithIt()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Marketing qualified lead");
        var qualified = await admin.StatusId("Qualified");

        var person = await (await admin.PostJson("/api/persons", new { companyId = company.Int("id"), lastName = "Chosen", leadStatusId = qualified }))
            .ShouldBe(201);

        Assert.Equal(qualified, person.IntOrNull("leadStatusId"));
        Assert.Equal("Qualified", Assert.Single(await admin.History(person.Int("id"))).Str("to"));
    }

    [Fact]
    public async Task PersonCreatedUnderACustomerHasNoStatusAndCannotBeGivenOne()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Customer");

        var person = await admin.CreatePerson(company.Int("id"));
        var before = await app.Snapshot();
        var refused = await admin.PostJson("/api/persons", new { companyId = company.Int("id"), lastName = "X", leadStatusId = await admin.StatusId("Open") });

        Assert.Null(person.IntOrNull("leadStatusId"));
        Assert.False(person.Bool("leadStatusActive"));
        Assert.Empty(await admin.History(person.Int("id")));
        await refused.ShouldBeProblem(409, "leadStatusNotActive");
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task StatusChangeOverTheApiIsRecordedWithFromToAndChannel()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"));

        var changed = await admin.PatchPerson(person.Int("id"), new { leadStatusId = await admin.StatusId("Contacting") });

        Assert.Equal("Contacting", changed.Str("leadStatus"));
        var history = await admin.History(person.Int("id"));
        Assert.Equal(2, history.Count);
        Assert.Equal("Open", history[0].Str("from"));
        Assert.Equal("Contacting", history[0].Str("to"));
        Assert.Equal("api", history[0].Str("channel"));
        var dutch = (await admin.GetOk($"/api/persons/{person.Int("id")}/lead-status-history", "nl")).Items();
        Assert.Equal("Contact opnemen", dutch[0].Str("to"));
    }

    [Fact]
    public async Task PersonMovedToACustomerCompanyKeepsItsStatusButCannotChangeIt()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"));
        var qualified = await admin.StatusId("Qualified");
        await admin.PatchPerson(person.Int("id"), new { leadStatusId = qualified });
        var customer = await admin.CreateCompany("Customer");

        var moved = await admin.PatchPerson(person.Int("id"), new { companyId = customer.Int("id") });

        Assert.Equal(qualified, moved.IntOrNull("leadStatusId"));
        Assert.Equal("Qualified", moved.Str("leadStatus"));
        Assert.False(moved.Bool("leadStatusActive"));
        Assert.Contains("Customer", moved.Str("leadStatusInactiveReason")!);
        Assert.Equal("Customer", moved.Str("category"));
        var history = await admin.History(person.Int("id"));
        Assert.Equal(3, history.Count);
        Assert.Equal(("Qualified", "Qualified", false), (history[0].Str("from"), history[0].Str("to"), history[0].Bool("active")));
        await (await admin.PatchJson($"/api/persons/{person.Int("id")}", new { leadStatusId = await admin.StatusId("Open") }))
            .ShouldBeProblem(409, "leadStatusNotActive");
    }

    [Fact]
    public async Task PersonMovedFromACustomerToALeadCompanyBecomesANewLead()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePerson((await admin.CreateCompany("Customer")).Int("id"));
        var lead = await admin.CreateCompany("Lead");

        var moved = await admin.PatchPerson(person.Int("id"), new { companyId = lead.Int("id") });

        Assert.Equal(await admin.DefaultStatusId(), moved.IntOrNull("leadStatusId"));
        Assert.True(moved.Bool("leadStatusActive"));
        Assert.Equal("api", Assert.Single(await admin.History(person.Int("id"))).Str("channel"));
    }

    [Fact]
    public async Task PersonLeavingItsCompanyKeepsTheCategoryAsItsOwn()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Marketing qualified lead");
        var person = await admin.CreatePerson(company.Int("id"));

        var alone = await admin.PatchPerson(person.Int("id"), new { companyId = (int?)null });

        Assert.Null(alone.IntOrNull("companyId"));
        Assert.Equal(company.Int("categoryId"), alone.IntOrNull("categoryId"));
        Assert.False(alone.Bool("categoryInherited"));
        Assert.Equal(person.IntOrNull("leadStatusId"), alone.IntOrNull("leadStatusId"));
    }

    [Fact]
    public async Task CompanyMovingFromCustomerToLeadGivesItsPersonsTheDefaultStatus()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var person = await admin.CreatePerson(company.Int("id"));
        await admin.PatchPerson(person.Int("id"), new { leadStatusId = await admin.StatusId("Qualified") });
        await admin.PatchCompany(company.Int("id"), new { categoryId = await admin.CategoryId("Customer") });
        var locked = await admin.GetPerson(person.Int("id"));
        Assert.Equal("Qualified", locked.Str("leadStatus"));
        Assert.False(locked.Bool("leadStatusActive"));

        var changed = await admin.PatchCompany(company.Int("id"), new { categoryId = await admin.CategoryId("Lead") });

        Assert.True(changed.Bool("leadStatusActive"));
        var lead = await admin.GetPerson(person.Int("id"));
        Assert.Equal(await admin.DefaultStatusId(), lead.IntOrNull("leadStatusId"));
        Assert.True(lead.Bool("leadStatusActive"));
        // Created, Qualified, no longer active (kept), then a new lead with the default (R5).
        var history = await admin.History(person.Int("id"));
        Assert.Equal(4, history.Count);
        Assert.True(history[0].Bool("becameLead"));
        Assert.Equal("Qualified", history[0].Str("from"));
        Assert.Equal("Open", history[0].Str("to"));
        Assert.Equal("api", history[0].Str("channel"));
    }

    [Fact]
    public async Task CompanyMovingBetweenTwoActiveCategoriesKeepsEachPersonsStatus()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var contacting = await admin.CreatePerson(company.Int("id"));
        var open = await admin.CreatePerson(company.Int("id"));
        await admin.PatchPerson(contacting.Int("id"), new { leadStatusId = await admin.StatusId("Contacting") });

        var changed = await admin.PatchCompany(company.Int("id"), new { categoryId = await admin.CategoryId("Marketing qualified lead") });

        Assert.Equal("Marketing qualified lead", changed.Str("category"));
        Assert.Equal("Contacting", (await admin.GetPerson(contacting.Int("id"))).Str("leadStatus"));
        Assert.Equal("Open", (await admin.GetPerson(open.Int("id"))).Str("leadStatus"));
        Assert.Equal("Marketing qualified lead", (await admin.GetPerson(open.Int("id"))).Str("category"));
        Assert.Equal(2, (await admin.History(contacting.Int("id"))).Count);
        Assert.Single(await admin.History(open.Int("id")));
    }

    [Fact]
    public async Task CompanyLeavingTheActiveCategoriesKeepsTheValuesLocked()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var person = await admin.CreatePerson(company.Int("id"));

        var changed = await admin.PatchCompany(company.Int("id"), new { categoryId = await admin.CategoryId("Opportunity") });

        Assert.False(changed.Bool("leadStatusActive"));
        Assert.Contains("switched off", changed.Str("leadStatusInactiveReason")!);
        var locked = await admin.GetPerson(person.Int("id"));
        Assert.Equal("Open", locked.Str("leadStatus"));
        Assert.False(locked.Bool("leadStatusActive"));
        Assert.Contains("Opportunity", locked.Str("leadStatusInactiveReason")!);

        // The status did not change; the history records that it stopped being active (B1).
        var history = await admin.History(person.Int("id"));
        Assert.Equal(2, history.Count);
        Assert.Equal(("Open", "Open", false), (history[0].Str("from"), history[0].Str("to"), history[0].Bool("active")));
    }
}

public sealed class LeadTransitionsApiTestsOnSqlite(SqliteApp app) : LeadTransitionsApiTests(app), IClassFixture<SqliteApp>;

public sealed class LeadTransitionsApiTestsOnPostgres(PostgresApp app) : LeadTransitionsApiTests(app), IClassFixture<PostgresApp>;
