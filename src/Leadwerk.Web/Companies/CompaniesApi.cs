using System.Text.Json.Nodes;
using Leadwerk.Web.Common;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Selections;

namespace Leadwerk.Web.Companies;

public static class CompaniesApi
{
    public static IEndpointRouteBuilder MapCompanies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies").WithTags("Companies").RequireAuthorization();
        group.MapGet("/", async (CompanyList companies, string? search, string? sort, string? category, string? categoryGroup, string? owner,
            string? country, int? limit, string? cursor, bool? count) =>
            TypedResults.Ok(await companies.Page(new CompanyListQuery(search, sort, category, categoryGroup, owner, country), limit, cursor,
                count == true)));
        group.MapGet("/{id:int}/attribution", async (int id, Attribution.PersonAttribution attribution) => TypedResults.Ok(await attribution.OfCompany(id)));
        group.MapGet("/{id:int}", async (int id, CompanyService companies, HttpContext http) =>
        {
            var c = await companies.Get(id);
            return TypedResults.Ok(http.WithETag(c, c.Version));
        });
        group.MapPost("/", async (CompanyRequest request, CompanyService companies, HttpContext http) =>
        {
            var c = await companies.Create(request);
            return TypedResults.Created($"/api/companies/{c.Id}", http.WithETag(c, c.Version));
        });
        group.MapPatch("/{id:int}", async (int id, JsonObject body, CompanyService companies, HttpContext http) =>
        {
            var patch = new PatchReader(body);
            var changes = new CompanyChanges
            {
                Name = patch.String("name"),
                CategoryId = patch.Int("categoryId"),
                OwnerId = patch.Int("ownerId"),
                Email = patch.String("email"),
                Phone = patch.String("phone"),
                Website = patch.String("website"),
                Country = patch.String("country"),
                OrgNumber = patch.String("orgNumber"),
            };
            var c = await companies.Update(id, changes, http.IfMatch());
            return TypedResults.Ok(http.WithETag(c, c.Version));
        }).Accepts<CompanyRequest>("application/json");
        group.MapDelete("/{id:int}", async (int id, CompanyService companies, HttpContext http) =>
        {
            await companies.Delete(id, http.IfMatch());
            return TypedResults.NoContent();
        });

        // The Contacts tab: ?columns=a,b&sort=-person.lastName&filter=[lines as JSON]&groupBy=person.leadStatus
        group.MapGet("/{id:int}/persons", async (int id, string? columns, string? sort, int? limit, string? cursor, string? filter,
            string? groupBy, bool? count, ContactsTab contacts, HttpContext http) =>
            TypedResults.Ok(await contacts.Page(id, http.User.UserId(), SelectionsApi.Split(columns), sort, limit, cursor,
                ContactsTab.ParseFilters(filter), groupBy, count == true)));
        return app;
    }
}
