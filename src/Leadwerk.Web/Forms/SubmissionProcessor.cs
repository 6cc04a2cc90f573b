using System.Text.Json;
using Leadwerk.Web.Attribution;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Distribution;
using Leadwerk.Web.Licensing;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Selections;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Forms;

/// <summary>
/// Turns a submission into records, in the caller's transaction (R19): the person by normalized
/// e-mail, the company by org number, then website (or e-mail) domain, then name; empty fields
/// filled, filled ones overwritten only where the form allows it; a matched company's category never
/// touched, so a customer stays one (R12); new persons through the person service and so through
/// the lead transition core (R5, automation R14); touches appended (R21); an owner by the form's
/// distribution rule (R23).
/// </summary>
public sealed class SubmissionProcessor(
    LeadwerkDbContext db, PersonService persons, CompanyService companies, DistributionService distribution, LicenceService licences, TimeProvider time,
    AttributionRulesCache attributionRules)
{
    /// <summary>
    /// Processes the submission; <paramref name="linkTo"/> is the person an inbox user picked, and
    /// <paramref name="createNew"/> makes a new person even where the address matches one.
    /// </summary>
    public async Task Process(FormSubmission submission, Form form, Person? linkTo = null, bool createNew = false)
    {
        db.Actor.RecordSource = RecordSource.Form(form.Key);
        var log = SubmissionLog.Read(submission.LogJson);
        var fields = FormService.Fields(form);
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(submission.ValuesJson, FormService.Json) ?? [];
        var mapped = fields.Where(f => f.MapsTo is not null && !string.IsNullOrWhiteSpace(values.GetValueOrDefault(f.Name!)))
            .ToDictionary(f => f.MapsTo!, f => (Value: Validation.Clean(values[f.Name!])!, f.AllowOverwrite));
        string? Value(string target) => mapped.TryGetValue(target, out var v) ? v.Value : null;

        var person = linkTo ?? (createNew ? null : await MatchPerson(Value("person.email")));
        if (linkTo is not null)
        {
            log.Add("person.linked", id: linkTo.Id);
        }
        else if (person is not null)
        {
            log.Add("person.matched", id: person.Id);
        }

        var company = await Company(person, mapped, form, log);
        var touch = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(submission.TouchJson, FormService.Json) ?? [];
        var visit = Strings(touch);
        var at = submission.ReceivedAt;
        var rules = await attributionRules.Get(db);
        if (person is null)
        {
            person = await CreatePerson(form, company, Value, log);
            var first = touch.TryGetValue("firstTouch", out var kept) && kept.ValueKind == JsonValueKind.Object ? Strings(kept) : visit;
            var firstAt = first.TryGetValue("at", out var when) && DateTime.TryParse(when, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var t) && t <= at ? t : at;
            Add(TouchValues.Build(first, TouchKind.FirstTouch, firstAt, rules), person.Id, null, form, submission);
            Add(TouchValues.Build(visit, TouchKind.LeadCreation, at, rules), person.Id, null, form, submission);
            log.Add("touch.firstTouch");
        }
        else
        {
            await UpdatePerson(person, company, mapped, log);
            Add(TouchValues.Build(visit, TouchKind.Conversion, at, rules), person.Id, null, form, submission);
            log.Add("touch.conversion");
        }

        if (company is { Created: true })
        {
            Add(TouchValues.Build(visit, TouchKind.CompanySource, at, rules), null, company.Value.Company.Id, form, submission);
        }

        if (form.SelectionId is { } selection && !await db.SelectionMembers.AnyAsync(m => m.SelectionId == selection && m.EntityId == person.Id)
            && await db.Selections.AnyAsync(s => s.Id == selection && s.Kind == SelectionKind.Static))
        {
            db.SelectionMembers.Add(new SelectionMember { SelectionId = selection, EntityId = person.Id });
            log.Add("selection.added", id: selection);
        }

        (submission.PersonId, submission.CompanyId) = (person.Id, person.CompanyId);
        (submission.Status, submission.ProcessedAt, submission.LogJson) = (SubmissionStatus.Processed, time.GetUtcNow().UtcDateTime, log.ToJson());
        await db.SaveChangesAsync();
    }

    /// <summary>The person with this address (R19: the folded form, as import and Find match it); the oldest when several share it.</summary>
    public async Task<Person?> MatchPerson(string? email)
    {
        var key = Common.TextKey.OfOptional(email);
        return key is null ? null : await db.Persons.Include(p => p.Company).ThenInclude(c => c!.Category)
            .Where(p => p.EmailKey == key).OrderBy(p => p.Id).FirstOrDefaultAsync();
    }

    private async Task<(Company Company, bool Created)?> Company(Person? person, Dictionary<string, (string Value, bool AllowOverwrite)> mapped, Form form, SubmissionLog log)
    {
        string? Value(string target) => mapped.TryGetValue(target, out var v) ? v.Value : null;
        if (person?.Company is { } own)
        {
            // A form never moves a person: the company they are at is the one its fields update.
            log.Add(Value("company.name") is { } named && Common.TextKey.Of(named) != own.NameKey ? "company.kept" : "company.matched", id: own.Id, detail: "person");
            await UpdateCompany(own, mapped, log);
            return (own, false);
        }

        var (match, how) = await MatchCompany(Value("company.orgNumber"), Domains.Of(Value("company.website")) ?? Domains.OfEmail(Value("person.email")), Value("company.name"));
        if (match is not null)
        {
            log.Add("company.matched", id: match.Id, detail: how);
            await UpdateCompany(match, mapped, log);
            return (match, false);
        }

        if (Value("company.name") is not { } name)
        {
            return null;
        }

        var category = form.CategoryId ?? await DefaultLeadCategory();
        var created = await companies.Create(new CompanyRequest(name, category, form.OwnerId, Value("company.email"), Value("company.phone"),
            Value("company.website"), Value("company.country"), Value("company.orgNumber")));
        log.Add("company.created", id: created.Id);
        // The service's entity is still tracked, with its category: no second read.
        return (db.Companies.Local.FirstOrDefault(c => c.Id == created.Id) ?? await db.Companies.Include(c => c.Category).SingleAsync(c => c.Id == created.Id), true);
    }

    private async Task<(Company? Company, string How)> MatchCompany(string? orgNumber, string? domain, string? name)
    {
        var key = name is null ? null : Common.TextKey.Of(name);
        // R19's order, one index each, the oldest first. Not one OR query: ordered by match kind and
        // then id, SQLite walks the companies in id order and, without a match, reads them all.
        var companies = db.Companies.Include(c => c.Category);
        if (orgNumber is not null && await companies.Where(c => c.OrgNumber == orgNumber).OrderBy(c => c.Id).FirstOrDefaultAsync() is { } byNumber)
        {
            return (byNumber, "orgNumber");
        }

        if (domain is not null && await companies.Where(c => c.WebsiteDomain == domain).OrderBy(c => c.Id).FirstOrDefaultAsync() is { } byDomain)
        {
            return (byDomain, "domain");
        }

        return (key is null ? null : await companies.Where(c => c.NameKey == key).OrderBy(c => c.Id).FirstOrDefaultAsync(), "name");
    }

    /// <summary>Without a category on the form, a new company gets the first lead category (potential customer, in rank order).</summary>
    private async Task<int> DefaultLeadCategory() => _defaultCategory ??=
        await db.Categories.Where(c => !c.Deleted && c.Group == CategoryGroup.PotentialCustomer).OrderBy(c => c.Rank).ThenBy(c => c.Id).Select(c => c.Id).FirstAsync();

    /// <summary>Read once per unit of work: a new company and its new person ask for it in turn.</summary>
    private int? _defaultCategory;

    private async Task<Person> CreatePerson(Form form, (Company Company, bool Created)? company, Func<string, string?> value, SubmissionLog log)
    {
        var first = value("person.firstName");
        var last = value("person.lastName");
        var email = value("person.email");
        if (first is null && last is null)
        {
            // A person needs a name; the address stands in until someone knows better.
            last = email?.Split('@')[0];
        }

        var c = company?.Company;
        var categoryId = c?.CategoryId ?? form.CategoryId ?? await DefaultLeadCategory();
        // A lead status only where the category has one (R2): a new person at a customer keeps none.
        var status = await db.Categories.AnyAsync(x => x.Id == categoryId && x.LeadStatusEnabled) ? form.LeadStatusId : null;
        var created = await persons.Create(new PersonRequest(c?.Id, first, last, email, value("person.phone"), value("person.title"),
            c is null ? form.OwnerId : form.OwnerId ?? c.OwnerId, c is null ? categoryId : null, status));
        log.Add("person.created", id: created.Id);
        var person = db.Persons.Local.FirstOrDefault(p => p.Id == created.Id)
            ?? await db.Persons.Include(p => p.Company).ThenInclude(x => x!.Category).SingleAsync(p => p.Id == created.Id);
        if (form.DistributionRuleId is { } rule)
        {
            if (await licences.Has(Features.Distribution))
            {
                if (await distribution.Assign(person, form.Key, rule) is { } assignment)
                {
                    log.Add("owner.assigned", id: assignment.UserId, detail: AssignmentReason.Read(assignment.ReasonJson)?.Describe());
                }
            }
            else
            {
                log.Add("owner.notDistributed");
            }
        }

        return person;
    }

    private async Task UpdatePerson(Person person, (Company Company, bool Created)? company, Dictionary<string, (string Value, bool AllowOverwrite)> mapped, SubmissionLog log)
    {
        var changes = new PersonChanges
        {
            FirstName = Change("person.firstName", person.FirstName, mapped, log),
            LastName = Change("person.lastName", person.LastName, mapped, log),
            Phone = Change("person.phone", person.Phone, mapped, log),
            Title = Change("person.title", person.Title, mapped, log),
            CompanyId = person.CompanyId is null && company is { } c ? c.Company.Id : default(Opt<int?>),
        };
        if (changes != new PersonChanges())
        {
            await persons.Update(person.Id, changes, null);
        }
    }

    private async Task UpdateCompany(Company company, Dictionary<string, (string Value, bool AllowOverwrite)> mapped, SubmissionLog log)
    {
        if (company.Category.Group == CategoryGroup.Customer)
        {
            log.Add("customer.kept");
        }

        var changes = new CompanyChanges
        {
            Name = Change("company.name", company.Name, mapped, log),
            Email = Change("company.email", company.Email, mapped, log),
            Phone = Change("company.phone", company.Phone, mapped, log),
            Website = Change("company.website", company.Website, mapped, log),
            Country = Change("company.country", company.Country, mapped, log),
            OrgNumber = Change("company.orgNumber", company.OrgNumber, mapped, log),
        };
        if (changes != new CompanyChanges())
        {
            await companies.Update(company.Id, changes, null);
        }
    }

    /// <summary>R19: an empty field is filled; a filled one is overwritten only where the form allows it.</summary>
    private static Opt<string?> Change(string target, string? current, Dictionary<string, (string Value, bool AllowOverwrite)> mapped, SubmissionLog log)
    {
        if (!mapped.TryGetValue(target, out var given) || string.Equals(given.Value, current, StringComparison.Ordinal))
        {
            return default;
        }

        if (string.IsNullOrEmpty(current))
        {
            log.Add("field.filled", target);
            return given.Value;
        }

        if (given.AllowOverwrite)
        {
            log.Add("field.overwritten", target);
            return given.Value;
        }

        log.Add("field.kept", target);
        return default;
    }

    private void Add(Touch touch, int? personId, int? companyId, Form form, FormSubmission submission)
    {
        (touch.PersonId, touch.CompanyId, touch.FormId, touch.SubmissionId) = (personId, companyId, form.Id, submission.Id);
        db.Touches.Add(touch);
    }

    private static Dictionary<string, string?> Strings(Dictionary<string, JsonElement> values) =>
        values.Where(v => v.Value.ValueKind == JsonValueKind.String).ToDictionary(v => v.Key, v => v.Value.GetString());

    private static Dictionary<string, string?> Strings(JsonElement value) =>
        value.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString());
}
