using Leadwerk.Web.Common;

namespace Leadwerk.Web.FollowUps;

/// <summary>Where a user's calendar feed is: the absolute address, or null while it is off.</summary>
public sealed record CalendarFeedDto(string? Url);

public static class CalendarApi
{
    public const string RateLimit = "calendar";

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        // Outside /api: calendar clients know no tokens or cookies, the address is the key.
        app.MapGet("/calendar/{token}.ics", async Task<IResult> (string token, CalendarFeed feed, HttpContext http) =>
        {
            var ics = await feed.Render(token, BaseUrl(http));
            if (ics is null)
            {
                return TypedResults.NotFound();
            }

            http.Response.Headers.CacheControl = "private, no-cache";
            return TypedResults.Text(ics, "text/calendar; charset=utf-8");
        }).WithTags("Follow-ups").AllowAnonymous().RequireRateLimiting(RateLimit)
            .WithSummary("A user's follow-ups as an iCalendar feed (RFC 5545); the token in the address is the key.");

        var me = app.MapGroup("/api/users/me/calendar").WithTags("Users").RequireAuthorization();
        me.MapGet("/", async (CalendarFeed feed, HttpContext http) =>
            TypedResults.Ok(new CalendarFeedDto(await feed.Token(http.User.UserId()) is { } token ? Url(http, token) : null)));
        me.MapPost("/", async (CalendarFeed feed, HttpContext http) =>
            TypedResults.Ok(new CalendarFeedDto(Url(http, await feed.Reset(http.User.UserId())))));
        me.MapDelete("/", async (CalendarFeed feed, HttpContext http) =>
        {
            await feed.TurnOff(http.User.UserId());
            return TypedResults.NoContent();
        });
        return app;
    }

    /// <summary>
    /// The address as the client reached the app. Behind a TLS-terminating proxy with forwarded
    /// headers enabled (README), the scheme is the proxy's; the host is the Host header the proxy
    /// passes on, which must therefore be the public one.
    /// </summary>
    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static string Url(HttpContext http, string token) => BaseUrl(http) + CalendarFeed.Path(token);
}
