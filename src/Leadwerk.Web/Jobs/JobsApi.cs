using Leadwerk.Web.Common;
using Leadwerk.Web.Leads;

namespace Leadwerk.Web.Jobs;

public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization();
        group.MapGet("/", async (JobsService jobs, HttpContext http, string? kind, bool? mine, int? limit, string? cursor, bool? count) =>
            TypedResults.Ok(await jobs.List(new JobFilter(kind, mine ?? false), http.User.ToActor(Channel.Api), limit, cursor, count ?? false)));
        return app;
    }
}
