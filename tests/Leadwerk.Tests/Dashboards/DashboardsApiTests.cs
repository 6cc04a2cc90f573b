using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Dashboards;

/// <summary>Dashboards as resources (F8): the seeded one, users' own, who may see and change which, and bad tiles.</summary>
public abstract class DashboardsApiTests(LeadwerkApp app)
{
    private static object CountTile(string? id = null) => new
    {
        id, titles = new { en = "Per owner", nl = "Per eigenaar" }, groupBy = new[] { new { field = "person.owner" } }, chart = "bar", limit = 5,
    };

    [Fact]
    public async Task EveryoneSeesTheSeededLeadsDashboardWithItsEightTilesButOnlyAdminsChangeIt()
    {
        var user = await app.NewUser();
        var list = (await user.Client.GetOk("/api/dashboards")).Items();
        var seeded = list.Single(d => d.Str("key") == "leads");

        var dashboard = await user.Client.GetOk($"/api/dashboards/{seeded.Int("id")}");
        var put = await user.Client.PutJson($"/api/dashboards/{seeded.Int("id")}", new { name = "Mine now", tiles = Array.Empty<object>() });
        var delete = await (await app.Admin()).Delete($"/api/dashboards/{seeded.Int("id")}");

        Assert.Equal(["active-leads", "leads-per-status", "speed-to-lead", "funnel", "new-leads-per-week", "leads-per-owner", "time-in-status", "stale-leads"],
            dashboard["tiles"]!.AsArray().Select(t => t!.Str("id")!).ToList());
        Assert.False(dashboard.Bool("editable"));
        Assert.Equal("everyone", dashboard.Str("visibility"));
        await put.ShouldBeProblem(403, "forbidden");
        await delete.ShouldBeProblem(409, "dashboardSeeded");
    }

