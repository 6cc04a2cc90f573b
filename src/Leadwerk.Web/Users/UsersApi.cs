using System.Text.Json.Nodes;
using Leadwerk.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Leadwerk.Web.Users;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt);

public static class UsersApi
{
    public const string TokenRateLimit = "token";

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async (TokenRequest request, LoginService logins, HttpContext http) =>
        {
            var user = await logins.Authenticate(request.UserName, request.Password, LoginClient.Of(http));
            var (token, expires) = AuthSetup.IssueToken(http, user);
            return TypedResults.Ok(new TokenResponse(token, expires));
        }).WithTags("Auth").AllowAnonymous().RequireRateLimiting(TokenRateLimit);

        // The UI's logout: a form post with an antiforgery token.
        app.MapPost("/logout", async (HttpContext http, LoginService logins, [FromForm] string? returnUrl) =>
        {
            await logins.SignOut(http);
            return TypedResults.LocalRedirect("/login");
        }).ExcludeFromDescription();

        var me = app.MapGroup("/api/users/me").WithTags("Users").RequireAuthorization();
        me.MapGet("/", async (UserService users, HttpContext http) =>
        {
            var u = await users.Get(http.User.UserId());
            return TypedResults.Ok(http.WithETag(u.ToDto(), u.Version));
        });
        me.MapPatch("/", async (JsonObject body, UserService users, HttpContext http) =>
        {
            var patch = new PatchReader(body);
            var changes = new UserChanges
            {
                DisplayName = patch.String("displayName"),
                Language = patch.String("language"),
                Password = patch.String("password"),
                CurrentPassword = patch.String("currentPassword"),
                TimeZone = patch.String("timeZone"),
                Away = patch.Bool("away"),
                AwayUntil = patch.Date("awayUntil"),
            };
            var u = await users.Update(http.User.UserId(), changes, http.IfMatch(), byAdmin: false);
            return TypedResults.Ok(http.WithETag(u.ToDto(), u.Version));
        }).Accepts<MeRequest>("application/json");
        me.MapGet("/settings/{key}", async (string key, UserSettings settings, HttpContext http) =>
            await settings.GetRaw(http.User.UserId(), key) is { } value ? Results.Ok(value) : Results.NotFound());
        me.MapPut("/settings/{key}", async (string key, JsonNode value, UserSettings settings, HttpContext http) =>
        {
            await settings.SetRaw(http.User.UserId(), key, value.ToJsonString());
            return TypedResults.NoContent();
        });

        var admin = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(ApiSupport.AdminPolicy);
        admin.MapGet("/", async (UserService users, FollowUps.UserFollowUps followUps) =>
        {
            var open = await followUps.OpenCounts();
            return TypedResults.Ok((await users.List()).Select(u => u.ToDto() with { OpenFollowUps = open.GetValueOrDefault(u.Id) }).ToList());
        });
        admin.MapGet("/{id:int}", async (int id, UserService users, HttpContext http) =>
        {
            var u = await users.Get(id);
            return TypedResults.Ok(http.WithETag(u.ToDto(), u.Version));
        });
        admin.MapPost("/", async (UserRequest request, UserService users) =>
        {
            var u = await users.Create(request);
            return TypedResults.Created($"/api/users/{u.Id}", u.ToDto());
        });
        admin.MapPatch("/{id:int}", async (int id, JsonObject body, UserService users, HttpContext http) =>
        {
            var patch = new PatchReader(body);
            var changes = new UserChanges
            {
                DisplayName = patch.String("displayName"),
                Language = patch.String("language"),
                Password = patch.String("password"),
                Role = patch.String("role"),
                Away = patch.Bool("away"),
                AwayUntil = patch.Date("awayUntil"),
                Disabled = patch.Bool("disabled"),
            };
            var u = await users.Update(id, changes, http.IfMatch(), byAdmin: true);
            return TypedResults.Ok(http.WithETag(u.ToDto(), u.Version));
        }).Accepts<UserRequest>("application/json");
        admin.MapPost("/{id:int}/reassign-follow-ups", async (int id, FollowUps.ReassignRequest request, FollowUps.UserFollowUps followUps) =>
            TypedResults.Ok(await followUps.Reassign(id, request.ToUserId)));
        return app;
    }
}
