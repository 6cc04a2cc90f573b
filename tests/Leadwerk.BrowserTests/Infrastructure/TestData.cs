using Leadwerk.Web.Automation;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.FollowUps;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>Creates what a test asserts on through the app's own services, each under a unique name.</summary>
public sealed class TestData(IServiceProvider services)
{
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public async Task<CompanyDto> Company(string? name = null, string category = "Lead", int? ownerId = null) =>
        await Run<CompanyService, CompanyDto>(async s =>
            await s.Create(new CompanyRequest(name ?? Unique("Company"), await CategoryId(category), ownerId, null, null, null, null, null)));

    public async Task<PersonDto> Person(int? companyId, string? firstName = null, string? lastName = null, string? email = null, string? phone = null) =>
        await Run<PersonService, PersonDto>(s => s.Create(
            new PersonRequest(companyId, firstName ?? Unique("Ann"), lastName ?? "Tester", email, phone, null, null, null, null)));

    public async Task<PersonDto> PersonWithCompany(string category = "Lead")
    {
        var company = await Company(category: category);
        return await Person(company.Id);
    }

    public Task<PersonDto> GetPerson(int id) => Run<PersonService, PersonDto>(s => s.Get(id));

    public Task<CompanyDto> GetCompany(int id) => Run<CompanyService, CompanyDto>(s => s.Get(id));

    public Task<List<LeadStatusChangeDto>> History(int personId) => Run<PersonService, List<LeadStatusChangeDto>>(s => s.History(personId));

    /// <summary>A user of its own, so a test may change its language or role without touching others.</summary>
    public async Task<(string UserName, string Password)> User(string role = "user", string? language = "en", string? displayName = null)
    {
        var userName = Unique("user").Replace(' ', '-');
        const string password = "browser-tests-user-1";
        await Run<UserService, User>(s => s.Create(new UserRequest(userName, password, displayName ?? userName, role, language)));
        return (userName, password);
    }

    public Task<User> GetUser(string userName) => Run<UserService, User>(async s => (await s.List()).Single(u => u.UserName == userName));

    /// <summary>A follow-up for a person, owned by the given user; an all-day one on the date of <paramref name="due"/>, read in the owner's zone.</summary>
    public Task<FollowUpDto> FollowUp(int personId, int ownerId, DateTimeOffset due, string title, string type = "call", bool allDay = false) =>
        Run<FollowUpService, FollowUpDto>(s => s.Create(new FollowUpRequest(
            personId, System.Text.Json.Nodes.JsonValue.Create(type), title,
            due.ToString(allDay ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            allDay, null, ownerId, null)));

    public Task<FollowUpDto> GetFollowUp(int id) => Run<FollowUpService, FollowUpDto>(s => s.Get(id));

    /// <summary>Changes a user as an administrator would (disable, demote).</summary>
    public Task<User> ChangeUser(string userName, UserChanges changes) => Run<UserService, User>(async s =>
        await s.Update((await s.List()).Single(u => u.UserName == userName).Id, changes, null, byAdmin: true));

    /// <summary>A lost reason added by the system actor, so the audit log has an entry of it.</summary>
    public Task<LostReason> LostReason(string english, string dutch) =>
        Run<ListService, LostReason>(s => s.CreateLostReason(new LostReasonRequest(null, new LocalizedText(english, dutch), null)));

    /// <summary>An open follow-up owned by the user, on a person of its own.</summary>
    public async Task<int> FollowUp(string ownerUserName)
    {
        var owner = await UserId(ownerUserName);
        var person = await Person(null);
        return (await Run<FollowUpService, FollowUpDto>(s => s.Create(new FollowUpRequest(
            person.Id, System.Text.Json.Nodes.JsonValue.Create("call"), null, DateTimeOffset.UtcNow.AddDays(2).ToString("O"), false, null, owner, null)))).Id;
    }

    public Task<int?> FollowUpOwner(int id) => Run<FollowUpService, int?>(async s => (await s.Get(id)).OwnerId);

    public Task<int> UserId(string userName) => Run<UserService, int>(async s => (await s.List()).Single(u => u.UserName == userName).Id);

    public Task<RuleSet> Rules() => Run<AutomationService, RuleSet>(s => s.Get());

    /// <summary>Lead categorization rules are global: a test that saves some puts back none, so no other test's status change fires them.</summary>
    public Task<RuleSet> NoRules() => Run<AutomationService, RuleSet>(s => s.Put(new RuleSet([])));

    /// <summary>A follow-up for the person, due at a moment given as ISO 8601 with offset (or a date for all day).</summary>
    public Task<Leadwerk.Web.FollowUps.FollowUpDto> FollowUp(int personId, DateTimeOffset due, string type = "call", string? title = null) =>
        Run<Leadwerk.Web.FollowUps.FollowUpService, Leadwerk.Web.FollowUps.FollowUpDto>(s => s.Create(new Leadwerk.Web.FollowUps.FollowUpRequest(
            personId, System.Text.Json.Nodes.JsonValue.Create(type), title ?? Unique("Follow-up"),
            due.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), false, null, null, null)));

