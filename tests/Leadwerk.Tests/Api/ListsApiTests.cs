using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

/// <summary>The seeded lists as every user reads them; no test here changes a list.</summary>
public abstract class ListsApiTests(LeadwerkApp app)
{
    private static readonly string[] SeededCategories =
        ["Lead", "Marketing qualified lead", "Opportunity", "Lost opportunity", "Customer", "Partner", "Other"];

    private static readonly string[] SeededCategoriesDutch =
        ["Lead", "Marketinggekwalificeerde lead", "Kans", "Verloren kans", "Klant", "Partner", "Overig"];

    private static readonly string[] SeededStatuses = ["Open", "Contacting", "Qualified", "Disqualified", "Re-nurture"];

    private static readonly string[] SeededStatusesDutch = ["Open", "Contact opnemen", "Gekwalificeerd", "Gediskwalificeerd", "Opnieuw benaderen"];

    private static readonly string[] GroupIds = ["customer", "potentialCustomer", "partner", "lost", "other"];

    [Fact]
    public async Task CategoryGroupsAreTheFiveFixedGroups()
    {
        var user = await app.NewUser();

        var groups = (await user.Client.GetOk("/api/category-groups")).Items();

        Assert.Equal(GroupIds, groups.Select(g => g.Str("id")));
        Assert.Equal("Potential customer", groups.Single(g => g.Str("id") == "potentialCustomer").Str("name"));
        var dutch = (await user.Client.GetOk("/api/category-groups", "nl")).Items();
        Assert.Equal("Potentiële klant", dutch.Single(g => g.Str("id") == "potentialCustomer").Str("name"));
    }

    [Fact]
    public async Task SeededCategoriesComeInRankOrderInBothLanguages()
    {
        var user = await app.NewUser();

        var categories = (await user.Client.GetOk("/api/categories")).Items()
            .Where(c => SeededCategories.Contains(c["names"]!.Str("en"))).ToList();

        Assert.Equal(SeededCategories, categories.Select(c => c["names"]!.Str("en")));
        Assert.Equal(SeededCategoriesDutch, categories.Select(c => c["names"]!.Str("nl")));
        Assert.Equal(SeededCategories, categories.Select(c => c.Str("name")));
        Assert.True(categories.Select(c => c.Int("rank")).SequenceEqual(categories.Select(c => c.Int("rank")).Order()));
        var lead = categories[0];
        Assert.Equal("potentialCustomer", lead.Str("group"));
        Assert.True(lead.Bool("leadStatusEnabled"));
        Assert.False(lead.Bool("deleted"));
        Assert.True(categories[1].Bool("leadStatusEnabled"));
        Assert.False(categories[2].Bool("leadStatusEnabled"));
        Assert.Equal(["potentialCustomer", "potentialCustomer", "potentialCustomer", "lost", "customer", "partner", "other"],
            categories.Select(c => c.Str("group")));
    }

    [Fact]
    public async Task SeededLeadStatusesComeInRankOrderWithOpenAsTheDefault()
    {
        var user = await app.NewUser();

        var statuses = (await user.Client.GetOk("/api/lead-statuses")).Items()
            .Where(s => SeededStatuses.Contains(s["names"]!.Str("en"))).ToList();

        Assert.Equal(SeededStatuses, statuses.Select(s => s["names"]!.Str("en")));
        Assert.Equal(SeededStatusesDutch, statuses.Select(s => s["names"]!.Str("nl")));
        Assert.Equal(["Open"], statuses.Where(s => s.Bool("isDefault")).Select(s => s.Str("name")));
        Assert.Equal("No outreach yet.", statuses[0].Str("description"));
        Assert.Equal("Nog geen contact opgenomen.", statuses[0]["descriptions"]!.Str("nl"));
        Assert.True(statuses.Select(s => s.Int("rank")).SequenceEqual(statuses.Select(s => s.Int("rank")).Order()));
    }

    [Fact]
    public async Task DutchAcceptLanguageGivesDutchNamesAndDescriptions()
    {
        var user = await app.NewUser();

        var categories = (await user.Client.GetOk("/api/categories", "nl")).Items();
        var statuses = (await user.Client.GetOk("/api/lead-statuses", "nl-NL")).Items();

        Assert.Equal("Klant", categories.Single(c => c["names"]!.Str("en") == "Customer").Str("name"));
        var contacting = statuses.Single(s => s["names"]!.Str("en") == "Contacting");
        Assert.Equal("Contact opnemen", contacting.Str("name"));
        Assert.Equal("We proberen de lead te bereiken.", contacting.Str("description"));
    }

    [Fact]
    public async Task SingleListItemsAnswerWithAnETag()
    {
        var user = await app.NewUser();
        var id = await user.Client.CategoryId("Partner");

        var response = await user.Client.Get($"/api/categories/{id}");

        Assert.Equal("Partner", (await response.ShouldBe(200)).Str("name"));
        Assert.NotEmpty(response.ETag());
    }

    [Fact]
    public async Task NormalUserIsForbiddenToChangeListsAndWritesNothing()
    {
        var user = await app.NewUser();
        var categoryId = await user.Client.CategoryId("Opportunity");
        var statusId = await user.Client.StatusId("Contacting");
        var before = await app.Snapshot();

        await (await user.Client.PostJson("/api/categories", new { name = Unique.Name("C"), group = "other" })).ShouldBeProblem(403, "forbidden");
        await (await user.Client.PutJson($"/api/categories/{categoryId}", new { name = "Opportunity", group = "potentialCustomer", leadStatusEnabled = true }))
            .ShouldBeProblem(403, "forbidden");
        await (await user.Client.Delete($"/api/categories/{categoryId}")).ShouldBeProblem(403, "forbidden");
        await (await user.Client.PostJson($"/api/categories/{categoryId}/restore", null)).ShouldBeProblem(403, "forbidden");
        await (await user.Client.PostJson("/api/lead-statuses", new { name = Unique.Name("S") })).ShouldBeProblem(403, "forbidden");
        await (await user.Client.PutJson($"/api/lead-statuses/{statusId}", new { name = "Contacting", isDefault = true }))
            .ShouldBeProblem(403, "forbidden");
        await (await user.Client.Delete($"/api/lead-statuses/{statusId}")).ShouldBeProblem(403, "forbidden");
        await (await user.Client.PostJson($"/api/lead-statuses/{statusId}/restore", null)).ShouldBeProblem(403, "forbidden");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task UnknownListItemsAre404ProblemDetails()
    {
        var admin = await app.Admin();

        await (await admin.Get("/api/categories/987654")).ShouldBeProblem(404, "notFound");
        await (await admin.Get("/api/lead-statuses/987654")).ShouldBeProblem(404, "notFound");
        await (await admin.Delete("/api/categories/987654")).ShouldBeProblem(404, "notFound");
        await (await admin.Delete("/api/lead-statuses/987654")).ShouldBeProblem(404, "notFound");
        await (await admin.PostJson("/api/categories/987654/restore", null)).ShouldBeProblem(404, "notFound");
        await (await admin.PutJson("/api/lead-statuses/987654", new { name = "X" })).ShouldBeProblem(404, "notFound");
    }
}

public sealed class ListsApiTestsOnSqlite(SqliteApp app) : ListsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ListsApiTestsOnPostgres(PostgresApp app) : ListsApiTests(app), IClassFixture<PostgresApp>;
