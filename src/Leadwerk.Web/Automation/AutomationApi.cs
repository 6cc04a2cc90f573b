using Leadwerk.Web.Bulk;
using Leadwerk.Web.Common;
using Leadwerk.Web.Leads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leadwerk.Web.Automation;

public static class AutomationApi
{
    public static IEndpointRouteBuilder MapAutomation(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/automation/lead-categorization").WithTags("Automation").RequireAuthorization(ApiSupport.AdminPolicy);
        rules.MapGet("/", async (AutomationService automation) => TypedResults.Ok(await automation.Get()));
        rules.MapPut("/", async (RuleSet set, AutomationService automation) => TypedResults.Ok(await automation.Put(set)));
        rules.MapPost("/rules/{id:int}/preview", async (int id, AutomationService automation) => TypedResults.Ok(await automation.Preview(id)));
        rules.MapPost("/rules/{id:int}/apply", async Task<Accepted<BulkStatus>> (int id, AutomationService automation, HttpContext http) =>
        {
            var started = await automation.Apply(id, http.User.ToActor(Channel.Bulk));
            return TypedResults.Accepted($"/api/bulk-updates/{started.Id}", started);
        });
        rules.MapPost("/test", async (RuleTestRequest request, AutomationService automation) => TypedResults.Ok(await automation.Test(request)));

        var suggestions = app.MapGroup("/api/suggestions").WithTags("Automation").RequireAuthorization();
        suggestions.MapGet("/", async (bool? mine, SuggestionService service, HttpContext http) =>
            TypedResults.Ok(await service.Open(http.User.ToActor(Channel.Api), mine != false)));
        suggestions.MapPost("/{token}/accept", async (string token, AcceptSuggestion? choice, SuggestionService service, HttpContext http) =>
        {
            await service.Accept(token, choice, http.User.ToActor(Channel.Api));
            return TypedResults.NoContent();
        });
        suggestions.MapPost("/{token}/dismiss", async (string token, SuggestionService service, HttpContext http) =>
        {
            await service.Dismiss(token, http.User.ToActor(Channel.Api));
            return TypedResults.NoContent();
        });

        app.MapGet("/api/companies/{id:int}/category-history", async (int id, CategoryHistory history) => TypedResults.Ok(await history.Of(id)))
            .WithTags("Companies").RequireAuthorization();
        return app;
    }
}
