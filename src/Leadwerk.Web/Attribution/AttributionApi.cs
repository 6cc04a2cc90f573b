using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;

namespace Leadwerk.Web.Attribution;

public static class AttributionApi
{
    /// <summary>R22's aliases and channel rules (admins, Marketing Premium): read, preview a change, save it.</summary>
    public static IEndpointRouteBuilder MapAttributionRules(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/attribution/rules").WithTags("Attribution").RequireAuthorization(ApiSupport.AdminPolicy);
        rules.MapGet("/", async (AttributionRulesService s) => TypedResults.Ok(await s.Get()));
        rules.MapPost("/preview", async (AttributionRulesRequest request, AttributionRulesService s) => TypedResults.Ok(await s.Preview(request)));
        rules.MapPut("/", async (AttributionRulesRequest request, AttributionRulesService s, HttpContext http) =>
            TypedResults.Ok(await s.Save(request, http.User.ToActor(Channel.Api))));
        return app;
    }
}
