using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Bulk;

/// <summary>F7/B3: the dry run tells exactly what the run will do, for every kind of target, and writes nothing.</summary>
public abstract class BulkPreviewApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task PreviewCountsAreWhatTheRunThenDoesAndTheDryRunWritesNothing()
    {
        var admin = await app.Admin();
        var contacting = await admin.StatusId("Contacting");
        var lead = (await admin.CreateCompany("Lead")).Int("id");
        var toChange = new[] { (await admin.CreatePerson(lead)).Int("id"), (await admin.CreatePerson(lead)).Int("id") };
        var already = (await admin.CreatePerson(lead)).Int("id");
        await admin.PatchPerson(already, new { leadStatusId = contacting });
        var switchedOff = (await admin.CreatePerson((await admin.CreateCompany("Opportunity")).Int("id"))).Int("id");
        var customer = (await admin.CreatePerson((await admin.CreateCompany("Customer")).Int("id"))).Int("id");
        var missing = customer + 1_000_000;
        var target = Ids("person", missing, switchedOff, toChange[1], already, customer, toChange[0]);
        var before = await app.Snapshot();

        var preview = await admin.Preview(target, Set("person.leadStatus", contacting));

        await app.AssertUnchangedSince(before);
        Assert.Equal(6, preview.Int("matched"));
        Assert.Equal(2, preview.Int("toChange"));
        Assert.Equal(1, preview.Int("unchanged"));
        Assert.Equal(3, preview.Int("skippedCount"));
        Assert.Equal(toChange, preview["firstToChange"]!.AsArray().Select(n => n!.GetValue<int>()).Order());
        var skipped = preview["skipped"]!.Items().ToDictionary(s => s.Int("id"));
        Assert.Equal([switchedOff, customer, missing], skipped.Keys.Order());
        Assert.Equal("leadStatusNotActive", skipped[switchedOff].Str("code"));
        Assert.Contains("switched off", skipped[switchedOff].Str("reason"));
        Assert.Equal("leadStatusNotActive", skipped[customer].Str("code"));
        Assert.Contains("Customer", skipped[customer].Str("reason"));
        Assert.Equal("notFound", skipped[missing].Str("code"));

        var previewCsv = await admin.PostJson("/api/bulk-updates/preview/skipped.csv", new { target, actions = new[] { Set("person.leadStatus", contacting) } });
        Assert.Equal(200, (int)previewCsv.StatusCode);
        var lines = (await previewCsv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,code,reason", lines[0].TrimEnd('\r'));
        Assert.Equal([switchedOff, customer, missing], lines.Skip(1).Select(l => int.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).Order());
        await app.AssertUnchangedSince(before);

        var run = await admin.RunBulk(target, Set("person.leadStatus", contacting));

        Assert.Equal(6, run.Int("total"));
        Assert.Equal(6, run.Int("done"));
        Assert.Equal(preview.Int("toChange"), run.Int("changed"));
        Assert.Equal(preview.Int("skippedCount"), run.Int("skipped"));
        Assert.Equal(preview.Int("unchanged"), run.Unchanged());
        Assert.All(await app.Persons([.. toChange, already]), p => Assert.Equal(contacting, p.LeadStatusId));
        var csv = await admin.SkippedCsv(run.Int("id"));
        Assert.Equal(skipped.Keys.Order(), csv.Select(r => r.Id));
        Assert.All(csv, r => Assert.Equal(skipped[r.Id].Str("code"), r.Code));
    }

    [Fact]
    public async Task StaticSelectionTargetsItsMembersOnly()
    {
        var user = await app.NewUser();
        var company = (await user.Client.CreateCompany("Lead")).Int("id");
        var members = new[] { (await user.Client.CreatePerson(company)).Int("id"), (await user.Client.CreatePerson(company)).Int("id") };
        var outsider = (await user.Client.CreatePerson(company)).Int("id");
        var selection = await (await user.Client.PostJson("/api/selections", new { name = Unique.Name("Sel"), kind = "static", entity = "person", memberIds = members }))
            .ShouldBe(201);
        var target = Selection(selection.Int("id"));

        var preview = await user.Client.Preview(target, Set("person.owner", user.Id));
        var run = await user.Client.RunBulk(target, Set("person.owner", user.Id));

        Assert.Equal(2, preview.Int("matched"));
        Assert.Equal(2, preview.Int("toChange"));
        Assert.Equal(2, run.Int("changed"));
        Assert.All(await app.Persons(members), p => Assert.Equal(user.Id, p.OwnerId));
        Assert.Null(Assert.Single(await app.Persons([outsider])).OwnerId);
    }

    [Fact]
    public async Task DynamicSelectionTargetsWhatItsCriteriaMatchWhenTheRunStarts()
    {
        var user = await app.NewUser();
        var company = (await user.Client.CreateCompany("Lead")).Int("id");
        var first = (await user.Client.CreatePerson(company)).Int("id");
        var criteria = CriteriaDocument("person", "person.company", "oneOf", company);
        var selection = await (await user.Client.PostJson("/api/selections", new { name = Unique.Name("Sel"), kind = "dynamic", criteria }))
            .ShouldBe(201);
        var later = (await user.Client.CreatePerson(company)).Int("id");
        var qualified = await user.Client.StatusId("Qualified");

        var preview = await user.Client.Preview(Selection(selection.Int("id")), Set("person.leadStatus", qualified));
        var run = await user.Client.RunBulk(Selection(selection.Int("id")), Set("person.leadStatus", qualified));

        Assert.Equal(2, preview.Int("matched"));
        Assert.Equal(2, run.Int("changed"));
        Assert.All(await app.Persons([first, later]), p => Assert.Equal(qualified, p.LeadStatusId));
    }

    [Fact]
    public async Task CriteriaTargetTakesTheMatchingPersonsOrCompanies()
    {
        var admin = await app.Admin();
        var owner = await app.NewUser();
        var prefix = Unique.Name("Crit");
        var company = (await admin.CreateCompany("Lead", name: prefix + " company")).Int("id");
        var otherCompany = (await admin.CreateCompany("Lead")).Int("id");
        var matching = new[] { (await admin.CreatePerson(company, prefix + " A")).Int("id"), (await admin.CreatePerson(company, prefix + " B")).Int("id") };
        var other = (await admin.CreatePerson(company)).Int("id");

        var persons = await admin.RunBulk(Criteria("person", "person.lastName", "startsWith", prefix), Set("person.owner", owner.Id));
        var companies = await admin.RunBulk(Criteria("company", "company.name", "startsWith", prefix), Set("company.owner", owner.Id));

        Assert.Equal((2, 2), (persons.Int("total"), persons.Int("changed")));
        Assert.Equal("person", persons.Str("entity"));
        Assert.All(await app.Persons(matching), p => Assert.Equal(owner.Id, p.OwnerId));
        Assert.Null(Assert.Single(await app.Persons([other])).OwnerId);
        Assert.Equal((1, 1), (companies.Int("total"), companies.Int("changed")));
        Assert.Equal("company", companies.Str("entity"));
        Assert.Equal(owner.Id, (await admin.GetOk($"/api/companies/{company}")).IntOrNull("ownerId"));
        Assert.Null((await admin.GetOk($"/api/companies/{otherCompany}")).IntOrNull("ownerId"));
    }

    [Fact]
    public async Task AnotherUsersPrivateSelectionIsNoTarget()
    {
        var owner = await app.NewUser();
        var stranger = await app.NewUser();
        var person = (await owner.Client.CreatePerson((await owner.Client.CreateCompany("Lead")).Int("id"))).Int("id");
        var selection = await (await owner.Client.PostJson("/api/selections", new { name = Unique.Name("Sel"), kind = "static", entity = "person", memberIds = new[] { person } }))
            .ShouldBe(201);
        var before = await app.Snapshot();

        await (await stranger.Client.PostBulk(Selection(selection.Int("id")), dryRun: true, Set("person.owner", stranger.Id))).ShouldBeProblem(404, "notFound");
        await (await stranger.Client.PostBulk(Selection(selection.Int("id")), dryRun: false, Set("person.owner", stranger.Id))).ShouldBeProblem(404, "notFound");

        await app.AssertUnchangedSince(before);
    }
}

public sealed class BulkPreviewApiTestsOnSqlite(SqliteApp app) : BulkPreviewApiTests(app), IClassFixture<SqliteApp>;

public sealed class BulkPreviewApiTestsOnPostgres(PostgresApp app) : BulkPreviewApiTests(app), IClassFixture<PostgresApp>;
