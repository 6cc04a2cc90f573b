using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Leadwerk.Web.Common;
using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Bulk;

public static class BulkApi
{
    public static IEndpointRouteBuilder MapBulk(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bulk-updates").WithTags("Bulk update").RequireAuthorization().OnChannel(Channel.Bulk);
        group.MapPost("/", async (BulkRequest request, BulkService bulk, HttpContext http) =>
        {
            var user = http.User.ToActor(Channel.Bulk);
            if (request.DryRun)
            {
                return Results.Ok(await bulk.Preview(request, user));
            }

            var started = await bulk.Start(request, user);
            return Results.Accepted($"/api/bulk-updates/{started.Id}", started);
        }).Produces<BulkPreview>(200).Produces<BulkStatus>(202);
        // The preview's full list of skipped rows (the JSON preview lists the first 1,000).
        group.MapPost("/preview/skipped.csv", async (BulkRequest request, BulkService bulk, HttpContext http) =>
        {
            var preview = await bulk.Preview(request with { DryRun = true }, http.User.ToActor(Channel.Bulk), int.MaxValue);
            return SkippedCsv(preview.Skipped.Select(s => (s.Id, (string?)s.Code, (string?)s.Reason)).ToList(), "bulk-update-preview-skipped.csv");
        }).Produces(200, contentType: "text/csv");
        group.MapGet("/{id:int}", async (int id, BulkService bulk, HttpContext http) =>
            TypedResults.Ok(await bulk.Get(id, http.User.ToActor(Channel.Bulk))));
        group.MapPost("/{id:int}/cancel", async (int id, BulkService bulk, HttpContext http) =>
            TypedResults.Ok(await bulk.Cancel(id, http.User.ToActor(Channel.Bulk))));
        group.MapPost("/{id:int}/resume", async (int id, BulkService bulk, HttpContext http) =>
            TypedResults.Accepted($"/api/bulk-updates/{id}", await bulk.Resume(id, http.User.ToActor(Channel.Bulk))));
        group.MapPost("/{id:int}/undo", async (int id, BulkService bulk, HttpContext http) =>
            TypedResults.Accepted($"/api/bulk-updates/{id}", await bulk.Undo(id, http.User.ToActor(Channel.Bulk))));
        group.MapGet("/{id:int}/skipped.csv", async (int id, BulkService bulk, HttpContext http) =>
        {
            var items = await bulk.SkippedItems(id, http.User.ToActor(Channel.Bulk));
            return SkippedCsv(items.Select(i => (i.EntityId, i.Code, i.Reason)).ToList(), $"bulk-update-{id}-skipped.csv");
        }).Produces(200, contentType: "text/csv");
        return app;
    }

    private static IResult SkippedCsv(List<(int Id, string? Code, string? Reason)> rows, string fileName) => Results.Stream(async stream =>
    {
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        csv.WriteField("id");
        csv.WriteField("code");
        csv.WriteField("reason");
        await csv.NextRecordAsync();
        foreach (var (id, code, reason) in rows)
        {
            csv.WriteField(id);
            csv.WriteField(code);
            csv.WriteField(reason);
            await csv.NextRecordAsync();
        }
    }, "text/csv; charset=utf-8", fileName);
}
