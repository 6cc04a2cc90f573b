using Leadwerk.Web.Data;
using System.Globalization;
using System.Text;
using CsvHelper;
using Leadwerk.Web.Common;
using Leadwerk.Web.Leads;

namespace Leadwerk.Web.Dashboards;

public static class DashboardsApi
{
    public static IEndpointRouteBuilder MapDashboards(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dashboards").WithTags("Dashboards").RequireAuthorization();
        group.MapGet("/", async (DashboardService dashboards, HttpContext http) => TypedResults.Ok(await dashboards.List(http.User.ToActor(Channel.Api))));
        group.MapGet("/library", () => TypedResults.Ok(DashboardService.Library()));
        group.MapGet("/{id:int}", async (int id, DashboardService dashboards, HttpContext http) =>
        {
            var d = await dashboards.Get(id, http.User.ToActor(Channel.Api));
            return TypedResults.Ok(http.WithETag(d, d.Version));
        });
        group.MapPost("/", async (DashboardRequest request, DashboardService dashboards, HttpContext http) =>
        {
            var d = await dashboards.Create(request, http.User.ToActor(Channel.Api));
            return TypedResults.Created($"/api/dashboards/{d.Id}", http.WithETag(d, d.Version));
        });
        group.MapPut("/{id:int}", async (int id, DashboardRequest request, DashboardService dashboards, HttpContext http) =>
        {
            var d = await dashboards.Update(id, request, http.IfMatch(), http.User.ToActor(Channel.Api));
            return TypedResults.Ok(http.WithETag(d, d.Version));
        });
        group.MapDelete("/{id:int}", async (int id, DashboardService dashboards, HttpContext http) =>
        {
            await dashboards.Delete(id, http.IfMatch(), http.User.ToActor(Channel.Api));
            return TypedResults.NoContent();
        });
        group.MapPost("/{id:int}/duplicate", async (int id, DashboardService dashboards, HttpContext http) =>
        {
            var d = await dashboards.Duplicate(id, http.User.ToActor(Channel.Api));
            return TypedResults.Created($"/api/dashboards/{d.Id}", http.WithETag(d, d.Version));
        });
        group.MapPost("/evaluate", async (EvaluateRequest request, DashboardService dashboards, HttpContext http) =>
            TypedResults.Ok(await dashboards.Evaluate(request.Tile, request.Filters, http.User.ToActor(Channel.Api))));

        // The same figures as JSON or, with Accept: text/csv (or the .csv address a link can use), as CSV.
        group.MapGet("/{id:int}/tiles/{tileId}/data", async (int id, string tileId, [AsParameters] FilterQuery filters, DashboardService dashboards,
            HttpContext http) =>
        {
            var data = await dashboards.Data(id, tileId, filters.ToFilters(), http.User.ToActor(Channel.Api));
            return http.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true)
                ? Csv(data, tileId) : Results.Ok(data);
        }).Produces<TileData>().Produces(200, contentType: "text/csv").ReadsFromReplica();
        group.MapGet("/{id:int}/tiles/{tileId}/data.csv", async (int id, string tileId, [AsParameters] FilterQuery filters, DashboardService dashboards,
            HttpContext http) => Csv(await dashboards.Data(id, tileId, filters.ToFilters(), http.User.ToActor(Channel.Api)), tileId))
            .Produces(200, contentType: "text/csv").ReadsFromReplica();
        return app;
    }

    public sealed record FilterQuery(string? Owner, int? CategoryId, string? CategoryGroup, string? Country, string? Period, string? AsOf)
    {
        public DashboardFilters ToFilters() => new(Owner, CategoryId, CategoryGroup, Country, Period, AsOf);
    }

    /// <summary>One row per figure: key, label, the second grouping, value, count, and the other figures of the group.</summary>
    public static IResult Csv(TileData data, string tileId)
    {
        var extra = data.Series.SelectMany(s => s.Values?.Keys ?? Enumerable.Empty<string>()).Distinct().ToList();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "key", "label", "group", "groupLabel", "value", "count" }.Concat(extra))
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var s in data.Series.Concat(data.Other is { } o ? [o] : []))
            {
                csv.WriteField(s.Key);
                csv.WriteField(s.Label);
                csv.WriteField(s.Group);
                csv.WriteField(s.GroupLabel);
                csv.WriteField(s.Value);
                csv.WriteField(s.Count);
                extra.ForEach(e => csv.WriteField(s.Values?.GetValueOrDefault(e)));
                csv.NextRecord();
            }

            csv.WriteField("total");
            csv.WriteField("Total");
            csv.WriteField("");
            csv.WriteField("");
            csv.WriteField(data.Total);
            csv.NextRecord();
        }

        var name = new string(tileId.Where(char.IsAsciiLetterOrDigit).ToArray());
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"tile-{(name.Length == 0 ? "data" : name)}.csv");
    }
}
