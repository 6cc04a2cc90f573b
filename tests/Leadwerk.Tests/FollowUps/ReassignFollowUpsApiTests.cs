using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.FollowUps;

/// <summary>Users are disabled, never deleted; their open follow-ups go to a colleague the admin chooses (F15).</summary>
public abstract class ReassignFollowUpsApiTests(LeadwerkApp app)
{
    private DateTimeOffset Now => app.Clock.GetUtcNow();

    [Fact]
    public async Task ReassigningMovesOnlyTheOpenFollowUpsAndTheAuditLogSaysWhoToAndHowMany()
    {
        var admin = await app.Admin();
        var leaving = await app.NewUser();
        var taking = await app.NewUser();
        var personId = (await leaving.Client.CreatePerson(null)).Int("id");
        var open1 = await leaving.Client.PlanFollowUp(personId, Now.AddDays(1));
        var open2 = await leaving.Client.PlanFollowUp(personId, Now.AddDays(-3));
        var done = await leaving.Client.PlanFollowUp(personId, Now.AddDays(2));
        await (await leaving.Client.PostJson($"/api/follow-ups/{done.Int("id")}/complete", new { outcome = "Done" })).ShouldBe(200);
        var listed = (await admin.GetOk("/api/users")).Items().Single(u => u.Int("id") == leaving.Id);
        Assert.Equal(2, listed.Int("openFollowUps"));

        var result = await (await admin.PostJson($"/api/users/{leaving.Id}/reassign-follow-ups", new { toUserId = taking.Id })).ShouldBe(200);

        Assert.Equal(2, result.Int("moved"));
        var theirs = (await admin.GetOk($"/api/follow-ups?ownerId={taking.Id}&due=open"))["items"]!.Items();
        Assert.Equal([open2.Int("id"), open1.Int("id")], theirs.Select(f => f.Int("id")));
        Assert.Equal([open2.Int("version") + 1, open1.Int("version") + 1], theirs.Select(f => f.Int("version")));
        Assert.Equal(leaving.Id, (await admin.GetOk($"/api/follow-ups/{done.Int("id")}")).IntOrNull("ownerId"));
        var users = (await admin.GetOk("/api/users")).Items();
        Assert.Equal(0, users.Single(u => u.Int("id") == leaving.Id).Int("openFollowUps"));
        Assert.Equal(2, users.Single(u => u.Int("id") == taking.Id).Int("openFollowUps"));
        var entry = Assert.Single((await admin.GetOk("/api/audit?action=user.followUpsReassigned"))["items"]!.Items(),
            e => e.IntOrNull("targetId") == leaving.Id);
        Assert.Equal(("user", leaving.Id, taking.Id, 2), (entry.Str("targetType"), entry["changes"]!["followUpsOwner"]!.Int("from"),
            entry["changes"]!["followUpsOwner"]!.Int("to"), entry["changes"]!["moved"]!.Int("to")));
    }

    [Fact]
    public async Task AUserWhoIsDisabledKeepsNothingOpenOnceReassignedAndNothingMovesWithoutAValidColleague()
    {
        var admin = await app.Admin();
        var leaving = await app.NewUser();
        var disabled = await app.NewUser();
        var personId = (await leaving.Client.CreatePerson(null)).Int("id");
        var open = await leaving.Client.PlanFollowUp(personId, Now.AddDays(1));
        var current = await admin.Get($"/api/users/{disabled.Id}");
        await (await admin.PatchJson($"/api/users/{disabled.Id}", new { disabled = true }, current.ETag())).ShouldBe(200);
        var bystander = await app.NewUser();
        var before = await app.Snapshot();

        var url = $"/api/users/{leaving.Id}/reassign-follow-ups";
        await (await admin.PostJson(url, new { })).ShouldBeInvalid("toUserId");
        await (await admin.PostJson(url, new { toUserId = leaving.Id })).ShouldBeInvalid("toUserId");
        await (await admin.PostJson(url, new { toUserId = disabled.Id })).ShouldBeInvalid("toUserId");
        await (await admin.PostJson(url, new { toUserId = 987654 })).ShouldBeInvalid("toUserId");
        await (await admin.PostJson("/api/users/987654/reassign-follow-ups", new { toUserId = disabled.Id })).ShouldBeProblem(404, "notFound");
        await (await leaving.Client.PostJson(url, new { toUserId = bystander.Id })).ShouldBeProblem(403, "forbidden");
        await app.AssertUnchangedSince(before);

        await (await admin.PostJson($"/api/users/{disabled.Id}/reassign-follow-ups", new { toUserId = leaving.Id })).ShouldBe(200);
        var stillOpen = await admin.GetOk($"/api/follow-ups/{open.Int("id")}");
        Assert.Equal(leaving.Id, stillOpen.IntOrNull("ownerId"));
    }

    [Fact]
    public async Task ReassigningAUserWithNothingOpenMovesNothingAndLogsNothing()
    {
        var admin = await app.Admin();
        var idle = await app.NewUser();
        var other = await app.NewUser();

        var result = await (await admin.PostJson($"/api/users/{idle.Id}/reassign-follow-ups", new { toUserId = other.Id })).ShouldBe(200);

        Assert.Equal(0, result.Int("moved"));
        Assert.DoesNotContain((await admin.GetOk("/api/audit?action=user.followUpsReassigned"))["items"]!.Items(),
            e => e.IntOrNull("targetId") == idle.Id);
    }
}

public sealed class ReassignFollowUpsApiTestsOnSqlite(SqliteApp app) : ReassignFollowUpsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ReassignFollowUpsApiTestsOnPostgres(PostgresApp app) : ReassignFollowUpsApiTests(app), IClassFixture<PostgresApp>;
