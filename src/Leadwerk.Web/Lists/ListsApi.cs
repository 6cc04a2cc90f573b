using Leadwerk.Web.Common;
using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Lists;

public static class ListsApi
{
    public static IEndpointRouteBuilder MapLists(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/category-groups", () => TypedResults.Ok(CategoryGroups.All.Select(g => new CategoryGroupDto(g.Key(), g.DisplayName())).ToList()))
            .WithTags("Lists").RequireAuthorization();

        var categories = app.MapGroup("/api/categories").WithTags("Lists").RequireAuthorization();
        categories.MapGet("/", async (ListService lists, bool? includeDeleted) =>
            TypedResults.Ok((await lists.Categories(includeDeleted == true)).Select(c => c.ToDto()).ToList()));
        categories.MapGet("/{id:int}", async (int id, ListService lists, HttpContext http) =>
        {
            var c = await lists.Category(id);
            return TypedResults.Ok(http.WithETag(c.ToDto(), c.Version));
        });
        categories.MapPost("/", async (CategoryRequest request, ListService lists) =>
        {
            var c = await lists.CreateCategory(request);
            return TypedResults.Created($"/api/categories/{c.Id}", c.ToDto());
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        categories.MapPut("/{id:int}", async (int id, CategoryRequest request, ListService lists, HttpContext http) =>
        {
            var saved = await lists.UpdateCategory(id, request, http.IfMatch());
            // F9: how many persons now keep a status that can no longer be edited.
            http.Response.Headers["Leadwerk-Locked-Persons"] = saved.LockedPersons.ToString();
            return TypedResults.Ok(http.WithETag(saved.Category, saved.Category.Version));
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        categories.MapDelete("/{id:int}", async (int id, ListService lists, HttpContext http) =>
        {
            await lists.DeleteCategory(id, http.IfMatch());
            return TypedResults.NoContent();
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        categories.MapPost("/{id:int}/restore", async (int id, ListService lists) =>
            TypedResults.Ok((await lists.RestoreCategory(id)).ToDto())).RequireAuthorization(ApiSupport.AdminPolicy);

        var statuses = app.MapGroup("/api/lead-statuses").WithTags("Lists").RequireAuthorization();
        statuses.MapGet("/", async (ListService lists, bool? includeDeleted) =>
            TypedResults.Ok((await lists.LeadStatuses(includeDeleted == true)).Select(s => s.ToDto()).ToList()));
        statuses.MapGet("/{id:int}", async (int id, ListService lists, HttpContext http) =>
        {
            var s = await lists.LeadStatus(id);
            return TypedResults.Ok(http.WithETag(s.ToDto(), s.Version));
        });
        statuses.MapPost("/", async (LeadStatusRequest request, ListService lists) =>
        {
            var s = await lists.CreateLeadStatus(request);
            return TypedResults.Created($"/api/lead-statuses/{s.Id}", s.ToDto());
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        statuses.MapPut("/{id:int}", async (int id, LeadStatusRequest request, ListService lists, HttpContext http) =>
        {
            var s = await lists.UpdateLeadStatus(id, request, http.IfMatch());
            return TypedResults.Ok(http.WithETag(s.ToDto(), s.Version));
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        statuses.MapDelete("/{id:int}", async (int id, ListService lists, HttpContext http) =>
        {
            await lists.DeleteLeadStatus(id, http.IfMatch());
            return TypedResults.NoContent();
        }).RequireAuthorization(ApiSupport.AdminPolicy);
        statuses.MapPost("/{id:int}/restore", async (int id, ListService lists) =>
            TypedResults.Ok((await lists.RestoreLeadStatus(id)).ToDto())).RequireAuthorization(ApiSupport.AdminPolicy);
        return app;
    }
}