    [Fact]
    public async Task AUserMakesAPrivateDashboardOthersCannotSeeThenSharesAndDuplicatesIt()
    {
        var owner = await app.NewUser();
        var other = await app.NewUser();
        var created = await (await owner.Client.PostJson("/api/dashboards", new
        {
            names = new { en = "My funnel", nl = "Mijn trechter" }, period = "last90d", tiles = new[] { CountTile() },
        })).ShouldBe(201);
        var id = created.Int("id");
        var tileId = created["tiles"]![0]!.Str("id")!;

        await (await other.Client.GetAsync($"/api/dashboards/{id}")).ShouldBeProblem(404, "notFound");
        await (await other.Client.GetAsync($"/api/dashboards/{id}/tiles/{tileId}/data")).ShouldBeProblem(404, "notFound");
        var data = await owner.Client.GetOk($"/api/dashboards/{id}/tiles/{tileId}/data?owner=me");
        var shared = await (await owner.Client.PutJson($"/api/dashboards/{id}", new
        {
            names = new { en = "My funnel", nl = "Mijn trechter" }, visibility = "everyone", period = "last90d", tiles = created["tiles"],
        }, ifMatch: $"\"{created.Int("version")}\"")).ShouldBe(200);
        var seen = await other.Client.GetOk($"/api/dashboards/{id}");
        var copy = await (await other.Client.PostJson($"/api/dashboards/{id}/duplicate", null)).ShouldBe(201);

        Assert.False(string.IsNullOrWhiteSpace(tileId));
        Assert.NotNull(data["series"]);
        Assert.Equal("everyone", shared.Str("visibility"));
        Assert.False(seen.Bool("editable"));
        Assert.Equal("Copy of My funnel", copy.Str("name"));
        Assert.True(copy.Bool("editable"));
        Assert.Equal("private", copy.Str("visibility"));
        Assert.Equal(tileId, copy["tiles"]![0]!.Str("id"));
        await (await other.Client.PutJson($"/api/dashboards/{id}", new { name = "Taken", tiles = Array.Empty<object>() })).ShouldBeProblem(403, "forbidden");
        await (await owner.Client.PutJson($"/api/dashboards/{id}", new { name = "Stale", tiles = Array.Empty<object>() }, ifMatch: $"\"{created.Int("version")}\""))
            .ShouldBeProblem(412, "preconditionFailed");
        await (await owner.Client.Delete($"/api/dashboards/{id}")).ShouldBe(204);
        await (await owner.Client.GetAsync($"/api/dashboards/{id}")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task ABadTileIsRefusedWithTheFieldsNamedAndNothingIsSaved()
    {
        var user = await app.NewUser();
        var before = (await user.Client.GetOk("/api/dashboards")).Items().Count;

        var response = await user.Client.PostJson("/api/dashboards", new
        {
            name = "Broken",
            tiles = new object[]
            {
                CountTile(),
                new { chart = "radar", measure = new { fn = "sum", field = "person.firstName" }, groupBy = new[] { new { field = "person.email" } } },
                new { chart = "line", groupBy = new[] { new { field = "person.createdAt" } }, period = new { field = "person.createdAt", preset = "custom", from = "2026-05-01" } },
            },
        });
        var evaluate = await user.Client.PostJson("/api/dashboards/evaluate", new
        {
            tile = new { chart = "column", dataset = new { criteria = new { entity = "person", sets = new[] { new { lines = new[] { new { field = "person.nope", @operator = "oneOf", values = new[] { 1 } } } } } } } },
            filters = new { asOf = "yesterday", owner = "nobody" },
        });

        var problem = await response.ShouldBeInvalid("tiles[1].chart");
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("tiles[1].measure.field", errors.Select(e => e.Key));
        Assert.Contains("tiles[1].groupBy[0].field", errors.Select(e => e.Key));
        Assert.Contains("tiles[2].groupBy[0].bucket", errors.Select(e => e.Key));
        Assert.Contains("tiles[2].period.from", errors.Select(e => e.Key));
        Assert.DoesNotContain(errors, e => e.Key.StartsWith("tiles[0]", StringComparison.Ordinal));
        var bad = (await evaluate.ShouldBeInvalid("asOf"))["errors"]!.AsObject();
        Assert.Contains("owner", bad.Select(e => e.Key));
        Assert.Contains("tile.dataset.criteria.sets[0].lines[0].field", bad.Select(e => e.Key));
        Assert.Equal(before, (await user.Client.GetOk("/api/dashboards")).Items().Count);
    }

    [Fact]
    public async Task ATilesFiguresComeAsCsvWithEveryGroupAndTheTotal()
    {
        var user = await app.NewUser();
        var seeded = (await user.Client.GetOk("/api/dashboards")).Items().Single(d => d.Str("key") == "leads").Int("id");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dashboards/{seeded}/tiles/leads-per-status/data");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await user.Client.SendAsync(request);
        var json = await user.Client.GetOk($"/api/dashboards/{seeded}/tiles/leads-per-status/data");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("key,label,group,groupLabel,value,count", lines[0]);
        Assert.Equal(json["series"]!.AsArray().Count + 2, lines.Length);
        Assert.StartsWith("total,Total,,,", lines[^1]);
        await (await user.Client.GetAsync($"/api/dashboards/{seeded}/tiles/nope/data")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task AnAdminFlagsFunnelStepsOnTheLeadStatusList()
    {
        var admin = await app.Admin();
        var status = await admin.CreateStatus();
        var id = status.Int("id");
        Assert.False(status.Bool("funnelStep"));

        var updated = await (await admin.PutJson($"/api/lead-statuses/{id}", new
        {
            names = status["names"], descriptions = status["descriptions"], funnelStep = true,
        })).ShouldBe(200);

        Assert.True(updated.Bool("funnelStep"));
        var seeded = (await admin.GetOk("/api/lead-statuses")).Items().Where(s => s.Bool("funnelStep")).Select(s => s["names"]!.Str("en")).ToList();
        Assert.Equal(["Open", "Contacting", "Qualified"], seeded.Take(3).ToList());
    }
}

public sealed class DashboardsApiTestsOnSqlite(SqliteApp app) : DashboardsApiTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardsApiTestsOnPostgres(PostgresApp app) : DashboardsApiTests(app), IClassFixture<PostgresApp>;
