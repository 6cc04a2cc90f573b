using System.Globalization;
using System.Text.Json.Nodes;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Leadwerk.Web.Privacy;

public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/persons").WithTags("Privacy").RequireAuthorization(ApiSupport.AdminPolicy);

        // ?format=json (default, a download) or html (a readable page); ?language=en|nl for the page a link opens.
        group.MapGet("/{id:int}/export", async Task<Results<Ok<JsonObject>, ContentHttpResult>> (
            int id, string? format, string? language, PrivacyService privacy, HttpContext http) =>
        {
            var html = (format?.Trim().ToLowerInvariant() ?? "json") switch
            {
                "json" => false,
                "html" => true,
                _ => throw DomainException.Invalid("format", L.T("format must be json or html.", "format moet json of html zijn.")),
            };
            if (language is not null)
            {
                var chosen = L.Normalize(language)
                    ?? throw DomainException.Invalid("language", L.T("language must be en or nl.", "language moet en of nl zijn."));
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(chosen);
            }

            var export = await privacy.Export(id);
            http.Response.Headers.CacheControl = "no-store";
            if (html)
            {
                http.Response.Headers.ContentSecurityPolicy = ExportPage.ContentSecurityPolicy;
                return TypedResults.Content(ExportPage.Render(export), "text/html; charset=utf-8");
            }

            http.Response.Headers.ContentDisposition = $"attachment; filename=\"person-{id}-personal-data.json\"";
            return TypedResults.Ok(export);
        }).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            // The typed result describes the JSON; format=html answers the same 200 as a page.
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
            {
                content["text/html"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });

        // ?dryRun=true counts what would go and changes nothing.
        group.MapPost("/{id:int}/erase", async (int id, bool? dryRun, PrivacyService privacy, HttpContext http) =>
            TypedResults.Ok(await privacy.Erase(id, http.IfMatch(), dryRun == true)));
        return app;
    }
}
