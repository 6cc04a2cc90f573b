using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Common;
using Leadwerk.Web.Persons;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Leadwerk.Web.Board;

public static class BoardApi
{
    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/selections/{id:int}/board").WithTags("Board").RequireAuthorization().OnChannel(Channel.Board);
        group.MapGet("/", async (int id, [AsParameters] BoardParameters query, BoardService board, HttpContext http) =>
            TypedResults.Ok(await board.View(id, query.ToQuery(), http.User.ToActor(Channel.Board)))).ReadsFromReplica();
        group.MapGet("/columns/{key}/cards", async (int id, string key, string? cursor, [AsParameters] BoardParameters query,
            BoardService board, HttpContext http) =>
            TypedResults.Ok(await board.ColumnCards(id, key, query.ToQuery(), cursor, http.User.ToActor(Channel.Board)))).ReadsFromReplica();
        // The board's filters may come along in the query string, so the counts returned are those of the board as shown.
        group.MapPost("/moves", async Task<Ok<BoardMoved>> (int id, BoardMove move, [AsParameters] BoardParameters query, BoardService board,
            HttpContext http) =>
            TypedResults.Ok(await board.Move(id, move, http.User.ToActor(Channel.Board), query.ToQuery())));
        return app;
    }

    /// <summary>The board's query string: groupBy, filters (noFollowUp=true: no open follow-up), sort, hideEmpty, limit (cards per column).</summary>
    public sealed record BoardParameters(
        string? GroupBy, string? Owner, string? Category, string? LeadStatus, DateOnly? CreatedFrom, DateOnly? CreatedTo,
        string? Text, string? Sort, bool? HideEmpty, int? Limit, bool? NoFollowUp)
    {
        public BoardQuery ToQuery() =>
            new(GroupBy, Owner, Category, LeadStatus, CreatedFrom, CreatedTo, Text, Sort, HideEmpty == true, Limit, NoFollowUp == true);
    }
}
