using Scalar.AspNetCore;

namespace Leadwerk.Web.Common;

/// <summary>
/// The interactive API reference (Scalar) as a page of ours: everything from this server (no CDN
/// fonts, no telemetry, no AI chat or MCP), none of the vendor's upsell buttons, a language for
/// screen readers, and colours that pass axe.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/reference";

    public static void MapApiReference(this WebApplication app) =>
        app.MapScalarApiReference(Path, (o, http) =>
        {
            var nonce = http.ContentSecurityPolicy().Nonce;
            o.WithNonce(nonce)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .HideClientButton()
                .WithCustomCss(ContrastCss)
                // Scalar writes <html> without a language; its texts are English.
                .AddHeadContent($"<script nonce=\"{nonce}\">document.documentElement.lang = 'en';</script>");
        });

    /// <summary>
    /// Scalar's light theme greys and method colours fall under 4.5:1 on its light backgrounds;
    /// darker ones keep its look. Its dark code blocks define their own colours and keep them.
    /// </summary>
    private const string ContrastCss = """
        html .light-mode {
          --scalar-color-2: #4a4a4a;
          --scalar-color-3: #595959;
          --scalar-color-green: #00704a;
          --scalar-color-orange: #a84300;
          --scalar-color-red: #c00000;
          --scalar-color-blue: #0b5cad;
          --scalar-color-purple: #6a3fb5;
          --scalar-color-yellow: #7a5c00;
        }
        """;
}
