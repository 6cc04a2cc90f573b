using Leadwerk.Web.Common;
using Leadwerk.Web.Leads;

namespace Leadwerk.Web.Distribution;

public sealed record SimulateRequest(int? Count);

public static class DistributionApi
{
    public static IEndpointRouteBuilder MapDistribution(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/distribution-rules").WithTags("Distribution").RequireAuthorization(ApiSupport.AdminPolicy);
        rules.MapGet("/", async (DistributionService s) => TypedResults.Ok(await s.List()));
        rules.MapGet("/{id:int}", async (int id, DistributionService s, HttpContext http) =>
        {
            var rule = await s.Get(id);
            return TypedResults.Ok(http.WithETag(rule, rule.Version));
        });
        rules.MapPost("/", async (RuleRequest request, DistributionService s, HttpContext http) =>
        {
            var rule = await s.Create(request, http.User.ToActor(Channel.Api));
            return TypedResults.Created($"/api/distribution-rules/{rule.Id}", http.WithETag(rule, rule.Version));
        });
        rules.MapPut("/{id:int}", async (int id, RuleRequest request, DistributionService s, HttpContext http) =>
        {
            var rule = await s.Update(id, request, http.IfMatch(), http.User.ToActor(Channel.Api));
            return TypedResults.Ok(http.WithETag(rule, rule.Version));
        });
        rules.MapDelete("/{id:int}", async (int id, DistributionService s, HttpContext http) =>
        {
            await s.Delete(id, http.User.ToActor(Channel.Api));
            return TypedResults.NoContent();
        });
        rules.MapPost("/{id:int}/simulate", async (int id, SimulateRequest request, DistributionService s, HttpContext http) =>
            TypedResults.Ok(await s.Simulate(id, request.Count ?? 20, http.User.ToActor(Channel.Api))));
        // A dry run answers with the preview; a run is a bulk update, followed and undone at its Location.
        rules.MapPost("/{id:int}/rebalance", async (int id, RebalanceRequest request, RebalanceService s, HttpContext http) =>
        {
            var actor = http.User.ToActor(Channel.Bulk);
            if (request.DryRun)
            {
                return Results.Ok(await s.Preview(id, request, actor));
            }

            var started = await s.Start(id, request, actor);
            return Results.Accepted($"/api/bulk-updates/{started.Id}", started);
        }).Produces<RebalancePreview>(200).Produces<Bulk.BulkStatus>(202);

        app.MapGet("/api/assignments", async (int personId, DistributionService s) => TypedResults.Ok(await s.Assignments(personId)))
            .WithTags("Distribution").RequireAuthorization();
        return app;
    }
}
