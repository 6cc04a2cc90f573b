using Leadwerk.Web.Automation;
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
public sealed class PersonService(LeadwerkDbContext db, ListService lists, LeadTransitions transitions, LeadAutomation automation, SuggestionService suggestions)
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

    /// <summary>A new person; one that asks for distribution is created through <see cref="Distribution.DistributionService.CreateLead"/>.</summary>
    public async Task<PersonDto> Create(PersonRequest request)
    {
        if (request.Distribute == true)
        {
            throw new InvalidOperationException("A person that asks for distribution is created by DistributionService.CreateLead.");
        }

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
            LeadRules.PersonCategoryChange(company.CategoryId, company.Id, company.Name, request.CategoryId ?? company.CategoryId, null).ThrowIfRefused();
            person.CompanyId = company.Id;
            person.OwnerId = request.OwnerId is null && !request.OwnerChosen ? company.OwnerId : await ValidOwner(request.OwnerId);
            category = company.Category;
        }
        else
        {
            category = request.CategoryId is null ? null : await PickableCategory(request.CategoryId.Value);
            person.OwnerId = await ValidOwner(request.OwnerId);
        }

        await transitions.Start(person, category, request.LeadStatusId);
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        return await Get(person.Id);
    }

    public async Task<PersonDto> Update(int id, PersonChanges changes, int? expectedVersion)
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

        // R1/R5: the company first, so a category or status in the same change is judged under the new one.
        if (changes.CompanyId.IsSet && changes.CompanyId.Value != person.CompanyId)
        {
            await transitions.JoinCompany(person, changes.CompanyId.Value is { } companyId ? await FindCompany(companyId) : null);
        }

        if (changes.CategoryId.IsSet)
        {
            await transitions.SetOwnCategory(person, changes.CategoryId.Value);
        }

        if (changes.LeadStatusId.IsSet)
        {
            await transitions.SetStatus(person, changes.LeadStatusId.Value);
        }

        await Save();
        return await Get(id) with { Suggestions = await suggestions.Describe(automation.Raised) };
    }

    /// <summary>
    /// Deletes the person with its follow-ups, lead status history, sources and distribution
    /// assignments (the database cascades those) and its selection memberships; its sales stay
    /// with the company, without a person.
    /// </summary>
    public async Task Delete(int id, int? expectedVersion)
    {
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == id) ?? throw NotFound();
        Concurrency.Check(person.Version, expectedVersion);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await RemoveWithMemberships([person]);
        await Save();
        await transaction.CommitAsync();
    }

    /// <summary>What deleting the person takes along, for the question asked before.</summary>
    public async Task<PersonDeleteImpact> DeleteImpact(int id)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == id))
        {
            throw NotFound();
        }

        return new PersonDeleteImpact(
            await db.FollowUps.CountAsync(f => f.PersonId == id),
            await db.LeadStatusChanges.CountAsync(h => h.PersonId == id),
            await Memberships([id]).CountAsync(),
            await db.Sales.CountAsync(s => s.PersonId == id));
    }

    /// <summary>
    /// Marks tracked persons for deletion in the caller's save and deletes their selection
    /// memberships now, which have no foreign key (a member id is a person's or a company's):
    /// the caller holds a transaction around both.
    /// </summary>
    internal async Task RemoveWithMemberships(IReadOnlyList<Person> persons)
    {
        await Memberships(persons.Select(p => p.Id).ToList()).ExecuteDeleteAsync();
        db.Persons.RemoveRange(persons);
    }

    private IQueryable<Selections.SelectionMember> Memberships(List<int> ids) => db.SelectionMembers.Where(m => ids.Contains(m.EntityId)
        && db.Selections.Any(s => s.Id == m.SelectionId && s.Entity == Search.Entities.Person));

    public async Task<List<LeadStatusChangeDto>> History(int id)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == id))
        {
            throw NotFound();
        }

        var statuses = (await lists.LeadStatuses(includeDeleted: true)).ToDictionary(s => s.Id);
        var rows = await db.LeadStatusChanges.AsNoTracking().Where(h => h.PersonId == id)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => new { h.At, h.UserId, UserName = db.Users.Where(u => u.Id == h.UserId).Select(u => u.DisplayName).FirstOrDefault(), h.FromId, h.ToId, h.Channel, h.WasActive, h.Active, h.BecameLead, h.JobKind, h.JobId, h.Undoes, h.Reverted })
            .ToListAsync();
        return rows.Select(h => new LeadStatusChangeDto(
            h.At, h.UserId, h.UserName, h.FromId, h.FromId is { } f ? statuses.GetValueOrDefault(f)?.Name : null,
            h.ToId, h.ToId is { } t ? statuses.GetValueOrDefault(t)?.Name : null, h.Channel)
        {
            Active = h.Active, BecameLead = h.BecameLead, Event = HistoryWords.Event(h.FromId, h.ToId, h.WasActive, h.Active, h.BecameLead),
            Job = h.JobKind is { } kind ? new JobLinkDto(kind, h.JobId!.Value) : null, Undoes = h.Undoes, Reverted = h.Reverted,
        }).ToList();
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
            ?? throw DomainException.Invalid("categoryId", LeadReasons.CategoryUnknown());

    private async Task<int?> ValidOwner(int? ownerId) => await UserService.ValidOwner(db, ownerId);

    private IQueryable<PersonRow> Rows(IQueryable<Person> persons) => persons.AsNoTracking().Select(p => new PersonRow(
        p, p.Company == null ? null : p.Company.Name, p.Owner == null ? null : p.Owner.DisplayName, p.Category, p.LeadStatus));

    private static DomainException NotFound() =>
        DomainException.NotFound(L.T("The person was not found.", "De persoon is niet gevonden."));
}
