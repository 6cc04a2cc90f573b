using Leadwerk.Web.Common;
using Leadwerk.Web.Leads;

namespace Leadwerk.Web.Webhooks;

public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(ApiSupport.AdminPolicy);
        hooks.MapGet("/", async (WebhookService s) => TypedResults.Ok(await s.List()));
        hooks.MapGet("/{id:int}", async (int id, WebhookService s, HttpContext http) =>
        {
            var hook = await s.Get(id);
            return TypedResults.Ok(http.WithETag(hook, hook.Version));
        });
        hooks.MapPost("/", async (WebhookRequest request, WebhookService s, HttpContext http) =>
        {
            var hook = await s.Create(request, http.User.ToActor(Channel.Api));
            return TypedResults.Created($"/api/webhooks/{hook.Id}", http.WithETag(hook, hook.Version));
        });
        hooks.MapPut("/{id:int}", async (int id, WebhookRequest request, WebhookService s, HttpContext http) =>
        {
            var hook = await s.Update(id, request, http.IfMatch(), http.User.ToActor(Channel.Api));
            return TypedResults.Ok(http.WithETag(hook, hook.Version));
        });
        hooks.MapDelete("/{id:int}", async (int id, WebhookService s, HttpContext http) =>
        {
            await s.Delete(id, http.User.ToActor(Channel.Api));
            return TypedResults.NoContent();
        });
        hooks.MapPost("/{id:int}/secret", async (int id, WebhookService s, HttpContext http) =>
        {
            var hook = await s.RotateSecret(id, http.User.ToActor(Channel.Api));
            return TypedResults.Ok(http.WithETag(hook, hook.Version));
        });
        hooks.MapGet("/{id:int}/deliveries", async (int id, int? limit, string? cursor, WebhookService s) =>
            TypedResults.Ok(await s.Deliveries(id, limit, cursor)));
        hooks.MapPost("/{id:int}/test", async (int id, WebhookService s, HttpContext http) =>
            TypedResults.Accepted((string?)null, await s.Test(id, http.User.ToActor(Channel.Api))));

        app.MapPost("/api/webhook-deliveries/{id:long}/replay", async (long id, WebhookService s, HttpContext http) =>
                TypedResults.Accepted((string?)null, await s.Replay(id, http.User.ToActor(Channel.Api))))
            .WithTags("Webhooks").RequireAuthorization(ApiSupport.AdminPolicy);
        return app;
    }
}
