using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;
using Leadwerk.Web.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>Persons with a given status and selections owned by a given user, made through the app's services.</summary>
public sealed class SearchData(IServiceProvider services)
{
    /// <summary>A person at a new "Lead" company (where the lead status is on) with the given English status name.</summary>
    public async Task<PersonDto> Person(string firstName, string lastName, string status = "Open")
    {
        var company = await new TestData(services).Company(category: "Lead");
        var statusId = await Run<ListService, int>(async s => (await s.LeadStatuses()).Single(x => x.NameEn == status).Id);
        return await Run<PersonService, PersonDto>(s => s.Create(
            new PersonRequest(company.Id, firstName, lastName, null, null, null, null, null, statusId)));
    }

    public async Task<Actor> ActorOf(string userName)
    {
        var user = await Run<UserService, List<User>>(s => s.List());
        var found = user.Single(u => u.UserName == userName);
        return new Actor(found.Id, found.Role, Channel.Api);
    }

    public async Task<SelectionDto> StaticSelection(string userName, string name, IEnumerable<int> personIds, string visibility = "private")
    {
        var owner = await ActorOf(userName);
        return await Run<SelectionService, SelectionDto>(s => s.Create(
            new SelectionRequest(name, "Made by a browser test", Entities.Person, "static", null, [.. personIds], visibility), owner));
    }

    public async Task<SelectionDto> DynamicSelection(string userName, string name, Criteria criteria, string visibility = "private")
    {
        var owner = await ActorOf(userName);
        return await Run<SelectionService, SelectionDto>(s => s.Create(
            new SelectionRequest(name, null, criteria.Entity, "dynamic", criteria, null, visibility), owner));
    }

    public async Task<SelectionDto?> FindSelection(string userName, string name)
    {
        var owner = await ActorOf(userName);
        var all = await Run<SelectionService, List<SelectionDto>>(s => s.List(owner));
        return all.SingleOrDefault(s => s.Name == name);
    }

    /// <summary>The names of the selections the user owns.</summary>
    public async Task<List<string>> SelectionNames(string userName)
    {
        var owner = await ActorOf(userName);
        var all = await Run<SelectionService, List<SelectionDto>>(s => s.List(owner));
        return [.. all.Where(s => s.OwnerId == owner.UserId).Select(s => s.Name)];
    }

    private async Task<T> Run<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Channel.Api));
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
