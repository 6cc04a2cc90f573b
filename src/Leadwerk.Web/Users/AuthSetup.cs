using System.Security.Claims;
using Leadwerk.Web.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Leadwerk.Web.Users;

/// <summary>Cookies for the UI, bearer tokens for the API, one principal shape for both (ADR 0003).</summary>
public static class AuthSetup
{
    public const string Smart = "cookie-or-bearer";
    public const string Bearer = BearerTokenDefaults.AuthenticationScheme;
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string StampClaim = "leadwerk:stamp";
    public const string SessionClaim = "leadwerk:session";
    public const string LanguageItem = "leadwerk:language";

    /// <summary>A cookie unused this long has expired (it slides while used).</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(12);

    public static IServiceCollection AddLeadwerkAuth(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<SessionCheck>();
        services.AddScoped<SessionService>();
        services.AddScoped<LoginService>();
        // Registered before AddRazorComponents, whose plain provider is only added when none is.
        services.AddScoped<AuthenticationStateProvider, CircuitSessionCheck>();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Bearer : Cookie)
            .AddBearerToken(Bearer, o => o.BearerTokenExpiration = TimeSpan.FromHours(config.GetValue("Leadwerk:TokenLifetimeHours", 8)))
            .AddCookie(Cookie, o =>
            {
                o.LoginPath = "/login";
                // Without it a logged-in user without the role lands on the framework's /Account/AccessDenied, a 404.
                o.AccessDeniedPath = "/access-denied";
                o.LogoutPath = "/logout";
                o.ReturnUrlParameter = "returnUrl";
                o.Cookie.Name = "leadwerk.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = CookieLifetime;
                o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, 401);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, 403);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiSupport.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole("admin"));
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>The principal of a cookie (with the id of its <see cref="UserSession"/>) or of a bearer token (without).</summary>
    public static ClaimsPrincipal Principal(User user, string scheme, string? sessionId = null)
    {
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ClaimTypes.GivenName, user.DisplayName),
            new Claim(ClaimTypes.Role, user.Role.RoleKey()),
            new Claim(StampClaim, user.SecurityStamp),
        ];
        if (sessionId is not null)
        {
            claims.Add(new Claim(SessionClaim, sessionId));
        }

        return new(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>An access token for the API, protected like the framework's own bearer tokens.</summary>
    public static (string Token, DateTime ExpiresAt) IssueToken(HttpContext http, User user)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(Bearer);
        var expires = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().Add(options.BearerTokenExpiration);
        var ticket = new AuthenticationTicket(Principal(user, Bearer), new AuthenticationProperties { ExpiresUtc = expires }, Bearer);
        return (options.BearerTokenProtector.Protect(ticket), expires.UtcDateTime);
    }

    /// <summary>
    /// After authentication, the session check (<see cref="SessionCheck"/>): a disabled user, one
    /// whose password or role changed, or a logged-out cookie loses access at once (see
    /// <see cref="SessionCache"/> for how soon on other instances). Also remembers the user's
    /// language for the request culture.
    /// </summary>
    public static IApplicationBuilder UseSessionValidation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var user = await http.RequestServices.GetRequiredService<SessionCheck>().Validate(http.User, http.RequestServices);
            if (user is null)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    await http.SignOutAsync(Cookie);
                }
            }
            else
            {
                http.Items[LanguageItem] = user.Language;
            }
        }

        await next(http);
    });

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
