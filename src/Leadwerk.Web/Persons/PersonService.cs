using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Persons;

/// <summary>Persons and their lead status, for every channel: the UI and the API call the same methods.</summary>
public sealed class PersonService(LeadwerkDbContext db, ListService lists)
{
    private sealed record ListPosition(string L, int I);

    public async Task<PersonDto> Get(int id) =>
        (await Rows(db.Persons.Where(p => p.Id == id)).FirstOrDefaultAsync())?.ToDto() ?? throw NotFound();

    public async Task<Page<PersonDto>> List(string? search, int? companyId, int? limit, string? cursor)
    {
        var take = Cursor.Limit(limit);
        var query = db.Persons.AsQueryable();
        if (companyId is not null)
        {
            query = query.Where(p => p.CompanyId == companyId);
        }

        if (Validation.Clean(search) is { } term)
        {
            var t = TextKey.Of(term);
            query = query.Where(p => p.LastNameKey.Contains(t) || p.FirstNameKey.Contains(t) || (p.EmailKey != null && p.EmailKey.Contains(t)));
        }

        if (Cursor.Decode<ListPosition>(cursor) is { } after)
        {
            // "≥ and (> or id)" rather than "> or (= and id)": the first half starts an index range.
            query = query.Where(p => p.LastNameKey.CompareTo(after.L) >= 0 && (p.LastNameKey.CompareTo(after.L) > 0 || p.Id > after.I));
        }

        // The order Find uses, on the index (LastNameKey, Id).
        var rows = await Rows(query.OrderBy(p => p.LastNameKey).ThenBy(p => p.Id)).Take(take + 1).ToListAsync();
        return Cursor.ToPage(rows, take, r => new ListPosition(r.Person.LastNameKey, r.Person.Id), r => r.ToDto());
    }

    public async Task<PersonDto> Create(PersonRequest request, Actor actor)
    {
        var person = new Person
        {
            FirstName = Validation.Clean(request.FirstName) ?? "",
            LastName = Validation.Clean(request.LastName) ?? "",
            Email = Validation.Clean(request.Email),
            Phone = Validation.Clean(request.Phone),
            Title = Validation.Clean(request.Title),
        };
        Validate(person);

        Category? category;
        if (request.CompanyId is { } companyId)
        {
            var company = await FindCompany(companyId);
            if (request.CategoryId is not null && request.CategoryId != company.CategoryId)
            {
                throw CategoryInherited(company.Name);
            }

            person.CompanyId = company.Id;
            person.OwnerId = request.OwnerId is null ? company.OwnerId : await ValidOwner(request.OwnerId);
            category = company.Category;
        }
        else
        {
            category = request.CategoryId is null ? null : await PickableCategory(request.CategoryId.Value);
            person.OwnerId = await ValidOwner(request.OwnerId);
        }

        if (request.LeadStatusId is not null)
        {
            EnsureActive(category);
            await PickableStatus(request.LeadStatusId.Value);
        }

        LeadRules.StartAsNew(person, category, await lists.DefaultStatusId(), request.LeadStatusId);
        db.Actor = actor;
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        return await Get(person.Id);
    }

    public async Task<PersonDto> Update(int id, PersonChanges changes, int? expectedVersion, Actor actor)
    {
        var person = await db.Persons.Include(p => p.Category).Include(p => p.Company).ThenInclude(c => c!.Category)
            .FirstOrDefaultAsync(p => p.Id == id) ?? throw NotFound();
        Concurrency.Check(person.Version, expectedVersion);

        person.FirstName = changes.FirstName.IsSet ? Validation.Clean(changes.FirstName.Value) ?? "" : person.FirstName;
        person.LastName = changes.LastName.IsSet ? Validation.Clean(changes.LastName.Value) ?? "" : person.LastName;
        person.Email = changes.Email.IsSet ? Validation.Clean(changes.Email.Value) : person.Email;
        person.Phone = changes.Phone.IsSet ? Validation.Clean(changes.Phone.Value) : person.Phone;
        person.Title = changes.Title.IsSet ? Validation.Clean(changes.Title.Value) : person.Title;
        Validate(person);
        if (changes.OwnerId.IsSet && changes.OwnerId.Value != person.OwnerId)
        {
            person.OwnerId = await ValidOwner(changes.OwnerId.Value);
        }

        var defaultStatusId = await lists.DefaultStatusId();
        if (changes.CompanyId.IsSet && changes.CompanyId.Value != person.CompanyId)
        {
            await MoveToCompany(person, changes.CompanyId.Value, defaultStatusId);
        }

        if (changes.CategoryId.IsSet && changes.CategoryId.Value != person.CategoryId)
        {
            if (person.Company is not null)
            {
                throw CategoryInherited(person.Company.Name);
            }

            var to = changes.CategoryId.Value is null ? null : await PickableCategory(changes.CategoryId.Value.Value);
            LeadRules.MoveToCategory(person, person.Category, to, defaultStatusId);
        }

        if (changes.LeadStatusId.IsSet && changes.LeadStatusId.Value != person.LeadStatusId)
        {
            await SetLeadStatus(person, changes.LeadStatusId.Value);
        }

        db.Actor = actor;
        await Save();
        return await Get(id);
    }

