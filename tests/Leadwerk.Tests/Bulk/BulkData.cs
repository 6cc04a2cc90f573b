using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Bulk;

/// <summary>Many records at once and exact reads, straight on the app's database: hundreds of API calls would only slow the tests.</summary>
public static class BulkData
{
    /// <summary>Persons under a company (its category, R1), all with the given status and owner; ids ascending.</summary>
    public static Task<List<int>> SeedPersons(this LeadwerkApp app, int companyId, int count, int? statusId, int? ownerId = null) =>
        app.SeedPersons(companyId, count, _ => (statusId, ownerId));

    /// <summary>Persons under a company, the i-th with the status and owner <paramref name="values"/> gives it; ids ascending.</summary>
    public static async Task<List<int>> SeedPersons(this LeadwerkApp app, int companyId, int count, Func<int, (int? StatusId, int? OwnerId)> values)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        db.Actor.Set(Actor.System(Channel.Api));
        var categoryId = await db.Companies.Where(c => c.Id == companyId).Select(c => c.CategoryId).SingleAsync();
        var persons = Enumerable.Range(0, count).Select(i => new Person
        {
            CompanyId = companyId, FirstName = "Bulk", LastName = $"Seeded {i:D5}", CategoryId = categoryId,
            LeadStatusId = values(i).StatusId, OwnerId = values(i).OwnerId,
        }).ToList();
        db.Persons.AddRange(persons);
        await db.SaveChangesAsync();
        return persons.Select(p => p.Id).Order().ToList();
    }

    public static async Task<List<Person>> Persons(this LeadwerkApp app, IEnumerable<int> ids)
    {
        var list = ids.ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        return await db.Persons.AsNoTracking().Where(p => list.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync();
    }

    /// <summary>History rows written through the bulk channel for these persons.</summary>
    public static async Task<int> BulkHistoryRows(this LeadwerkApp app, IEnumerable<int> ids)
    {
        var list = ids.ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        return await db.LeadStatusChanges.CountAsync(c => list.Contains(c.PersonId) && c.Channel == Channel.Bulk);
    }
}
