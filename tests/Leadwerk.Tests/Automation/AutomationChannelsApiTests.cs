using Leadwerk.Tests.Board;
using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Import;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Bulk.BulkClient;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Automation;

/// <summary>Board, bulk, import and sales fire the rules like the person card does (R11, R15), roll-ups, and R18 on existing data.</summary>
public abstract class AutomationChannelsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ABoardMoveFiresTheRuleAndSaysSoInTheCompanysHistory()
    {
        var admin = await app.Admin();
        await admin.PutRules(await admin.Rule("leadStatusSet", "Opportunity", ["Qualified"]));
        var (company, person) = await admin.LeadWithPerson();
        var selection = await admin.StaticSelection([person]);
        var card = (await admin.Board(selection)).Card(person);

        await (await admin.Move(selection, person, BoardClient.Key(await admin.StatusId("Qualified")), card.Int("version"))).ShouldBe(200);

        Assert.Equal("Opportunity", await admin.CompanyCategory(company));
        Assert.Equal("board", (await admin.History(person))[0].Str("channel"));
        Assert.Equal(("automation", person), ((await admin.CategoryHistory(company))[0].Str("channel"), (await admin.CategoryHistory(company))[0].IntOrNull("triggerPersonId")));
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("queue")]
    [InlineData("skip")]
    public async Task ABulkStatusChangeFiresARuleThatAsksAsItsNonInteractiveSettingSays(string onNonInteractive)
    {
        var admin = await app.Admin();
        await admin.PutRules(await admin.Rule("leadStatusSet", "Opportunity", ["Qualified"], askUser: true, onNonInteractive: onNonInteractive));
        var (company, person) = await admin.LeadWithPerson();

        await admin.RunBulk(Ids("person", person), Set("person.leadStatus", await admin.StatusId("Qualified")));

        var queued = (await admin.GetOk("/api/suggestions?mine=true")).Items().Where(s => s.Int("companyId") == company).ToList();
        Assert.Equal(onNonInteractive == "apply" ? "Opportunity" : "Lead", await admin.CompanyCategory(company));
        Assert.Equal(onNonInteractive == "queue" ? 1 : 0, queued.Count);
        foreach (var suggestion in queued)
        {
            await (await admin.PostJson($"/api/suggestions/{suggestion.Str("token")}/dismiss", null)).ShouldBe(204);
        }
    }

    [Fact]
    public async Task AnImportedStatusFiresTheRuleInTheImportsTransaction()
    {
        var admin = await app.Admin();
        await admin.PutRules(await admin.Rule("leadStatusSet", "Opportunity", ["Qualified"]));
        var company = await admin.CreateCompany("Lead");
        var email = Email("imported");
        await (await admin.PostJson("/api/persons", new { companyId = company.Int("id"), lastName = "Imported", email })).ShouldBe(201);

        await admin.RunImport(Persons(dryRun: false), $"last name,e-mail,lead status\nImported,{email},Qualified\n");

        Assert.Equal("Opportunity", await admin.CompanyCategory(company.Int("id")));
        var row = (await admin.CategoryHistory(company.Int("id")))[0];
        Assert.Equal(("automation", "leadStatusSet"), (row.Str("channel"), row.Str("trigger")));
    }

    [Fact]
    public async Task ASoldSaleMakesTheCompanyACustomerAndALostOneALostOpportunity()
    {
        var admin = await app.Admin();
        await admin.PutRules(await admin.Rule("saleSold", "Customer"), await admin.Rule("saleLost", "Lost opportunity"));
        var won = (await admin.CreateCompany("Opportunity")).Int("id");
        var lost = (await admin.CreateCompany("Lead")).Int("id");
        var customer = (await admin.CreateCompany("Customer")).Int("id");

        var sold = await (await admin.PostJson("/api/sales", new { companyId = won, title = "Licences", amount = 1200m, status = "sold" })).ShouldBe(201);
        var open = await (await admin.PostJson("/api/sales", new { companyId = lost, title = "Pilot", amount = 300m })).ShouldBe(201);
        await (await admin.PatchJson($"/api/sales/{open.Int("id")}", new { status = "lost" })).ShouldBe(200);
        await (await admin.PostJson("/api/sales", new { companyId = customer, title = "Renewal", amount = 10m, status = "lost" })).ShouldBe(201);

        Assert.Equal("Customer", await admin.CompanyCategory(won));
        Assert.Equal("Lost opportunity", await admin.CompanyCategory(lost));
        Assert.Equal("Customer", await admin.CompanyCategory(customer));
        Assert.Empty(sold["suggestions"]!.AsArray());
        var row = (await admin.CategoryHistory(won))[0];
        Assert.Equal(("saleSold", sold.Int("id")), (row.Str("trigger"), row.IntOrNull("triggerSaleId")));
        Assert.StartsWith("Category set to Customer by rule “Sale sold → Customer” after sale “Licences” was sold on ", row.Str("text"));
    }

    [Fact]
    public async Task EveryPersonDisqualifiedMakesALostOpportunityButOneIsNotEnough()
    {
        var admin = await app.Admin();
        await admin.PutRules(await admin.Rule("allPersonsInStatus", "Lost opportunity", ["Disqualified"]));
        var (company, first) = await admin.LeadWithPerson();
        var second = (await admin.CreatePerson(company)).Int("id");
        var disqualified = await admin.StatusId("Disqualified");

        await admin.PatchPerson(first, new { leadStatusId = disqualified });
        var afterOne = await admin.CompanyCategory(company);
        await admin.PatchPerson(second, new { leadStatusId = disqualified });

        Assert.Equal("Lead", afterOne);
        Assert.Equal("Lost opportunity", await admin.CompanyCategory(company));
        Assert.Equal("allPersonsInStatus", (await admin.CategoryHistory(company))[0].Str("trigger"));
    }

    [Fact]
    public async Task ARuleAppliedToExistingCompaniesIsPreviewedRunAsABulkUpdateAndUndone()
    {
        var admin = await app.Admin();
        var rules = await admin.PutRules(await admin.Rule("anyPersonInStatus", "Opportunity", ["Contacting"], enabled: false));
        var ruleId = rules.Single().Int("id");
        var (matching, person) = await admin.LeadWithPerson();
        await admin.PatchPerson(person, new { leadStatusId = await admin.StatusId("Contacting") });
        var (notMatching, _) = await admin.LeadWithPerson();
        var (customer, customerPerson) = await admin.LeadWithPerson();
        await admin.PatchPerson(customerPerson, new { leadStatusId = await admin.StatusId("Contacting") });
        await admin.PatchCompany(customer, new { categoryId = await admin.CategoryId("Customer") });

        var preview = await (await admin.PostJson($"{AutomationClient.Rules}/rules/{ruleId}/preview", null)).ShouldBe(200);
        var started = await (await admin.PostJson($"{AutomationClient.Rules}/rules/{ruleId}/apply", null)).ShouldBe(202);
        await admin.WaitForState(started.Int("id"), "done");
        var applied = await admin.CompanyCategory(matching);
        var history = (await admin.CategoryHistory(matching))[0];
        await (await admin.PostJson($"/api/bulk-updates/{started.Int("id")}/undo", null)).ShouldBe(202);
        await admin.WaitForState(started.Int("id"), "undone");

        Assert.Equal(1, preview.Int("matched"));
        Assert.Equal([matching], preview["companies"]!.Items().Select(c => c.Int("id")));
        Assert.Equal(("Opportunity", ruleId), (applied, history.IntOrNull("ruleId")));
        Assert.Equal("Lead", await admin.CompanyCategory(matching));
        Assert.Equal("Lead", await admin.CompanyCategory(notMatching));
        Assert.Equal("Customer", await admin.CompanyCategory(customer));
        Assert.Equal(await admin.StatusId("Contacting"), (await admin.GetPerson(person)).IntOrNull("leadStatusId"));
    }
}

public sealed class AutomationChannelsApiTestsOnSqlite(SqliteApp app) : AutomationChannelsApiTests(app), IClassFixture<SqliteApp>;

public sealed class AutomationChannelsApiTestsOnPostgres(PostgresApp app) : AutomationChannelsApiTests(app), IClassFixture<PostgresApp>;
