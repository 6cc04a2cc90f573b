using Leadwerk.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Leadwerk.Tests.FollowUps;

/// <summary>The demo (`--demo`) is not empty where a newcomer looks first: My day and the persons' next follow-up.</summary>
public abstract class DemoFollowUpsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task TheDemoGivesItsSalespeopleOverdueTodayAndUpcomingFollowUpsAndDoneOnesWithOutcomes()
    {
        var anna = await app.LogIn("anna", "leadwerk-demo");
        var admin = await app.Admin();

        var day = await anna.GetOk("/api/me/day");
        var done = await anna.GetOk("/api/follow-ups?due=done&limit=5");

        Assert.True(day["overdue"]!.Int("count") > 0, day.ToJsonString());
        Assert.True(day["today"]!.Int("count") > 0, day.ToJsonString());
        Assert.True(day["next7"]!.Int("count") > 0, day.ToJsonString());
        Assert.All(day["next7"]!["items"]!.Items(), f => Assert.Equal(day.Int("ownerId"), f.Int("ownerId")));
        Assert.NotEmpty(done["items"]!.Items());
        Assert.All(done["items"]!.Items(), f => Assert.False(string.IsNullOrEmpty(f.Str("outcome"))));
        var personId = day["next7"]!["items"]![0]!.Int("personId");
        var person = await admin.GetPerson(personId);
        Assert.True(person.Int("openFollowUps") > 0);
        Assert.NotNull(person["nextFollowUpAt"]);
    }
}

public sealed class SqliteDemoApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Leadwerk:DemoData", "true");
    }
}

public sealed class PostgresDemoApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Leadwerk:DemoData", "true");
    }
}

public sealed class DemoFollowUpsApiTestsOnSqlite(SqliteDemoApp app) : DemoFollowUpsApiTests(app), IClassFixture<SqliteDemoApp>;

public sealed class DemoFollowUpsApiTestsOnPostgres(PostgresDemoApp app) : DemoFollowUpsApiTests(app), IClassFixture<PostgresDemoApp>;