    /// <summary>A lead owned by the given user, at a new "Lead" company, with the given English status name.</summary>
    public async Task<PersonDto> Lead(int ownerId, string status = "Open")
    {
        var company = await Company(category: "Lead");
        var statusId = await Run<ListService, int>(async s => (await s.LeadStatuses()).Single(x => x.NameEn == status).Id);
        return await Run<PersonService, PersonDto>(s => s.Create(
            new PersonRequest(company.Id, Unique("Lea"), "Lead", null, null, null, ownerId, null, statusId)));
    }

    /// <summary>How many persons and companies there are now, for lists that show "1–50 of N".</summary>
    public Task<(int Persons, int Companies)> Totals() => Run<LeadwerkDbContext, (int, int)>(async db =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Persons),
         await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Companies)));

    public Task<int> CategoryId(string englishName) =>
        Run<ListService, int>(async s => (await s.Categories()).Single(c => c.NameEn == englishName).Id);

    /// <summary>Moves a company (and the persons who inherit its category) to another category.</summary>
    public async Task<CompanyDto> MoveCompany(int companyId, string category)
    {
        var categoryId = await CategoryId(category);
        return await Run<CompanyService, CompanyDto>(s => s.Update(companyId, new CompanyChanges { CategoryId = categoryId }, null));
    }

    public Task<string> Edition() => Run<Leadwerk.Web.Licensing.LicenceService, string>(s => s.Edition());

    public Task<Leadwerk.Web.Licensing.LicenceDto> SetEdition(string edition) =>
        Run<Leadwerk.Web.Licensing.LicenceService, Leadwerk.Web.Licensing.LicenceDto>(s => s.Set(new(edition), Actor.System(Channel.Api)));

    /// <summary>A new lead in a Lead company, created through the API's path with distribution asked for.</summary>
    public async Task<PersonDto> DistributedLead(string lastName)
    {
        var company = await Company(category: "Lead");
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Channel.Api));
        return await scope.ServiceProvider.GetRequiredService<Leadwerk.Web.Distribution.DistributionService>().CreateLead(
            new PersonRequest(company.Id, "Dina", lastName, null, null, null, null, null, null, Distribute: true), scope.ServiceProvider.GetRequiredService<PersonService>());
    }

    /// <summary>A distribution rule of these (user, weight) members, first in rank.</summary>
    public Task<Leadwerk.Web.Distribution.RuleDto> DistributionRule(string name, params (int UserId, int Weight)[] members) =>
        Run<Leadwerk.Web.Distribution.DistributionService, Leadwerk.Web.Distribution.RuleDto>(s => s.Create(new Leadwerk.Web.Distribution.RuleRequest(
            name, 0, true, null, null, [.. members.Select(m => new Leadwerk.Web.Distribution.MemberRequest(m.UserId, m.Weight))], true, true, null),
            Actor.System(Channel.Api)));

    public Task DeleteDistributionRule(int id) =>
        Run<Leadwerk.Web.Distribution.DistributionService, bool>(async s =>
        {
            await s.Delete(id, Actor.System(Channel.Api));
            return true;
        });

    /// <summary>A contact form (names, e-mail, a message) with the given processing.</summary>
    public Task<Leadwerk.Web.Forms.FormDto> Form(string key, string processing = "automatic") =>
        Run<Leadwerk.Web.Forms.FormService, Leadwerk.Web.Forms.FormDto>(s => s.Create(new Leadwerk.Web.Forms.FormRequest(key, $"Contact {key}",
        [
            new("first_name", new("First name", "Voornaam"), "text", false, "person.firstName"),
            new("last_name", new("Last name", "Achternaam"), "text", true, "person.lastName"),
            new("email", new("E-mail", "E-mail"), "email", true, "person.email"),
            new("message", new("Message", "Bericht"), "textarea"),
        ], Processing: processing, ThankYou: new(new("Thanks, we will call you.", "Bedankt, we bellen u."))), Actor.System(Channel.Api)));

    /// <summary>
    /// A finished bulk update of persons with its changed items and a finished import of 3 records
    /// with its rows, started by the user; undo and rollback would put back what the items and rows name.
    /// </summary>
    public Task<(int Bulk, int Import)> FinishedRuns(string userName, int changed) => Run<LeadwerkDbContext, (int, int)>(async db =>
    {
        var userId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.UserName == userName).Select(u => u.Id));
        var now = DateTime.UtcNow;
        var bulk = new Leadwerk.Web.Bulk.BulkUpdate
        {
            Entity = "person", ActionsJson = """[{"field":"person.owner","op":"clear","value":null}]""", State = Leadwerk.Web.Bulk.BulkState.Done,
            Total = changed, Done = changed, Changed = changed, UserId = userId, FinishedAt = now,
        };
        var import = new Leadwerk.Web.Import.ImportJob
        {
            Entity = "person", State = Leadwerk.Web.Import.ImportState.Done, Rows = 3, Done = 3, Created = 2, Updated = 1, UserId = userId, FinishedAt = now,
        };
        db.BulkUpdates.Add(bulk);
        db.Imports.Add(import);
        await db.SaveChangesAsync();
        db.BulkUpdateItems.AddRange(Enumerable.Range(1, changed).Select(i => new Leadwerk.Web.Bulk.BulkUpdateItem
        {
            BulkUpdateId = bulk.Id, EntityId = i, State = Leadwerk.Web.Bulk.BulkItemState.Changed,
        }));
        db.ImportRows.AddRange(Enumerable.Range(2, 3).Select(line => new Leadwerk.Web.Import.ImportRow
        {
            ImportId = import.Id, Line = line, EntityId = line,
            State = line == 4 ? Leadwerk.Web.Import.ImportRowState.Updated : Leadwerk.Web.Import.ImportRowState.Created,
        }));
        await db.SaveChangesAsync();
        return (bulk.Id, import.Id);
    });

    /// <summary>Anything else a test sets up through a service, in a scope of its own.</summary>
    public Task Run<TService>(Func<TService, Task> work) where TService : notnull =>
        Run<TService, bool>(async s =>
        {
            await work(s);
            return true;
        });

    /// <summary>An empty static selection of persons, private to the named user.</summary>
    public async Task<Leadwerk.Web.Selections.SelectionDto> OwnSelection(string ownerUserName, string name)
    {
        var owner = await GetUser(ownerUserName);
        return await Run<Leadwerk.Web.Selections.SelectionService, Leadwerk.Web.Selections.SelectionDto>(s => s.Create(
            new Leadwerk.Web.Selections.SelectionRequest(name, null, "person", "static", null, [], "private"), new Actor(owner.Id, owner.Role, Channel.Api)));
    }

    private async Task<T> Run<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Channel.Api));
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
