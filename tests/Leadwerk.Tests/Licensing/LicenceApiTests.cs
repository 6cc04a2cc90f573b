using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Licensing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Licensing;

public abstract class LicenceApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task TheLicenceSaysItsEditionAndWhichFeaturesItHoldsToEveryUser()
    {
        var user = await app.NewUser();

        var licence = await user.Client.GetOk("/api/licence");

        Assert.Equal("salesEssentials", licence.Str("edition"));
        var features = licence["features"]!;
        Assert.False(features.Bool("utmAttribution"));
        Assert.False(features.Bool("distribution"));
        Assert.False(features.Bool("formWebhooks"));
        Assert.True(features.Bool("forms"));
        Assert.True(features.Bool("recordSource"));
        Assert.True(features.Bool("dashboards"));
        Assert.True(features.Bool("board"));
        Assert.True(features.Bool("automation"));
    }

    [Fact]
    public async Task AnAdminChangesTheEditionAtRunTimeAndTheAuditLogSaysWhoDidIt()
    {
        var admin = await app.NewUser("admin");
        var user = await app.NewUser();
        try
        {
            await (await user.Client.PutJson("/api/licence", new { edition = "marketingPremium" })).ShouldBeProblem(403, "forbidden");
            var bad = await (await admin.Client.PutJson("/api/licence", new { edition = "gold" })).ShouldBeInvalid("edition");
            Assert.Contains("salesEssentials", bad["errors"]!["edition"]![0]!.GetValue<string>());
            Assert.Equal("salesEssentials", (await user.Client.GetOk("/api/licence")).Str("edition"));

            var premium = await (await admin.Client.PutJson("/api/licence", new { edition = "marketingPremium" })).ShouldBe(200);

            Assert.Equal("marketingPremium", premium.Str("edition"));
            Assert.True(premium["features"]!.Bool("utmAttribution"));
            var seen = await user.Client.GetOk("/api/licence");
            Assert.Equal("marketingPremium", seen.Str("edition"));
            Assert.True(seen["features"]!.Bool("distribution"));
            var entry = Assert.Single((await admin.Client.GetOk($"/api/audit?actor={admin.Id}&action=licence.editionChanged"))["items"]!.Items());
            Assert.Equal(("salesEssentials", "marketingPremium"), (entry["changes"]!["edition"]!.Str("from"), entry["changes"]!["edition"]!.Str("to")));
        }
        finally
        {
            await (await admin.Client.PutJson("/api/licence", new { edition = "salesEssentials" })).ShouldBe(200);
        }
    }

    [Fact]
    public async Task AGatedFeatureIsRefusedWithTheEditionItNeedsUntilTheLicenceHoldsIt()
    {
        var admin = await app.NewUser("admin");
        await using var scope = app.Services.CreateAsyncScope();
        var licences = scope.ServiceProvider.GetRequiredService<LicenceService>();

        var refused = await Assert.ThrowsAsync<FeatureNotInEditionException>(() => licences.Require(Features.Distribution));
        await licences.Require(Features.Forms);

        Assert.Equal((403, "featureNotInEdition"), (refused.Status, refused.Code));
        Assert.Equal("marketingPremium", refused.Extensions!["requiredEdition"]);
        Assert.Contains("Marketing Premium", refused.Message);
        try
        {
            await (await admin.Client.PutJson("/api/licence", new { edition = "marketingPremium" })).ShouldBe(200);
            await licences.Require(Features.Distribution);
        }
        finally
        {
            await (await admin.Client.PutJson("/api/licence", new { edition = "salesEssentials" })).ShouldBe(200);
        }
    }

    [Fact]
    public void TheStartingEditionComesFromConfigurationAndAnUnknownOneStopsTheStartWithWhatIsAllowed()
    {
        static IConfiguration With(string? edition) =>
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Editions.Setting] = edition }).Build();

        Assert.Equal("salesEssentials", LicenceService.Initial(With(null)));
        Assert.Equal("marketingPremium", LicenceService.Initial(With("marketingPremium")));
        var error = Assert.Throws<InvalidOperationException>(() => LicenceService.Initial(With("enterprise")));
        Assert.Contains("Leadwerk:Edition", error.Message);
        Assert.Contains("salesEssentials, marketingPremium", error.Message);
    }
}

public sealed class LicenceApiTestsOnSqlite(SqliteApp app) : LicenceApiTests(app), IClassFixture<SqliteApp>;

public sealed class LicenceApiTestsOnPostgres(PostgresApp app) : LicenceApiTests(app), IClassFixture<PostgresApp>;
