using System.Globalization;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Distribution;

/// <summary>B4: users mark themselves away, with a day they are back if they know it; distribution skips them until then.</summary>
public abstract class AwayApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task AUserAwayUntilADayIsSkippedAndTheReasonNamesTheDayInTheReadersLanguage()
    {
        await app.Premium(async admin =>
        {
            var (anna, bram) = (await app.NewUser(), await app.NewUser());
            var back = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30);
            var me = await (await bram.Client.PatchJson("/api/users/me", new { away = true, awayUntil = back.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })).ShouldBe(200);
            Assert.True(me.Bool("away"));
            Assert.NotNull(me.Str("awayUntil"));
            await admin.Rule("Away until", null, (anna.Id, 1), (bram.Id, 1));

            var leads = new[] { await admin.DistributedLead(), await admin.DistributedLead() };

            Assert.All(leads, lead => Assert.Equal(anna.Id, lead.Int("ownerId")));
            var english = back.ToString("d MMMM", CultureInfo.GetCultureInfo("en"));
            var dutch = back.ToString("d MMMM", CultureInfo.GetCultureInfo("nl"));
            Assert.Equal($"rule 'Away until', weight 1 of 1, {bram.UserName} away until {english}, fallback not needed", await admin.Reason(leads[1].Int("id")));
            Assert.Equal($"regel 'Away until', gewicht 1 van 1, {bram.UserName} afwezig tot {dutch}, vervanger niet nodig", await admin.Reason(leads[1].Int("id"), "nl"));
            var member = (await admin.GetOk("/api/distribution-rules")).Items().Single()["members"]!.Items().Single(m => m.Int("userId") == bram.Id);
            Assert.Equal((true, back.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (member.Bool("away"), member.Str("backOn")));
        });
    }

    [Fact]
    public async Task OnceTheReturnMomentHasPassedTheUserTakesLeadsAgainWithoutAnyoneSwitchingAwayOff()
    {
        await app.Premium(async admin =>
        {
            var (bram, fallback) = (await app.NewUser(), await app.NewUser());
            var tomorrow = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await (await bram.Client.PatchJson("/api/users/me", new { away = true, awayUntil = tomorrow })).ShouldBe(200);
            await admin.Rule("Back again", fallback.Id, (bram.Id, 1));
            var whileAway = await admin.DistributedLead();

            // The return moment passes, as it does with time.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var past = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
                await scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>().Users.Where(u => u.Id == bram.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.AwayUntil, past));
            }

            var back = await admin.DistributedLead();

            Assert.Equal((fallback.Id, bram.Id), (whileAway.Int("ownerId"), back.Int("ownerId")));
            Assert.Equal("rule 'Back again', weight 1 of 1, fallback not needed", await admin.Reason(back.Int("id")));
            var member = (await admin.GetOk("/api/distribution-rules")).Items().Single()["members"]!.Items().Single();
            Assert.False(member.Bool("away"));
        });
    }

    [Fact]
    public async Task AReturnDayMustLieAheadAndBeingBackForgetsIt()
    {
        var user = await app.NewUser();
        var admin = await app.Admin();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var later = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await (await user.Client.PatchJson("/api/users/me", new { away = true, awayUntil = today })).ShouldBeInvalid("awayUntil");
        await (await user.Client.PatchJson("/api/users/me", new { awayUntil = "12 May" })).ShouldBeProblem(400, "malformedRequest");
        var away = await (await user.Client.PatchJson("/api/users/me", new { awayUntil = later })).ShouldBe(200);
        var back = await (await user.Client.PatchJson("/api/users/me", new { away = false })).ShouldBe(200);
        var byAdmin = await (await admin.PatchJson($"/api/users/{user.Id}", new { away = true, awayUntil = later })).ShouldBe(200);

        Assert.True(away.Bool("away"));
        Assert.NotNull(away.Str("awayUntil"));
        Assert.Equal((false, null), (back.Bool("away"), back.Str("awayUntil")));
        Assert.Equal(away.Str("awayUntil"), byAdmin.Str("awayUntil"));
    }
}

public sealed class AwayApiTestsOnSqlite(SqliteApp app) : AwayApiTests(app), IClassFixture<SqliteApp>;

public sealed class AwayApiTestsOnPostgres(PostgresApp app) : AwayApiTests(app), IClassFixture<PostgresApp>;
