using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Companies;

/// <summary>Companies, for every channel. A category change carries its persons along (R1, R5, R6).</summary>
public sealed partial class CompanyService(LeadwerkDbContext db, LeadTransitions transitions, Persons.PersonService persons)
{
    public async Task<CompanyDto> Get(int id) =>
        (await Rows(db.Companies.Where(c => c.Id == id)).FirstOrDefaultAsync())?.ToDto() ?? throw NotFound();

    public async Task<CompanyDto> Create(CompanyRequest request)
    {
        var company = new Company();
        Fill(company, request.Name, request.Email, request.Phone, request.Website, request.Country, request.OrgNumber, request.CategoryId);
        company.CategoryId = (await PickableCategory(request.CategoryId!.Value)).Id;
        // F2: whoever creates a company is its contact unless the request names one (or, from the form, chose none).
        company.OwnerId = await UserService.ValidOwner(db, request.OwnerId ?? (request.OwnerChosen ? null : db.Actor.Value.UserId));
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return await Get(company.Id);
    }

    public async Task<CompanyDto> Update(int id, CompanyChanges changes, int? expectedVersion)
    {
        var company = await db.Companies.Include(c => c.Category).FirstOrDefaultAsync(c => c.Id == id) ?? throw NotFound();
        Concurrency.Check(company.Version, expectedVersion);
        Fill(company, changes.Name.Or(company.Name), changes.Email.Or(company.Email), changes.Phone.Or(company.Phone),
            changes.Website.Or(company.Website), changes.Country.Or(company.Country), changes.OrgNumber.Or(company.OrgNumber),
            changes.CategoryId.Or(company.CategoryId));
        if (changes.OwnerId.IsSet && changes.OwnerId.Value != company.OwnerId)
        {
            company.OwnerId = await UserService.ValidOwner(db, changes.OwnerId.Value);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (changes.CategoryId.IsSet)
        {
            await transitions.ChangeCompanyCategory(company, changes.CategoryId.Value!.Value);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(ErrorCodes.ConcurrencyConflict, L.T(
                "Someone else changed this company at the same time. Reload and try again.",
                "Iemand anders wijzigde dit bedrijf tegelijkertijd. Laad opnieuw en probeer het nog eens."));
        }

        await transaction.CommitAsync();
        return await Get(id);
    }

    private static void Fill(Company company, string? name, string? email, string? phone, string? website, string? country,
        string? orgNumber, int? categoryId)
    {
        company.Name = Validation.Clean(name) ?? "";
        company.Email = Validation.Clean(email);
        company.Phone = Validation.Clean(phone);
        company.Website = Validation.Clean(website);
        company.Country = Validation.Clean(country);
        company.OrgNumber = Validation.Clean(orgNumber);
        var v = new Validation().Required("name", company.Name, CompanyRules.Label("name"))
            .MaxLength("name", company.Name, CompanyRules.NameMaxLength, CompanyRules.Label("name"))
            .MaxLength("email", company.Email, CompanyRules.EmailMaxLength, CompanyRules.Label("email"))
            .Email("email", company.Email, CompanyRules.Label("email"))
            .MaxLength("phone", company.Phone, CompanyRules.ShortTextMaxLength, CompanyRules.Label("phone"))
            .MaxLength("website", company.Website, CompanyRules.WebsiteMaxLength, CompanyRules.Label("website"))
            .MaxLength("country", company.Country, CompanyRules.ShortTextMaxLength, CompanyRules.Label("country"))
            .MaxLength("orgNumber", company.OrgNumber, CompanyRules.ShortTextMaxLength, CompanyRules.Label("orgNumber"));
        if (categoryId is null)
        {
            v.Add("categoryId", L.T("Category is required.", "Categorie is verplicht."));
        }

        if (company.Website is { } site && !CompanyRules.IsWebAddress(site))
        {
            v.Add("website", L.T("Give a web address that starts with http:// or https://, or a domain such as example.com.",
                "Geef een webadres dat begint met http:// of https://, of een domein zoals example.com."));
        }

        v.ThrowIfInvalid();
    }

    private async Task<Category> PickableCategory(int id) =>
        await db.Categories.FirstOrDefaultAsync(c => c.Id == id && !c.Deleted)
            ?? throw DomainException.Invalid("categoryId", LeadReasons.CategoryUnknown());

    private IQueryable<CompanyRow> Rows(IQueryable<Company> companies) => companies.AsNoTracking()
        .Select(c => new CompanyRow(c, c.Category, c.Owner == null ? null : c.Owner.DisplayName));

    private static DomainException NotFound() =>
        DomainException.NotFound(L.T("The company was not found.", "Het bedrijf is niet gevonden."));
}
