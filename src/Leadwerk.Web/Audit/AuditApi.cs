using Leadwerk.Web.Common;

namespace Leadwerk.Web.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(ApiSupport.AdminPolicy);
        group.MapGet("/", async (AuditService audit, string? action, int? actor, string? from, string? to, int? limit, string? cursor) =>
            TypedResults.Ok(await audit.List(new AuditFilter(action, actor, from, to), limit, cursor)));
        return app;
    }
}
