using Leadwerk.Web.Common;

namespace Leadwerk.Web.Lists;

public static class LostReasonsApi
{
    public static IEndpointRouteBuilder MapLostReasons(this IEndpointRouteBuilder app)
    {
        var reasons = app.MapGroup("/api/lost-reasons").WithTags("Lists").RequireAuthorization();
        reasons.MapGet("/", async (ListService lists, bool? includeDeleted) =>
            TypedResults.Ok((await lists.LostReasons(includeDeleted == true)).Select(r => r.ToDto()).ToList()));
        reasons.MapGet("/{id:int}", async (int id, ListService lists, HttpContext http) =>
        {
            var r = await lists.LostReason(id);
            return TypedResults.Ok(http.WithETag(r.ToDto(), r.Version));
        });
        reasons.MapPost("/", async (LostReasonRequest request, ListService lists, HttpContext http) =>
        {
            var r = await lists.CreateLostReason(request);
            return TypedResults.Created($"/api/lost-reasons/{r.Id}", http.WithETag(r.ToDto(), r.Version));
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        reasons.MapPut("/{id:int}", async (int id, LostReasonRequest request, ListService lists, HttpContext http) =>
        {
            var r = await lists.UpdateLostReason(id, request, http.IfMatch());
            return TypedResults.Ok(http.WithETag(r.ToDto(), r.Version));
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        reasons.MapDelete("/{id:int}", async (int id, ListService lists, HttpContext http) =>
        {
            await lists.DeleteLostReason(id, http.IfMatch());
            return TypedResults.NoContent();
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        reasons.MapPost("/{id:int}/restore", async (int id, ListService lists) =>
            TypedResults.Ok((await lists.RestoreLostReason(id)).ToDto())).RequireAuthorization(ApiSupport.AdminPolicy);
        return app;
    }
}
