using Leadwerk.Web.Data;
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
        // Read as an object, so an absent ownerId (the creator) differs from null (nobody).
        group.MapPost("/", async (JsonObject body, CompanyService companies, HttpContext http) =>
        {
            var read = new PatchReader(body);
            var owner = read.Int("ownerId");
            var request = new CompanyRequest(read.String("name").Value, read.Int("categoryId").Value, owner.Value, read.String("email").Value,
                read.String("phone").Value, read.String("website").Value, read.String("country").Value, read.String("orgNumber").Value)
            {
                OwnerChosen = owner.IsSet,
            };
            var c = await companies.Create(request);
            return TypedResults.Created($"/api/companies/{c.Id}", http.WithETag(c, c.Version));
        }).Accepts<CompanyRequest>("application/json");
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
        // ?persons=moveTo&targetCompanyId=12 or ?persons=delete; without it a company with persons is refused (409).
        group.MapDelete("/{id:int}", async (int id, string? persons, int? targetCompanyId, CompanyService companies, HttpContext http) =>
        {
            await companies.Delete(id, http.IfMatch(), CompanyService.ParsePersons(persons), targetCompanyId);
            return TypedResults.NoContent();
        });

        // The Contacts tab: ?columns=a,b&sort=-person.lastName&filter=[lines as JSON]&groupBy=person.leadStatus
        group.MapGet("/{id:int}/persons", async (int id, string? columns, string? sort, int? limit, string? cursor, string? filter,
            string? groupBy, bool? count, ContactsTab contacts, HttpContext http) =>
            TypedResults.Ok(await contacts.Page(id, http.User.UserId(), SelectionsApi.Split(columns), sort, limit, cursor,
                ContactsTab.ParseFilters(filter), groupBy, count == true))).ReadsFromReplica();
        return app;
    }
}
