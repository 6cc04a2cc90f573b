using System.Text.Json.Nodes;
using Leadwerk.Tests.Forms;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Attribution;

/// <summary>B5: where leads came from is a criterion, a column and a dashboard grouping, in Marketing Premium.</summary>
public abstract class TouchCriteriaApiTests(LeadwerkApp app)
{
    private static object Line(string field, string op, params object[] values) => new { field, @operator = op, values };

    private static object Criteria(params object[] lines) => new { entity = "person", sets = new[] { new { lines } } };

    /// <summary>Two leads through one new form: Anna from a Google ad who came back through LinkedIn, Bram from the newsletter.</summary>
    private async Task<(JsonNode Form, string Campaign, int Anna, int Bram)> TwoLeads(HttpClient admin)
    {
        var form = await FormTests.Create(admin, Unique.Key("source"));
        var campaign = Unique.Name("Spring");
        using var visitor = app.Anonymous();
        var anna = Unique.Email();
        await (await visitor.PostJson(FormTests.Url(form), new
        {
            email = anna, last_name = "Anna", utm_source = "Google", utm_medium = "cpc", utm_campaign = campaign,
            firstTouch = new { utm_source = "fb", utm_medium = "social", at = "2026-11-01T10:00:00Z" },
        })).ShouldBe(201);
        await (await visitor.PostJson(FormTests.Url(form), new { email = anna, utm_source = "linkedin", utm_medium = "social" })).ShouldBe(201);
        var bram = Unique.Email();
        await (await visitor.PostJson(FormTests.Url(form), new { email = bram, last_name = "Bram", utm_source = "Newsletter", utm_medium = "email" })).ShouldBe(201);
        int Id(JsonNode page) => page["items"]!.Items().Single().Int("id");
        return (form, campaign, Id(await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(anna)}")),
            Id(await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(bram)}")));
    }

    [Fact]
    public async Task WithoutMarketingPremiumTouchCriteriaColumnsAndGroupingsAreRefusedWithTheEditionTheyNeed()
    {
        var admin = await app.Admin();
        var (form, _, _, _) = await TwoLeads(admin);

        var criterion = await admin.PostJson("/api/search", new { criteria = Criteria(Line("person.leadCreation.source", "equals", "google")) });
        var column = await admin.PostJson("/api/search", new
        {
            criteria = Criteria(Line("person.lastName", "equals", "Anna")), columns = new[] { "person.lastName", "person.firstTouch.source" },
        });
        var tile = await admin.PostJson("/api/dashboards/evaluate", new
        {
            tile = new { chart = "bar", groupBy = new[] { new { field = "person.leadCreation.source" } } }, filters = new { },
        });

        var problem = await criterion.ShouldBeProblem(403, "featureNotInEdition");
        Assert.Equal(("marketingPremium", "utmAttribution"), (problem.Str("requiredEdition"), problem.Str("feature")));
        await column.ShouldBeProblem(403, "featureNotInEdition");
        await tile.ShouldBeProblem(403, "featureNotInEdition");
        var fields = await admin.GetOk("/api/search/fields?entity=person");
        Assert.EndsWith("(Marketing Premium)", fields.Items().Single(f => f.Str("key") == "person.leadCreation.source").Str("label"));
        Assert.NotNull(form);
    }

    [Fact]
    public async Task FindSelectsShowsAndSortsLeadsByTheirFirstTouchLeadCreationAndLatestTouch()
    {
        var admin = await app.Admin();
        var (form, campaign, anna, bram) = await TwoLeads(admin);
        var ofForm = Line("person.leadCreation.form", "oneOf", form.Int("id"));

        await Premium.With(admin, async () =>
        {
            var page = await (await admin.PostJson("/api/search", new
            {
                criteria = Criteria(ofForm),
                columns = new[]
                {
                    "person.lastName", "person.firstTouch.source", "person.leadCreation.source", "person.leadCreation.campaign",
                    "person.leadCreation.channel", "person.leadCreation.form", "person.latestTouch.source",
                },
                sort = "-person.leadCreation.source", count = true,
            })).ShouldBe(200);
            var byCampaign = await (await admin.PostJson("/api/search", new
            {
                criteria = Criteria(Line("person.leadCreation.campaign", "equals", campaign.ToUpperInvariant())), count = true,
            })).ShouldBe(200);
            var paid = await (await admin.PostJson("/api/search", new
            {
                criteria = Criteria(ofForm, Line("person.leadCreation.channel", "oneOf", "paidSearch"), Line("person.latestTouch.source", "equals", "linkedin")),
                count = true,
            })).ShouldBe(200);
            var firstFromFacebook = await (await admin.PostJson("/api/search/count",
                Criteria(ofForm, Line("person.firstTouch.source", "equals", "facebook")))).ShouldBe(200);

            var items = page["items"]!.Items();
            Assert.Equal([bram, anna], items.Select(i => i.Int("id")));
            Assert.Equal(("facebook", "google", campaign, "Paid search", "linkedin"), (items[1].Str("person.firstTouch.source"),
                items[1].Str("person.leadCreation.source"), items[1].Str("person.leadCreation.campaign"), items[1].Str("person.leadCreation.channel"),
                items[1].Str("person.latestTouch.source")));
            Assert.Equal(form.Str("name"), items[1].Str("person.leadCreation.form"));
            Assert.Equal(("newsletter", "newsletter"), (items[0].Str("person.leadCreation.source"), items[0].Str("person.latestTouch.source")));
            Assert.Equal(anna, byCampaign["items"]!.Items().Single().Int("id"));
            Assert.Equal(anna, paid["items"]!.Items().Single().Int("id"));
            Assert.Equal(1, firstFromFacebook.Int("count"));
        });
    }

    [Fact]
    public async Task ACompanyMadeByASubmissionKeepsThatVisitAsItsSourceForCriteriaColumnsAndItsCard()
    {
        var admin = await app.Admin();
        var form = await FormTests.Create(admin, Unique.Key("company"));
        var company = Unique.Name("Sourced");
        using var visitor = app.Anonymous();
        await (await visitor.PostJson(FormTests.Url(form), new
        {
            email = Unique.Email(), last_name = "Cas", company, utm_source = "LinkedIn", utm_medium = "paid_social", utm_campaign = "b2b",
        })).ShouldBe(201);
        var companyId = (await admin.GetOk($"/api/companies?search={Uri.EscapeDataString(company)}"))["items"]!.Items().Single().Int("id");

        await (await admin.GetAsync($"/api/companies/{companyId}/attribution")).ShouldBeProblem(403, "featureNotInEdition");
        await Premium.With(admin, async () =>
        {
            var attribution = await admin.GetOk($"/api/companies/{companyId}/attribution");
            var found = await (await admin.PostJson("/api/search", new
            {
                criteria = new { entity = "company", sets = new[] { new { lines = new[]
                {
                    Line("company.name", "equals", company), Line("company.source.channel", "oneOf", "paidSocial"),
                } } } },
                columns = new[] { "company.name", "company.source.source", "company.source.campaign" },
            })).ShouldBe(200);

            Assert.Equal(($"form:{form.Str("key")}", "linkedin", "Paid social"), (attribution.Str("recordSource"),
                attribution["companySource"]!.Str("sourceKey"), attribution["companySource"]!.Str("channelName")));
            var row = found["items"]!.Items().Single();
            Assert.Equal((companyId, "linkedin", "b2b"), (row.Int("id"), row.Str("company.source.source"), row.Str("company.source.campaign")));
        });
    }

    [Fact]
    public async Task ADashboardCountsNewLeadsPerSourceAndPerFormAndEachFigureDrillsToItsLeads()
    {
        var admin = await app.Admin();
        var (form, _, anna, bram) = await TwoLeads(admin);
        var dataset = new { criteria = Criteria(Line("person.leadCreation.form", "oneOf", form.Int("id"))) };
        var period = new { field = "person.leadCreation.at", preset = "last30d" };

        await Premium.With(admin, async () =>
        {
            var bySource = await (await admin.PostJson("/api/dashboards/evaluate", new
            {
                tile = new { chart = "bar", dataset, period, groupBy = new[] { new { field = "person.leadCreation.source" } } }, filters = new { },
            })).ShouldBe(200);
            var byForm = await (await admin.PostJson("/api/dashboards/evaluate", new
            {
                tile = new { chart = "bar", period, groupBy = new[] { new { field = "person.leadCreation.form" } }, limit = 100 }, filters = new { },
            })).ShouldBe(200);
            var library = await admin.GetOk("/api/dashboards/library");

            var series = bySource["series"]!.Items();
            Assert.Equal(["google", "newsletter"], series.Select(s => s.Str("label")).Order());
            Assert.All(series, s => Assert.Equal(1, s.Int("value")));
            foreach (var (label, id) in new[] { ("google", anna), ("newsletter", bram) })
            {
                var drill = series.Single(s => s.Str("label") == label)["drill"]!["criteria"];
                var found = await (await admin.PostJson("/api/search", new { criteria = drill, count = true })).ShouldBe(200);
                Assert.Equal(id, found["items"]!.Items().Single().Int("id"));
            }

            var ours = byForm["series"]!.Items().Single(s => s.Str("label") == form.Str("name"));
            Assert.Equal(2, ours.Int("value"));
            Assert.Equal(2, (await (await admin.PostJson("/api/search/count", ours["drill"]!["criteria"])).ShouldBe(200)).Int("count"));
            Assert.Contains(library.Items(), t => t.Str("id") == "top-forms");
        });
    }
}

public sealed class TouchCriteriaApiTestsOnSqlite(SqliteApp app) : TouchCriteriaApiTests(app), IClassFixture<SqliteApp>;

public sealed class TouchCriteriaApiTestsOnPostgres(PostgresApp app) : TouchCriteriaApiTests(app), IClassFixture<PostgresApp>;
