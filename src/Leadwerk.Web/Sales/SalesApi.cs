using System.Text.Json.Nodes;
using Leadwerk.Web.Common;

namespace Leadwerk.Web.Sales;

public static class SalesApi
{
    public static IEndpointRouteBuilder MapSales(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sales").WithTags("Sales").RequireAuthorization();
        // status takes one key or several separated by commas: ?status=open,stalled
        group.MapGet("/", async (SaleService sales, int? companyId, int? personId, string? status, int? ownerId, int? limit, string? cursor) =>
            TypedResults.Ok(await sales.List(new SaleFilter(companyId, personId, status, ownerId), limit, cursor)));
        group.MapGet("/{id:int}", async (int id, SaleService sales, HttpContext http) =>
        {
            var s = await sales.Get(id);
            return TypedResults.Ok(http.WithETag(s, s.Version));
        });
        group.MapPost("/", async (SaleRequest request, SaleService sales, HttpContext http) =>
        {
            var s = await sales.Create(request);
            return TypedResults.Created($"/api/sales/{s.Id}", http.WithETag(s, s.Version));
        });
        group.MapPatch("/{id:int}", async (int id, JsonObject body, SaleService sales, HttpContext http) =>
        {
            var patch = new PatchReader(body);
            var changes = new SaleChanges
            {
                CompanyId = patch.Int("companyId"),
                PersonId = patch.Int("personId"),
                Title = patch.String("title"),
                Amount = patch.Decimal("amount"),
                Currency = patch.String("currency"),
                OwnerId = patch.Int("ownerId"),
                Status = patch.String("status"),
                ExpectedCloseDate = patch.Date("expectedCloseDate"),
                LostReasonId = patch.Int("lostReasonId"),
            };
            var s = await sales.Update(id, changes, http.IfMatch());
            return TypedResults.Ok(http.WithETag(s, s.Version));
        }).Accepts<SaleRequest>("application/json");
        group.MapDelete("/{id:int}", async (int id, SaleService sales, HttpContext http) =>
        {
            await sales.Delete(id, http.IfMatch());
            return TypedResults.NoContent();
        });
        return app;
    }
}
