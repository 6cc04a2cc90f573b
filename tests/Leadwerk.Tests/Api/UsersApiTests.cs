using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

public abstract class UsersApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task MeDescribesTheLoggedInUserWithAnETag()
    {
        var user = await app.NewUser(language: "nl");

        var response = await user.Client.Get("/api/users/me");

        var me = await response.ShouldBe(200);
        Assert.Equal(user.Id, me.Int("id"));
        Assert.Equal(user.UserName, me.Str("userName"));
        Assert.Equal(user.UserName, me.Str("displayName"));
        Assert.Equal("user", me.Str("role"));
        Assert.Equal("nl", me.Str("language"));
        Assert.NotEmpty(response.ETag());
    }

    [Fact]
    public async Task UserChangesTheirOwnLanguageAndDisplayName()
    {
        var user = await app.NewUser();

        var changed = await (await user.Client.PatchJson("/api/users/me", new { language = "nl", displayName = "Anna de Boer" })).ShouldBe(200);

        Assert.Equal("nl", changed.Str("language"));
        Assert.Equal("Anna de Boer", changed.Str("displayName"));
        var me = await user.Client.GetOk("/api/users/me");
        Assert.Equal("nl", me.Str("language"));
        Assert.Equal("Anna de Boer", me.Str("displayName"));
    }

    [Fact]
    public async Task PasswordChangeEndsOldTokensAndTheNewPasswordLogsIn()
    {
        var user = await app.NewUser();
        const string newPassword = "a-brand-new-password";

        await (await user.Client.PatchJson("/api/users/me", new { password = newPassword, currentPassword = user.Password })).ShouldBe(200);

        await (await user.Client.Get("/api/users/me")).ShouldBeProblem(401, "unauthorized");
        using var anonymous = app.Anonymous();
        await (await anonymous.PostJson("/api/auth/token", new { userName = user.UserName, password = user.Password }))
            .ShouldBeProblem(401, "invalidCredentials");
        using var relogged = await app.LogIn(user.UserName, newPassword);
        Assert.Equal(user.Id, (await relogged.GetOk("/api/users/me")).Int("id"));
    }

    [Fact]
    public async Task AUserChangingTheirOwnPasswordMustGiveTheCurrentOneAndWithoutItNothingChanges()
    {
        var user = await app.NewUser();
        var before = await app.Snapshot();

        await (await user.Client.PatchJson("/api/users/me", new { password = "a-brand-new-password" })).ShouldBeInvalid("currentPassword");
        await (await user.Client.PatchJson("/api/users/me", new { password = "a-brand-new-password", currentPassword = "a guess" }))
            .ShouldBeInvalid("currentPassword");

        await app.AssertUnchangedSince(before);
        using var stillIn = await app.LogIn(user.UserName, user.Password);
        Assert.Equal(user.Id, (await stillIn.GetOk("/api/users/me")).Int("id"));
    }

    [Fact]
    public async Task TooShortPasswordAndUnknownLanguageAreRefusedAndWriteNothing()
    {
        var user = await app.NewUser();
        var before = await app.Snapshot();

        var problem = await (await user.Client.PatchJson("/api/users/me", new { password = "short", language = "fr" })).ShouldBeInvalid("password");

        Assert.True(problem["errors"]!.AsObject().ContainsKey("language"));
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task UserCannotMakeThemselvesAdministrator()
    {
        var user = await app.NewUser();

        await (await user.Client.PatchJson("/api/users/me", new { role = "admin" })).ShouldBe(200);

        Assert.Equal("user", (await user.Client.GetOk("/api/users/me")).Str("role"));
        await (await user.Client.Get("/api/users")).ShouldBeProblem(403, "forbidden");
    }

    [Fact]
    public async Task NormalUserIsForbiddenToManageUsersAndWritesNothing()
    {
        var user = await app.NewUser();
        var before = await app.Snapshot();

        await (await user.Client.Get("/api/users")).ShouldBeProblem(403, "forbidden");
        await (await user.Client.Get($"/api/users/{user.Id}")).ShouldBeProblem(403, "forbidden");
        await (await user.Client.PostJson("/api/users", new { userName = Unique.Name("x"), password = "long-enough-password" }))
            .ShouldBeProblem(403, "forbidden");
        await (await user.Client.PatchJson($"/api/users/{user.Id}", new { role = "admin" })).ShouldBeProblem(403, "forbidden");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task AdminCreatesAUserWith201AndItsLocation()
    {
        var admin = await app.Admin();
        var userName = Unique.Name("new").Replace(' ', '-');

        var response = await admin.PostJson("/api/users", new
        {
            userName, password = "long-enough-password", displayName = "Sanne Visser", role = "user", language = "nl",
        });

        var created = await response.ShouldBe(201);
        Assert.NotNull(response.Headers.Location);
        var fetched = await admin.GetOk(response.Headers.Location!.ToString());
        Assert.Equal(created.Int("id"), fetched.Int("id"));
        Assert.Equal(userName, fetched.Str("userName"));
        Assert.Equal("Sanne Visser", fetched.Str("displayName"));
        Assert.Equal("nl", fetched.Str("language"));
        Assert.Contains((await admin.GetOk("/api/users")).Items(), u => u.Int("id") == created.Int("id"));
        using var client = await app.LogIn(userName, "long-enough-password");
        Assert.Equal("user", (await client.GetOk("/api/users/me")).Str("role"));
    }

    [Fact]
    public async Task DuplicateUserNameIsRefusedIgnoringCaseAndWritesNothing()
    {
        var admin = await app.Admin();
        var user = await app.NewUser();
        var before = await app.Snapshot();

        var response = await admin.PostJson("/api/users", new { userName = user.UserName.ToUpperInvariant(), password = "long-enough-password" });

        var problem = await response.ShouldBeProblem(409, "userNameTaken");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("userName"));
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task UserWithoutNameOrWithUnknownRoleIsRefusedWith422()
    {
        var admin = await app.Admin();
        var before = await app.Snapshot();

        await (await admin.PostJson("/api/users", new { password = "long-enough-password" })).ShouldBeInvalid("userName");
        await (await admin.PostJson("/api/users", new { userName = Unique.Name("r"), password = "long-enough-password", role = "boss" }))
            .ShouldBeInvalid("role");
        await (await admin.PostJson("/api/users", new { userName = new string('u', 101), password = "long-enough-password" }))
            .ShouldBeInvalid("userName");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task AdminMarksAUserAway()
    {
        var admin = await app.Admin();
        var user = await app.NewUser();

        var changed = await (await admin.PatchJson($"/api/users/{user.Id}", new { away = true })).ShouldBe(200);

        Assert.True(changed.Bool("away"));
        await user.Client.GetOk("/api/users/me");
    }

    [Fact]
    public async Task UnknownUserIs404ProblemDetails()
    {
        var admin = await app.Admin();

        await (await admin.Get("/api/users/987654")).ShouldBeProblem(404, "notFound");
        await (await admin.PatchJson("/api/users/987654", new { away = true })).ShouldBeProblem(404, "notFound");
    }
}

public sealed class UsersApiTestsOnSqlite(SqliteApp app) : UsersApiTests(app), IClassFixture<SqliteApp>;

public sealed class UsersApiTestsOnPostgres(PostgresApp app) : UsersApiTests(app), IClassFixture<PostgresApp>;

/// <summary>In a fixture of its own: it needs to know exactly which administrators exist.</summary>
public abstract class LastAdminApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task LastAdministratorCannotBeDemotedOrDisabled()
    {
        var admin = await app.Admin();
        var adminId = (await admin.GetOk("/api/users/me")).Int("id");
        var before = await app.Snapshot();

        await (await admin.PatchJson($"/api/users/{adminId}", new { role = "user" })).ShouldBeProblem(409, "lastAdmin");
        await (await admin.PatchJson($"/api/users/{adminId}", new { disabled = true })).ShouldBeProblem(409, "lastAdmin");

        await app.AssertUnchangedSince(before);
        Assert.Equal("admin", (await admin.GetOk("/api/users/me")).Str("role"));
    }

    [Fact]
    public async Task AnAdministratorCanBeDemotedWhileAnotherRemains()
    {
        var admin = await app.Admin();
        var second = await app.NewUser(role: "admin");
        await (await second.Client.Get("/api/users")).ShouldBe(200);

        var demoted = await (await admin.PatchJson($"/api/users/{second.Id}", new { role = "user" })).ShouldBe(200);

        Assert.Equal("user", demoted.Str("role"));
        // The role is part of the token: a demoted administrator loses admin rights at once.
        await (await second.Client.Get("/api/users")).ShouldBeProblem(401, "unauthorized");
    }
}

public sealed class LastAdminApiTestsOnSqlite(SqliteApp app) : LastAdminApiTests(app), IClassFixture<SqliteApp>;

public sealed class LastAdminApiTestsOnPostgres(PostgresApp app) : LastAdminApiTests(app), IClassFixture<PostgresApp>;
