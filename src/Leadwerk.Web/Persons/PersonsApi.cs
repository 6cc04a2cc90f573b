using System.Text.Json.Nodes;
using Leadwerk.Web.Common;

namespace Leadwerk.Web.Persons;

public static class PersonsApi
{
    public static IEndpointRouteBuilder MapPersons(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/persons").WithTags("Persons").RequireAuthorization();
        group.MapGet("/{id:int}/attribution", async (int id, Attribution.PersonAttribution attribution) => TypedResults.Ok(await attribution.Of(id)));
        group.MapGet("/", async (PersonService persons, string? search, int? limit, string? cursor) =>
            TypedResults.Ok(await persons.List(search, null, limit, cursor)));
        group.MapGet("/{id:int}", async (int id, PersonService persons, HttpContext http) =>
        {
            var p = await persons.Get(id);
            return TypedResults.Ok(http.WithETag(p, p.Version));
        });
        // Read as an object, so an absent ownerId (the company's contact) differs from null (nobody), as for companies.
        group.MapPost("/", async (JsonObject body, PersonService persons, Distribution.DistributionService distribution, HttpContext http) =>
        {
            var read = new PatchReader(body);
            var owner = read.Int("ownerId");
            var request = new PersonRequest(read.Int("companyId").Value, read.String("firstName").Value, read.String("lastName").Value,
                read.String("email").Value, read.String("phone").Value, read.String("title").Value, owner.Value, read.Int("categoryId").Value,
                read.Int("leadStatusId").Value, body["distribute"] is null ? null : read.Bool("distribute").Value)
            {
                OwnerChosen = owner.IsSet,
            };
            var p = request.Distribute == true ? await distribution.CreateLead(request, persons) : await persons.Create(request);
            return TypedResults.Created($"/api/persons/{p.Id}", http.WithETag(p, p.Version));
        }).Accepts<PersonRequest>("application/json");
        group.MapPatch("/{id:int}", async (int id, JsonObject body, PersonService persons, HttpContext http) =>
        {
            var patch = new PatchReader(body);
            var changes = new PersonChanges
            {
                CompanyId = patch.Int("companyId"),
                FirstName = patch.String("firstName"),
                LastName = patch.String("lastName"),
                Email = patch.String("email"),
                Phone = patch.String("phone"),
                Title = patch.String("title"),
                OwnerId = patch.Int("ownerId"),
                CategoryId = patch.Int("categoryId"),
                LeadStatusId = patch.Int("leadStatusId"),
            };
            var p = await persons.Update(id, changes, http.IfMatch());
            return TypedResults.Ok(http.WithETag(p, p.Version));
        }).Accepts<PersonRequest>("application/json");
        group.MapDelete("/{id:int}", async (int id, PersonService persons, HttpContext http) =>
        {
            await persons.Delete(id, http.IfMatch());
            return TypedResults.NoContent();
        });
        group.MapGet("/{id:int}/lead-status-history", async (int id, PersonService persons) =>
            TypedResults.Ok(await persons.History(id)));
        return app;
    }
}
