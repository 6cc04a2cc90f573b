using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Import;

/// <summary>
/// A company's values an import may change, as they were before it, with its persons' statuses
/// before and after a category change (R5/R6 may have changed them); rollback puts them back.
/// </summary>
internal sealed record CompanyBefore(string Name, int CategoryId, int? OwnerId, string? Email, string? Phone, string? Website,
    string? Country, string? OrgNumber) : IPersonsMoved
{
    public Dictionary<int, int?>? PersonStatuses { get; init; }
    public Dictionary<int, DateTime?>? PersonSince { get; init; }
    public Dictionary<int, int?>? PersonStatusesAfter { get; init; }

    public static CompanyBefore Of(Company c) => new(c.Name, c.CategoryId, c.OwnerId, c.Email, c.Phone, c.Website, c.Country, c.OrgNumber);
}

/// <summary>Company rows: matched by org number then name (or as chosen); a row may not take a customer out of the Customer group (R12).</summary>
internal sealed class ImportCompanies(LeadwerkDbContext db, ImportSettings settings, ImportLookups lookups)
{
    public async Task<List<Action>> Process(IReadOnlyList<ImportRow> rows)
    {
        var parsed = rows.Select(r => (Row: r, Values: ImportValues.Of(r))).ToList();
        List<string> Keys(string field) => parsed.Select(p => p.Values.GetValueOrDefault(field)).OfType<string>().Select(ImportLookups.Key).Distinct().ToList();
        var (orgNumbers, names, emails) = (Keys("orgNumber"), Keys("name"), Keys("email"));
        var candidates = await db.Companies.Include(c => c.Category)
            .Where(c => (c.OrgNumber != null && orgNumbers.Contains(c.OrgNumber.ToLower())) || names.Contains(c.NameKey)
                || (c.Email != null && emails.Contains(c.Email.ToLower())))
            .OrderBy(c => c.Id).ToListAsync();
        var after = new List<Action>();
        foreach (var (row, values) in parsed)
        {
            try
            {
                if (row.Reason is not null)
                {
                    throw RowError.Of(row);
                }

                if (Match(values, candidates) is { } company)
                {
                    await Update(row, values, company, after);
                }
                else
                {
                    Create(row, values, after);
                }
            }
            catch (RowError e)
            {
                e.WriteTo(row);
            }
        }

        return after;
    }

    /// <summary>
    /// By org number first; by name when the row or the named company has no org number, so two
    /// companies with the same name but different org numbers stay two companies.
    /// </summary>
    private Company? Match(Dictionary<string, string> values, List<Company> candidates)
    {
        bool Same(string? a, string? b) => a is not null && b is not null && ImportLookups.Key(a) == ImportLookups.Key(b);
        var (orgNumber, name) = (values.GetValueOrDefault("orgNumber"), values.GetValueOrDefault("name"));
        return settings.MatchBy switch
        {
            "name" => candidates.FirstOrDefault(c => Same(c.Name, name)),
            "email" => candidates.FirstOrDefault(c => Same(c.Email, values.GetValueOrDefault("email"))),
            _ => candidates.FirstOrDefault(c => Same(c.OrgNumber, orgNumber))
                ?? candidates.FirstOrDefault(c => Same(c.Name, name) && (orgNumber is null || c.OrgNumber is null)),
        };
    }

    private void Create(ImportRow row, Dictionary<string, string> values, List<Action> after)
    {
        var company = new Company();
        Fill(company, values, null);
        var category = lookups.Category(values.GetValueOrDefault("category")) ?? lookups.DefaultCategory(settings)
            ?? throw new RowError(ImportErrors.NoCategory);
        (company.CategoryId, company.Category) = (category.Id, category);
        company.OwnerId = lookups.Owner(values.GetValueOrDefault("owner")) ?? settings.Defaults.OwnerId;
        db.Companies.Add(company);
        row.State = ImportRowState.Created;
        after.Add(() => (row.EntityId, row.VersionAfter) = (company.Id, company.Version));
    }

    private async Task Update(ImportRow row, Dictionary<string, string> values, Company company, List<Action> after)
    {
        var before = CompanyBefore.Of(company);
        var to = lookups.Category(values.GetValueOrDefault("category"));
        var owner = lookups.Owner(values.GetValueOrDefault("owner"));
        if (to is not null && LeadRules.CompanyCategoryChange(company, to.Id, to, Channel.Import) is { IsRefused: true } refused)
        {
            throw RowError.Worded(refused.Code!, () => LeadRules.CompanyCategoryChange(company, to.Id, to, Channel.Import).Reason!);
        }

        Fill(company, values, company);
        company.OwnerId = owner ?? company.OwnerId;
        if (to is not null && to.Id != company.CategoryId)
        {
            // R1/R5/R6: the persons' effective category follows the company, as on every channel.
            var persons = await db.Persons.Where(p => p.CompanyId == company.Id).ToListAsync();
            var moved = LeadRules.MoveCompany(company, to, persons, lookups.DefaultStatusId);
            before = before with { PersonStatuses = moved.PersonStatuses, PersonSince = moved.PersonSince, PersonStatusesAfter = moved.PersonStatusesAfter };
        }

        if (CompanyBefore.Of(company) == before with { PersonStatuses = null, PersonSince = null, PersonStatusesAfter = null })
        {
            row.State = ImportRowState.Unchanged;
            return;
        }

        row.State = ImportRowState.Updated;
        row.EntityId = company.Id;
        row.Before = ImportValues.Serialize(before);
        after.Add(() => row.VersionAfter = company.Version);
    }

    /// <summary>Sets the row's non-empty values over the current ones (none for a new company) and checks the result.</summary>
    private static void Fill(Company company, Dictionary<string, string> values, Company? current)
    {
        // A value that differs only in case is the one the company was matched by; the stored spelling stays.
        string? Value(string field, string? old) => values.GetValueOrDefault(field) is { } value
            && !string.Equals(value, old, StringComparison.OrdinalIgnoreCase) ? value : old;
        var candidate = new Company
        {
            Name = Value("name", current?.Name) ?? "", Email = Value("email", current?.Email), Phone = Value("phone", current?.Phone),
            Website = Value("website", current?.Website), Country = Value("country", current?.Country), OrgNumber = Value("orgNumber", current?.OrgNumber),
        };
        ImportValues.Check(() => new Validation().Required("name", candidate.Name, CompanyRules.Label("name"))
            .MaxLength("name", candidate.Name, CompanyRules.NameMaxLength, CompanyRules.Label("name"))
            .MaxLength("email", candidate.Email, CompanyRules.EmailMaxLength, CompanyRules.Label("email"))
            .Email("email", candidate.Email, CompanyRules.Label("email"))
            .MaxLength("phone", candidate.Phone, CompanyRules.ShortTextMaxLength, CompanyRules.Label("phone"))
            .MaxLength("website", candidate.Website, CompanyRules.WebsiteMaxLength, CompanyRules.Label("website"))
            .MaxLength("country", candidate.Country, CompanyRules.ShortTextMaxLength, CompanyRules.Label("country"))
            .MaxLength("orgNumber", candidate.OrgNumber, CompanyRules.ShortTextMaxLength, CompanyRules.Label("orgNumber")));
        (company.Name, company.Email, company.Phone, company.Website, company.Country, company.OrgNumber) =
            (candidate.Name, candidate.Email, candidate.Phone, candidate.Website, candidate.Country, candidate.OrgNumber);
    }
}
