using System.Buffers.Text;
using System.Security.Cryptography;

namespace Leadwerk.Web.Common;

/// <summary>
/// The Content-Security-Policy of one HTML response. Scripts run only from this origin or with the
/// response's <see cref="Nonce"/> (Blazor's import map, Scalar's start-up script); styles may be
/// inline, as MudBlazor sets style attributes and writes its theme into a style element; nothing
/// is fetched from, posted to, or framed by another origin.
/// </summary>
public sealed class ContentSecurityPolicy
{
    public const string NoFraming = "'none'";

    /// <summary>Fresh for every response, so an injected script cannot know it.</summary>
    public string Nonce { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Who may frame the page: nobody, unless the page itself says otherwise while it renders (a
    /// public form at <c>/f/{key}</c> names the origins of the sites that embed it). A framed page
    /// must be static: Blazor's interactive circuits compress their WebSocket traffic, which is only
    /// safe on a page that cannot be framed by another origin.
    /// </summary>
    public string FrameAncestors { get; set; } = NoFraming;

    public override string ToString() => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{Nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        // 'self' covers the circuit's WebSocket on the same host and port (CSP 3).
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        $"frame-ancestors {FrameAncestors}");
}

/// <summary>
/// Headers for every response: never sniffed, never framed (unless a page allows it), no referrer
/// to other sites, HSTS over HTTPS outside development, and the page's
/// <see cref="ContentSecurityPolicy"/> on HTML. Set when the response starts, so that a page can
/// still change its policy while it renders and an error page gets the same headers.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>One year; subdomains are left alone, as the app does not own its parent domain.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>The policy of this request's response.</summary>
    public static ContentSecurityPolicy ContentSecurityPolicy(this HttpContext http) =>
        http.Features.Get<ContentSecurityPolicy>() ?? throw new InvalidOperationException("UseSecurityHeaders has not run for this request.");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool hsts) => app.Use((http, next) =>
    {
        var policy = new ContentSecurityPolicy();
        http.Features.Set(policy);
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (hsts && http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            if (policy.FrameAncestors == Common.ContentSecurityPolicy.NoFraming)
            {
                // For browsers older than frame-ancestors; newer ones ignore it when the policy has one.
                headers.XFrameOptions = "DENY";
            }

            // An endpoint that set a stricter policy of its own (the personal data export page) keeps it.
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                && Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = policy.ToString();
            }

            return Task.CompletedTask;
        });
        return next(http);
    });
}
