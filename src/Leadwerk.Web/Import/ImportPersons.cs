using Leadwerk.Web.Automation;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Import;

/// <summary>A person's values an import may change, as they were before it; rollback puts them back.</summary>
internal sealed record PersonBefore(string FirstName, string LastName, string? Email, string? Phone, string? Title,
    int? OwnerId, int? CompanyId, int? CategoryId, int? LeadStatusId, DateTime? LeadStatusChangedAt = null)
{
    public static PersonBefore Of(Person p) =>
        new(p.FirstName, p.LastName, p.Email, p.Phone, p.Title, p.OwnerId, p.CompanyId, p.CategoryId, p.LeadStatusId, p.LeadStatusChangedAt);

    /// <summary>The status goes back with its since-date, through the lead rules (<see cref="LeadRules.Restore"/>).</summary>
    public void Restore(Person p)
    {
        (p.FirstName, p.LastName, p.Email, p.Phone, p.Title) = (FirstName, LastName, Email, Phone, Title);
        (p.OwnerId, p.CompanyId, p.CategoryId) = (OwnerId, CompanyId, CategoryId);
        LeadRules.Restore(p, new StatusBefore(LeadStatusId, LeadStatusChangedAt));
    }
}

/// <summary>
/// Person rows: matched by e-mail, created or updated through the lead rules (R1 category from
/// the company, R5 default status, R2 a status only where it is active). A dry run runs the same
/// code and saves nothing.
/// </summary>
internal sealed class ImportPersons(
    LeadwerkDbContext db, ImportSettings settings, ImportLookups lookups, Dictionary<string, Company> companies, LeadAutomation automation,
    Suppression suppression)
{
    /// <summary>The persons the rows created, for distribution once they are saved.</summary>
    public List<Person> Created { get; } = [];

    /// <summary>Judges and applies the rows to tracked entities; the returned steps fill in ids and versions after saving.</summary>
    public async Task<List<Action>> Process(IReadOnlyList<ImportRow> rows)
    {
        var parsed = rows.Select(r => (Row: r, Values: ImportValues.Of(r))).ToList();
        var emails = parsed.Select(p => TextKey.OfOptional(p.Values.GetValueOrDefault("email"))).OfType<string>().Distinct().ToList();
        var matches = emails.Count == 0 ? [] : (await db.Persons.Include(p => p.Category).Include(p => p.Company)
                .Where(p => p.EmailKey != null && emails.Contains(p.EmailKey)).OrderBy(p => p.Id).ToListAsync())
            .GroupBy(p => p.EmailKey!).ToDictionary(g => g.Key, g => g.First());

        // B9: an address of an erased person creates nobody; a person that exists with it is still updated.
        var erased = await suppression.Erased(db, emails.Where(e => !matches.ContainsKey(e)));
        var names = parsed.Select(p => p.Values.GetValueOrDefault("company")).OfType<string>()
            .Select(ImportLookups.Key).Distinct().Where(n => !companies.ContainsKey(n)).ToList();
        if (names.Count > 0)
        {
            foreach (var company in await db.Companies.Include(c => c.Category).Where(c => names.Contains(c.NameKey)).OrderBy(c => c.Id).ToListAsync())
            {
                companies.TryAdd(ImportLookups.Key(company.Name), company);
            }
        }

        var after = new List<Action>();
        foreach (var (row, values) in parsed)
        {
            try
            {
                if (row.Reason is not null)
                {
                    throw RowError.Of(row);
                }

                var email = values.GetValueOrDefault("email");
                var person = email is not null && matches.TryGetValue(TextKey.Of(email), out var found) ? found : null;
                if (person is null && email is not null && erased.Contains(TextKey.Of(email)))
                {
                    throw new RowError(Suppression.ErasedPersonCode);
                }

                var statusBefore = person?.LeadStatusId;
                person = person is null ? Create(row, values, after) : Update(row, values, person, after);
                await FireRules(person, statusBefore, values);
            }
            catch (RowError e)
            {
                e.WriteTo(row);
            }
        }

        return after;
    }

    /// <summary>R11: a status the row sets lets the lead categorization rules look at the person's company, as on every channel.</summary>
    private async Task FireRules(Person person, int? statusBefore, Dictionary<string, string> values)
    {
        var status = lookups.Status(values.GetValueOrDefault("leadStatus"));
        if (status is not null && person.LeadStatusId == status.Id && statusBefore != status.Id && person.Company is { } company)
        {
            await automation.Fire(company, new TriggerEvent(AutomationTrigger.LeadStatusSet, person, status.Id, null));
        }
    }

    private Person Create(ImportRow row, Dictionary<string, string> values, List<Action> after)
    {
        var person = new Person
        {
            FirstName = values.GetValueOrDefault("firstName") ?? "", LastName = values.GetValueOrDefault("lastName") ?? "",
            Email = values.GetValueOrDefault("email"), Phone = values.GetValueOrDefault("phone"), Title = values.GetValueOrDefault("title"),
        };
        Validate(person);
        var (company, isNew) = Company(values.GetValueOrDefault("company"));
        var status = lookups.Status(values.GetValueOrDefault("leadStatus"));
        var owner = lookups.Owner(values.GetValueOrDefault("owner"));
        var category = company is null ? lookups.DefaultCategory(settings) : company.Category;
        Refuse(() => LeadRules.StatusChange(category, null, status?.Id, status));
        Keep(company, isNew);
        person.Company = company;
        person.OwnerId = owner ?? settings.Defaults.OwnerId ?? company?.OwnerId;

        // The import's default status counts only where a status is used at all (StartAsNew decides).
        LeadRules.StartAsNew(person, category, lookups.DefaultStatusId, status?.Id ?? settings.Defaults.LeadStatusId);
        db.Persons.Add(person);
        Created.Add(person);
        row.State = ImportRowState.Created;
        after.Add(() =>
        {
            (row.EntityId, row.VersionAfter) = (person.Id, person.Version);
            row.CreatedCompanyId = isNew ? company!.Id : null;
        });
        return person;
    }

    private Person Update(ImportRow row, Dictionary<string, string> values, Person person, List<Action> after)
    {
        var before = PersonBefore.Of(person);

        // The e-mail address the person was found by stays in its stored spelling.
        var changed = new Person
        {
            FirstName = values.GetValueOrDefault("firstName") ?? person.FirstName, LastName = values.GetValueOrDefault("lastName") ?? person.LastName,
            Email = person.Email, Phone = values.GetValueOrDefault("phone") ?? person.Phone,
            Title = values.GetValueOrDefault("title") ?? person.Title,
        };
        Validate(changed);
        var (company, isNew) = Company(values.GetValueOrDefault("company"));
        var moves = company is not null && (isNew || company.Id != person.CompanyId);
        var status = lookups.Status(values.GetValueOrDefault("leadStatus"));
        var owner = lookups.Owner(values.GetValueOrDefault("owner"));
        var category = moves ? company!.Category : person.Category;
        var statusBefore = person.LeadStatusId;
        Refuse(() => LeadRules.StatusChange(category, statusBefore, status?.Id ?? statusBefore, status));

        (person.FirstName, person.LastName, person.Email, person.Phone, person.Title) =
            (changed.FirstName, changed.LastName, changed.Email, changed.Phone, changed.Title);
        person.OwnerId = owner ?? person.OwnerId;
        if (moves)
        {
            Keep(company, isNew);
            person.Company = company;
            LeadRules.MoveToCategory(person, person.Category, company!.Category, lookups.DefaultStatusId);
        }

        // After a move into an active category the person starts as a new lead (R5); the row's status then applies.
        if (status is not null && LeadRules.StatusChange(person.Category, person.LeadStatusId, status.Id, status).IsAllowed)
        {
            person.LeadStatusId = status.Id;
        }

        if (!moves && PersonBefore.Of(person) == before)
        {
            row.State = ImportRowState.Unchanged;
            return person;
        }

        row.State = ImportRowState.Updated;
        row.EntityId = person.Id;
        row.Before = ImportValues.Serialize(before);
        after.Add(() =>
        {
            row.VersionAfter = person.Version;
            row.CreatedCompanyId = isNew ? company!.Id : null;
        });
        return person;
    }

    /// <summary>R1: the company named in the row, case-insensitively; created with the default category when there is none yet.</summary>
    private (Company? Company, bool IsNew) Company(string? name)
    {
        if (name is null)
        {
            return (null, false);
        }

        if (companies.TryGetValue(ImportLookups.Key(name), out var existing))
        {
            return (existing, false);
        }

        var category = lookups.DefaultCategory(settings) ?? throw RowError.Named(ImportErrors.UnknownCompany, name);
        ImportValues.Check(() => new Validation().MaxLength("company", name, CompanyRules.NameMaxLength, CompanyRules.Label("name")));
        return (new Company { Name = name, CategoryId = category.Id, Category = category, OwnerId = settings.Defaults.OwnerId }, true);
    }

    /// <summary>A company made for a row is kept only once the whole row is valid, and found by the later rows.</summary>
    private void Keep(Company? company, bool isNew)
    {
        if (isNew)
        {
            db.Companies.Add(company!);
            companies[ImportLookups.Key(company!.Name)] = company;
        }
    }

    /// <summary>A row the lead rules refuse is an error row with the rules' own reason, like every channel's refusal.</summary>
    private static void Refuse(Func<LeadVerdict> verdict)
    {
        if (verdict() is { IsRefused: true } refused)
        {
            throw RowError.Worded(refused.Code!, () => verdict().Reason!);
        }
    }

    private static void Validate(Person person) => ImportValues.Check(() =>
    {
        var v = new Validation();
        if (person.FirstName.Length == 0 && person.LastName.Length == 0)
        {
            v.Add("lastName", L.T("Enter a first name or a last name.", "Vul een voornaam of een achternaam in."));
        }

        return v.MaxLength("firstName", person.FirstName, PersonRules.NameMaxLength, PersonMapping.Label("firstName"))
            .MaxLength("lastName", person.LastName, PersonRules.NameMaxLength, PersonMapping.Label("lastName"))
            .MaxLength("email", person.Email, PersonRules.EmailMaxLength, PersonMapping.Label("email"))
            .Email("email", person.Email, PersonMapping.Label("email"))
            .MaxLength("phone", person.Phone, PersonRules.ShortTextMaxLength, PersonMapping.Label("phone"))
            .MaxLength("title", person.Title, PersonRules.ShortTextMaxLength, PersonMapping.Label("title"));
    });
}
