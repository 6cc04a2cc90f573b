using System.Globalization;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Localization;

namespace Leadwerk.Web.Localization;

/// <summary>
/// The API speaks the request's Accept-Language (default English). The UI speaks the user's chosen
/// language, else the browser's.
/// </summary>
public static class CultureSetup
{
    public static IApplicationBuilder UseLeadwerkCultures(this IApplicationBuilder app)
    {
        var cultures = L.Languages.Select(l => new CultureInfo(l)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders.Clear();
        options.RequestCultureProviders.Add(new CustomRequestCultureProvider(http =>
        {
            var isApi = http.Request.Path.StartsWithSegments("/api");
            var chosen = isApi ? null : http.Items[AuthSetup.LanguageItem] as string;
            return Task.FromResult(chosen is null ? null : new ProviderCultureResult(chosen));
        }));
        options.RequestCultureProviders.Add(new AcceptLanguageHeaderRequestCultureProvider());
        return app.UseRequestLocalization(options);
    }
}
