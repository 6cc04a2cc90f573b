using Leadwerk.Web.Leads;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Selections;

public static class SelectionsApi
{
    public static IEndpointRouteBuilder MapSelections(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/selections").WithTags("Selections").RequireAuthorization();
        group.MapGet("/", async (SelectionService selections, HttpContext http, string? entity) =>
            TypedResults.Ok(await selections.List(http.User.ToActor(Channel.Api), entity)));
        group.MapGet("/{id:int}", async (int id, bool? count, SelectionService selections, HttpContext http) =>
        {
            var s = await selections.Get(id, http.User.ToActor(Channel.Api), count == true);
            return TypedResults.Ok(http.WithETag(s, s.Version));
        });
        group.MapPost("/", async (SelectionRequest request, SelectionService selections, HttpContext http) =>
        {
            var s = await selections.Create(request, http.User.ToActor(Channel.Api));
            return TypedResults.Created($"/api/selections/{s.Id}", http.WithETag(s, s.Version));
        });
        group.MapPut("/{id:int}", async (int id, SelectionRequest request, SelectionService selections, HttpContext http) =>
        {
            var s = await selections.Update(id, request, http.IfMatch(), http.User.ToActor(Channel.Api));
            return TypedResults.Ok(http.WithETag(s, s.Version));
        });
        group.MapDelete("/{id:int}", async (int id, SelectionService selections, HttpContext http) =>
        {
            await selections.Delete(id, http.IfMatch(), http.User.ToActor(Channel.Api));
            return TypedResults.NoContent();
        });
        group.MapGet("/{id:int}/members", async (int id, string? columns, string? sort, int? limit, string? cursor, bool? count,
            SelectionService selections, HttpContext http) =>
            TypedResults.Ok(await selections.Members(id, http.User.ToActor(Channel.Api), Split(columns), sort, limit, cursor, count == true)))
            .ReadsFromReplica();
        group.MapPost("/{id:int}/members", async (int id, MemberIds body, SelectionService selections, HttpContext http) =>
            TypedResults.Ok(body.Criteria is not null && body.Ids is null
                ? await selections.AddMatches(id, body.Criteria, http.User.ToActor(Channel.Api))
                : await selections.AddMembers(id, body.Ids, http.User.ToActor(Channel.Api))));
        group.MapDelete("/{id:int}/members", async (int id, [FromBody] MemberIds body, SelectionService selections, HttpContext http) =>
            TypedResults.Ok(await selections.RemoveMembers(id, body.Ids, http.User.ToActor(Channel.Api))));
        group.MapGet("/{id:int}/export.csv", async (int id, string? columns, SelectionService selections, SelectionExport export,
            LeadwerkDbContext db, HttpContext http) =>
        {
            var user = http.User.ToActor(Channel.Api);
            var selection = await selections.Visible(id, user);
            // The separator follows the user's language (Dutch Excel reads `;`), else the request's.
            var language = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.Language).FirstOrDefaultAsync() ?? L.Language;
            var shown = SearchService.CheckColumns(selection.Entity, Split(columns));
            return Results.Stream(stream => export.Write(stream, id, user, shown, language == "nl", http.RequestAborted),
                "text/csv; charset=utf-8", SelectionExport.FileName(selection.Name));
        }).Produces(200, contentType: "text/csv").ReadsFromReplica();
        return app;
    }

    public static List<string>? Split(string? columns) =>
        string.IsNullOrWhiteSpace(columns) ? null : columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
