using Leadwerk.Web.Common;
using Leadwerk.Web.Data;

namespace Leadwerk.Web.Search;

public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search").WithTags("Search").RequireAuthorization();
        group.MapPost("/", async (SearchRequest request, SearchService search, HttpContext http) =>
            TypedResults.Ok(await search.Search(request, http.User.UserId()))).ReadsFromReplica();
        group.MapPost("/count", async (Criteria criteria, SearchService search, HttpContext http) =>
            TypedResults.Ok(new SearchCount(await search.Count(criteria, http.User.UserId())))).ReadsFromReplica();
        group.MapGet("/global", async (string? q, int? limit, GlobalSearch search, HttpContext http) =>
            TypedResults.Ok(await search.Find(q, limit, http.User.UserId())));
        group.MapGet("/fields", async (string? entity, SearchService search) =>
            TypedResults.Ok(await search.Fields(entity ?? Entities.Person)));
        return app;
    }
}
