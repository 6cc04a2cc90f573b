using System.Text.Json.Nodes;
using Leadwerk.Web.Common;
using Leadwerk.Web.Lists;

namespace Leadwerk.Web.FollowUps;

public static class FollowUpsApi
{
    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/follow-ups").WithTags("Follow-ups").RequireAuthorization();
        group.MapGet("/", async (FollowUpService followUps, int? personId, int? ownerId, string? due, int? typeId, int? limit, string? cursor) =>
            TypedResults.Ok(await followUps.List(new FollowUpFilter(personId, ownerId, due, typeId), limit, cursor)));
        group.MapGet("/{id:int}", async (int id, FollowUpService followUps, HttpContext http) =>
        {
            var f = await followUps.Get(id);
            return TypedResults.Ok(http.WithETag(f, f.Version));
        });
        group.MapPost("/", async (FollowUpRequest request, FollowUpService followUps, HttpContext http) =>
        {
            var f = await followUps.Create(request);
            return TypedResults.Created($"/api/follow-ups/{f.Id}", http.WithETag(f, f.Version));
        });
        group.MapPatch("/{id:int}", async (int id, JsonObject body, FollowUpService followUps, HttpContext http) =>
        {
            var patch = new PatchReader(body);
            var changes = new FollowUpChanges
            {
                Type = body.TryGetPropertyValue("type", out var type) ? new Opt<JsonNode?>(true, type) : default,
                Title = patch.String("title"),
                DueAt = patch.String("dueAt"),
                AllDay = patch.Bool("allDay"),
                DurationMinutes = patch.Int("durationMinutes"),
                OwnerId = patch.Int("ownerId"),
                Notes = patch.String("notes"),
                Outcome = patch.String("outcome"),
            };
            var f = await followUps.Update(id, changes, http.IfMatch());
            return TypedResults.Ok(http.WithETag(f, f.Version));
        }).Accepts<FollowUpRequest>("application/json");
        group.MapDelete("/{id:int}", async (int id, FollowUpService followUps, HttpContext http) =>
        {
            await followUps.Delete(id, http.IfMatch());
            return TypedResults.NoContent();
        });
        group.MapPost("/{id:int}/complete", async (int id, CompleteRequest request, FollowUpService followUps, HttpContext http) =>
            TypedResults.Ok(await followUps.Complete(id, request, http.IfMatch())));
        group.MapPost("/{id:int}/reopen", async (int id, FollowUpService followUps, HttpContext http) =>
        {
            var f = await followUps.Reopen(id, http.IfMatch());
            return TypedResults.Ok(http.WithETag(f, f.Version));
        });

        app.MapGet("/api/persons/{id:int}/timeline", async (int id, PersonTimeline timeline, string? kinds, int? limit, string? cursor) =>
            TypedResults.Ok(await timeline.Read(id, kinds, limit, cursor))).WithTags("Persons").RequireAuthorization();
        app.MapGet("/api/me/day", async (FollowUpService followUps, int? ownerId, int? typeId) =>
            TypedResults.Ok(await followUps.Day(ownerId, typeId))).WithTags("Follow-ups").RequireAuthorization();

        var types = app.MapGroup("/api/follow-up-types").WithTags("Lists").RequireAuthorization();
        types.MapGet("/", async (ListService lists, bool? includeDeleted) =>
            TypedResults.Ok((await lists.FollowUpTypes(includeDeleted == true)).Select(t => t.ToDto()).ToList()));
        types.MapGet("/{id:int}", async (int id, ListService lists, HttpContext http) =>
        {
            var t = await lists.FollowUpType(id);
            return TypedResults.Ok(http.WithETag(t.ToDto(), t.Version));
        });
        types.MapPost("/", async (FollowUpTypeRequest request, ListService lists, HttpContext http) =>
        {
            var t = await lists.CreateFollowUpType(request);
            return TypedResults.Created($"/api/follow-up-types/{t.Id}", http.WithETag(t.ToDto(), t.Version));
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        types.MapPut("/{id:int}", async (int id, FollowUpTypeRequest request, ListService lists, HttpContext http) =>
        {
            var t = await lists.UpdateFollowUpType(id, request, http.IfMatch());
            return TypedResults.Ok(http.WithETag(t.ToDto(), t.Version));
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        types.MapDelete("/{id:int}", async (int id, ListService lists, HttpContext http) =>
        {
            await lists.DeleteFollowUpType(id, http.IfMatch());
            return TypedResults.NoContent();
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        types.MapPost("/{id:int}/restore", async (int id, ListService lists) =>
            TypedResults.Ok((await lists.RestoreFollowUpType(id)).ToDto())).RequireAuthorization(ApiSupport.AdminPolicy);
        return app;
    }

    public static FollowUpTypeDto ToDto(this FollowUpType t) => new(t.Id, t.Key, t.Name, new(t.NameEn, t.NameNl), t.Rank, t.Deleted, t.Version);
}
