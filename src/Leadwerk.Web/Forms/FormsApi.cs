using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;

namespace Leadwerk.Web.Forms;

public static class FormsApi
{
    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/forms").WithTags("Forms").RequireAuthorization(ApiSupport.AdminPolicy);
        forms.MapGet("/", async (FormService s) => TypedResults.Ok(await s.List()));
        forms.MapGet("/{id:int}", async (int id, FormService s, HttpContext http) =>
        {
            var form = await s.Get(id);
            return TypedResults.Ok(http.WithETag(form, form.Version));
        });
        forms.MapPost("/", async (FormRequest request, FormService s, HttpContext http) =>
        {
            var form = await s.Create(request, http.User.ToActor(Channel.Api));
            return TypedResults.Created($"/api/forms/{form.Id}", http.WithETag(form, form.Version));
        });
        forms.MapPut("/{id:int}", async (int id, FormRequest request, FormService s, HttpContext http) =>
        {
            var form = await s.Update(id, request, http.IfMatch(), http.User.ToActor(Channel.Api));
            return TypedResults.Ok(http.WithETag(form, form.Version));
        });
        forms.MapDelete("/{id:int}", async (int id, FormService s, HttpContext http) =>
        {
            await s.Delete(id, http.User.ToActor(Channel.Api));
            return TypedResults.NoContent();
        });
        forms.MapGet("/{id:int}/submissions", async (int id, string? status, int? limit, string? cursor, FormInbox inbox) =>
            TypedResults.Ok(await inbox.List(id, status, limit, cursor)));

        var submissions = app.MapGroup("/api/form-submissions").WithTags("Forms").RequireAuthorization(ApiSupport.AdminPolicy).OnChannel(Channel.Form);
        submissions.MapGet("/{id:long}", async (long id, FormInbox inbox) => TypedResults.Ok(await inbox.Get(id)));
        submissions.MapGet("/{id:long}/candidates", async (long id, FormInbox inbox) => TypedResults.Ok(await inbox.Candidates(id)));
        submissions.MapPost("/{id:long}/process", async (long id, ProcessRequest request, FormInbox inbox, HttpContext http) =>
            TypedResults.Ok(await inbox.Process(id, request, http.User.ToActor(Channel.Form).UserId)));

        PublicSubmissions.Map(app);
        return app;
    }
}
