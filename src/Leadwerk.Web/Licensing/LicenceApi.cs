using Leadwerk.Web.Common;
using Leadwerk.Web.Leads;

namespace Leadwerk.Web.Licensing;

public static class LicenceApi
{
    public static IEndpointRouteBuilder MapLicence(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/licence").WithTags("Licence").RequireAuthorization();
        group.MapGet("/", async (LicenceService licences) => TypedResults.Ok(await licences.Get()));
        group.MapPut("/", async (LicenceRequest request, LicenceService licences, HttpContext http) =>
            TypedResults.Ok(await licences.Set(request, http.User.ToActor(Channel.Api))))
            .RequireAuthorization(ApiSupport.AdminPolicy);
        return app;
    }
}