    public async Task Delete(int id, int? expectedVersion)
    {
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == id) ?? throw NotFound();
        Concurrency.Check(person.Version, expectedVersion);
        db.Persons.Remove(person);
        await Save();
    }

    public async Task<List<LeadStatusChangeDto>> History(int id)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == id))
        {
            throw NotFound();
        }

        var statuses = (await lists.LeadStatuses(includeDeleted: true)).ToDictionary(s => s.Id);
        var rows = await db.LeadStatusChanges.AsNoTracking().Where(h => h.PersonId == id)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => new { h.At, h.UserId, UserName = db.Users.Where(u => u.Id == h.UserId).Select(u => u.DisplayName).FirstOrDefault(), h.FromId, h.ToId, h.Channel })
            .ToListAsync();
        return rows.Select(h => new LeadStatusChangeDto(
            h.At, h.UserId, h.UserName, h.FromId, h.FromId is { } f ? statuses.GetValueOrDefault(f)?.Name : null,
            h.ToId, h.ToId is { } t ? statuses.GetValueOrDefault(t)?.Name : null, h.Channel)).ToList();
    }

    /// <summary>R2/R6: only an active person's status changes, and only to a non-deleted status.</summary>
    private async Task SetLeadStatus(Person person, int? statusId)
    {
        EnsureActive(person.Category);
        if (statusId is null)
        {
            throw DomainException.Invalid("leadStatusId", L.T(
                "A lead has a lead status: pick one.", "Een lead heeft een leadstatus: kies er een."));
        }

        await PickableStatus(statusId.Value);
        person.LeadStatusId = statusId;
    }

    /// <summary>R1/R5: a person that joins a company takes its category; one that leaves keeps it as its own.</summary>
    private async Task MoveToCompany(Person person, int? companyId, int defaultStatusId)
    {
        if (companyId is null)
        {
            person.CompanyId = null;
            person.Company = null;
            return;
        }

        var company = await FindCompany(companyId.Value);
        person.CompanyId = company.Id;
        person.Company = company;
        LeadRules.MoveToCategory(person, person.Category, company.Category, defaultStatusId);
    }

    private static void EnsureActive(Category? category)
    {
        if (!LeadRules.IsActive(category))
        {
            throw DomainException.Conflict(ErrorCodes.LeadStatusNotActive, LeadRules.InactiveReason(category)!, "leadStatusId");
        }
    }

    private async Task Save()
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(ErrorCodes.ConcurrencyConflict, L.T(
                "Someone else changed this person at the same time. Reload and try again.",
                "Iemand anders wijzigde deze persoon tegelijkertijd. Laad opnieuw en probeer het nog eens."));
        }
    }

    private static void Validate(Person person)
    {
        var v = new Validation();
        if (person.FirstName.Length == 0 && person.LastName.Length == 0)
        {
            v.Add("lastName", L.T("Enter a first name or a last name.", "Vul een voornaam of een achternaam in."));
        }

        v.MaxLength("firstName", person.FirstName, PersonRules.NameMaxLength, PersonMapping.Label("firstName"))
            .MaxLength("lastName", person.LastName, PersonRules.NameMaxLength, PersonMapping.Label("lastName"))
            .MaxLength("email", person.Email, PersonRules.EmailMaxLength, PersonMapping.Label("email"))
            .Email("email", person.Email, PersonMapping.Label("email"))
            .MaxLength("phone", person.Phone, PersonRules.ShortTextMaxLength, PersonMapping.Label("phone"))
            .MaxLength("title", person.Title, PersonRules.ShortTextMaxLength, PersonMapping.Label("title"))
            .ThrowIfInvalid();
    }

    private async Task<Company> FindCompany(int id) =>
        await db.Companies.Include(c => c.Category).FirstOrDefaultAsync(c => c.Id == id)
            ?? throw DomainException.Invalid("companyId", L.T("The company does not exist.", "Het bedrijf bestaat niet."));

    private async Task<Category> PickableCategory(int id) =>
        await db.Categories.FirstOrDefaultAsync(c => c.Id == id && !c.Deleted)
            ?? throw DomainException.Invalid("categoryId", L.T(
                "The category does not exist or has been deleted.", "De categorie bestaat niet of is verwijderd."));

    private async Task PickableStatus(int id)
    {
        if (!await db.LeadStatuses.AnyAsync(s => s.Id == id && !s.Deleted))
        {
            throw DomainException.Invalid("leadStatusId", L.T(
                "The lead status does not exist or has been deleted.", "De leadstatus bestaat niet of is verwijderd."));
        }
    }

    private async Task<int?> ValidOwner(int? ownerId) => await UserService.ValidOwner(db, ownerId);

    private IQueryable<PersonRow> Rows(IQueryable<Person> persons) => persons.AsNoTracking().Select(p => new PersonRow(
        p, p.Company == null ? null : p.Company.Name, p.Owner == null ? null : p.Owner.DisplayName, p.Category, p.LeadStatus));

    private static DomainException CategoryInherited(string companyName) => DomainException.Conflict(ErrorCodes.CategoryInherited, L.T(
        $"The category of this person is inherited from its company “{companyName}”. Change the company's category instead.",
        $"De categorie van deze persoon komt van het bedrijf “{companyName}”. Wijzig de categorie van het bedrijf."), "categoryId");

    private static DomainException NotFound() =>
        DomainException.NotFound(L.T("The person was not found.", "De persoon is niet gevonden."));
}
