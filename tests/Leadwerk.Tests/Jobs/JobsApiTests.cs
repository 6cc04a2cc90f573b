using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Bulk.BulkClient;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Jobs;

/// <summary>GET /api/jobs: bulk updates and imports, newest first, keyset paged; users see their own, administrators everyone's.</summary>
public abstract class JobsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task PagingOneAtATimeWalksEveryJobOnceNewestFirstAndTheKindFilterKeepsOneKind()
    {
        var admin = await app.Admin();
        var personId = (await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"))).Int("id");
        var first = (await admin.RunBulk(Ids("person", personId), Set("person.leadStatus", await admin.StatusId("Qualified")))).Int("id");
        var import = (await admin.RunImport(Persons(dryRun: false), $"last name,email\nJob,{Email("job")}\n")).Int("id");
        var second = (await admin.RunBulk(Ids("person", personId), Set("person.leadStatus", await admin.StatusId("Contacting")))).Int("id");

        var walked = await Walk(admin, "/api/jobs?limit=1");
        var imports = await Walk(admin, "/api/jobs?kind=import&limit=2");
        var bulks = await Walk(admin, "/api/jobs?kind=bulkUpdate");

        var mine = walked.Where(j => (j.Str("kind"), j.Int("id")) is ("bulkUpdate", var id) && (id == first || id == second)
            || (j.Str("kind"), j.Int("id")) == ("import", import)).ToList();
        Assert.Equal([("bulkUpdate", second), ("import", import), ("bulkUpdate", first)], mine.Select(j => (j.Str("kind")!, j.Int("id"))));
        Assert.Equal(walked.Count, walked.Select(j => (j.Str("kind"), j.Int("id"))).Distinct().Count());
        Assert.True(walked.Zip(walked.Skip(1)).All(p => p.First["startedAt"]!.GetValue<DateTime>() >= p.Second["startedAt"]!.GetValue<DateTime>()));
        Assert.All(imports, j => Assert.Equal("import", j.Str("kind")));
        Assert.All(bulks, j => Assert.Equal("bulkUpdate", j.Str("kind")));
        Assert.Contains(imports, j => j.Int("id") == import);

        var job = mine[0];
        Assert.Equal(("done", "person", 1, 1, 1, 0), (job.Str("state"), job.Str("entity"), job.Int("total"), job.Int("done"), job.Int("changed"), job.Int("failed")));
        Assert.Equal(($"/bulk-updates/{second}", $"/imports/{import}"), (job.Str("link"), mine[1].Str("link")));
        Assert.False(string.IsNullOrEmpty(job.Str("userName")));
        Assert.NotNull(job["finishedAt"]);
    }

    [Fact]
    public async Task AUserSeesOnlyTheirOwnJobsAndAnAdministratorEveryonesOrOnlyTheirOwn()
    {
        var admin = await app.Admin();
        var user = await app.NewUser();
        var theirs = (await user.Client.RunImport(Persons(dryRun: false), $"last name,email\nTheirs,{Email("theirs")}\n")).Int("id");
        var adminsImport = (await admin.RunImport(Persons(dryRun: false), $"last name,email\nAdmins,{Email("admins")}\n")).Int("id");

        var seenByUser = await Walk(user.Client, "/api/jobs?mine=false");
        var seenByAdmin = await Walk(admin, "/api/jobs?kind=import");
        var adminsOwn = await Walk(admin, "/api/jobs?kind=import&mine=true");

        Assert.All(seenByUser, j => Assert.Equal(user.Id, j.Int("userId")));
        Assert.Contains(seenByUser, j => j.Int("id") == theirs);
        Assert.Contains(seenByAdmin, j => j.Int("id") == theirs);
        Assert.Contains(seenByAdmin, j => j.Int("id") == adminsImport);
        Assert.DoesNotContain(adminsOwn, j => j.Int("id") == theirs);
        Assert.Contains(adminsOwn, j => j.Int("id") == adminsImport);

        // count=true counts what the filter matches, beyond the page; without it the count is left out.
        Assert.Equal(seenByUser.Count, (await user.Client.GetOk("/api/jobs?limit=1&count=true")).Int("count"));
        Assert.Equal(0, (await user.Client.GetOk("/api/jobs?kind=bulkUpdate&count=true")).Int("count"));
        Assert.Null((await user.Client.GetOk("/api/jobs"))["count"]);
    }

    [Fact]
    public async Task AnUnknownKindABadCursorOrLimitAreRefusedWithAProblem()
    {
        var admin = await app.Admin();

        await (await admin.Get("/api/jobs?kind=backup")).ShouldBeInvalid("kind");
        await (await admin.Get("/api/jobs?limit=0")).ShouldBeInvalid("limit");
        await (await admin.Get("/api/jobs?cursor=not-a-cursor")).ShouldBeProblem(400, "invalidCursor");
    }

    /// <summary>Follows nextCursor to the end and returns every item.</summary>
    private static async Task<List<JsonNode>> Walk(HttpClient client, string url)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await client.GetOk(cursor is null ? url : $"{url}{(url.Contains('?') ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}");
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page.Str("nextCursor");
        }
        while (cursor is not null);
        return items;
    }
}

public sealed class JobsApiTestsOnSqlite(SqliteApp app) : JobsApiTests(app), IClassFixture<SqliteApp>;

public sealed class JobsApiTestsOnPostgres(PostgresApp app) : JobsApiTests(app), IClassFixture<PostgresApp>;
