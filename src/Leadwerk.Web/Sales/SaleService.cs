using Leadwerk.Web.Automation;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Sales;

/// <summary>Sales (F16), for every channel. Every status change passes <see cref="TransitionStatus"/>.</summary>
public sealed class SaleService(LeadwerkDbContext db, TimeProvider time, LeadAutomation automation, SuggestionService suggestions)
{
    private sealed record ListPosition(DateTime C, int I);

    /// <summary>The triggers the transitions of this unit of work raised, fired once the sale has its id.</summary>
    private readonly List<AutomationTrigger> _triggers = [];

    public async Task<SaleDto> Get(int id) =>
        (await Rows(db.Sales.Where(s => s.Id == id)).FirstOrDefaultAsync())?.ToDto() ?? throw NotFound();

    /// <summary>Newest first by (CreatedAt, Id), the tail of every sales index, so each page is an index range.</summary>
    public async Task<Page<SaleDto>> List(SaleFilter filter, int? limit, string? cursor)
    {
        var take = Cursor.Limit(limit);
        var query = db.Sales.AsQueryable();
        if (filter.CompanyId is { } companyId)
        {
            query = query.Where(s => s.CompanyId == companyId);
        }

        if (filter.PersonId is { } personId)
        {
            query = query.Where(s => s.PersonId == personId);
        }

        if (filter.OwnerId is { } ownerId)
        {
            query = query.Where(s => s.OwnerId == ownerId);
        }

        if (Validation.Clean(filter.Statuses) is { } statuses)
        {
            var wanted = ParseStatuses(statuses);
            query = query.Where(s => wanted.Contains(s.Status));
        }

        if (Cursor.Decode<ListPosition>(cursor) is { } after)
        {
            // "≤ and (< or id)" rather than "< or (= and id)": the first half ends an index range.
            query = query.Where(s => s.CreatedAt <= after.C && (s.CreatedAt < after.C || s.Id < after.I));
        }

        var rows = await Rows(query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)).Take(take + 1).ToListAsync();
        return Cursor.ToPage(rows, take, r => new ListPosition(r.Sale.CreatedAt, r.Sale.Id), r => r.ToDto());
    }

    public async Task<SaleDto> Create(SaleRequest request)
    {
        var sale = new Sale();
        var changes = new SaleChanges
        {
            CompanyId = request.CompanyId,
            PersonId = request.PersonId,
            Title = request.Title,
            Amount = request.Amount ?? 0m,
            Currency = request.Currency,
            Status = request.Status ?? SaleStatus.Open.Key(),
            ExpectedCloseDate = request.ExpectedCloseDate,
            LostReasonId = request.LostReasonId,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var company = await Apply(sale, changes, isNew: true);
        sale.OwnerId = request.OwnerId is null ? company.OwnerId : await UserService.ValidOwner(db, request.OwnerId);
        db.Sales.Add(sale);
        await Save();
        await FireRules(sale);
        if (sale.PersonId is { } personId)
        {
            await FollowUps.FollowUpPersons.Touch(db, personId, time.GetUtcNow().UtcDateTime);
        }

        await transaction.CommitAsync();
        return await Get(sale.Id) with { Suggestions = await suggestions.Describe(automation.Raised) };
    }

    public async Task<SaleDto> Update(int id, SaleChanges changes, int? expectedVersion)
    {
        var sale = await db.Sales.FirstOrDefaultAsync(s => s.Id == id) ?? throw NotFound();
        Concurrency.Check(sale.Version, expectedVersion);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await Apply(sale, changes, isNew: false);
        if (changes.OwnerId.IsSet && changes.OwnerId.Value != sale.OwnerId)
        {
            sale.OwnerId = await UserService.ValidOwner(db, changes.OwnerId.Value);
        }

        await Save();
        await FireRules(sale);
        if (sale.PersonId is { } personId)
        {
            await FollowUps.FollowUpPersons.Touch(db, personId, time.GetUtcNow().UtcDateTime);
        }

        await transaction.CommitAsync();
        return await Get(id) with { Suggestions = await suggestions.Describe(automation.Raised) };
    }

    public async Task Delete(int id, int? expectedVersion)
    {
        var sale = await db.Sales.FirstOrDefaultAsync(s => s.Id == id) ?? throw NotFound();
        Concurrency.Check(sale.Version, expectedVersion);
        db.Sales.Remove(sale);
        await Save();
    }

    /// <summary>
    /// The one place where a sale's status changes, creation included: from null the sale is
    /// registered; becoming sold or lost closes it, going back to open or stalled reopens it and
    /// drops the lost reason. It runs inside the transaction of <see cref="Create"/> or
    /// <see cref="Update"/>, before the save, so whatever a transition must change as well is
    /// written together with the sale, or not at all.
    /// </summary>
    private void TransitionStatus(Sale sale, SaleStatus? from, SaleStatus to)
    {
        sale.Status = to;
        if (!to.IsClosed())
        {
            sale.ClosedAt = null;
        }
        else if (from != to)
        {
            sale.ClosedAt = time.GetUtcNow().UtcDateTime;
        }

        if (to != SaleStatus.Lost)
        {
            sale.LostReasonId = null;
        }

        if (from is null)
        {
            _triggers.Add(AutomationTrigger.SaleRegistered);
        }

        if (to is SaleStatus.Sold or SaleStatus.Lost && from != to)
        {
            _triggers.Add(to == SaleStatus.Sold ? AutomationTrigger.SaleSold : AutomationTrigger.SaleLost);
        }
    }

    /// <summary>
    /// R11/R15: lead categorization rules on sale registered, sold or lost move the company in the
    /// transaction of the sale's change, or propose the move (R16).
    /// </summary>
    private async Task FireRules(Sale sale)
    {
        if (_triggers.Count == 0)
        {
            return;
        }

        var company = await db.Companies.Include(c => c.Category).FirstAsync(c => c.Id == sale.CompanyId);
        foreach (var trigger in _triggers)
        {
            await automation.Fire(company, new TriggerEvent(trigger, null, null, sale.Id));
        }

        _triggers.Clear();
        await Save();
    }

    /// <summary>Validates and applies the given fields; a new sale gets its first status (registered) here too.</summary>
    private async Task<Companies.Company> Apply(Sale sale, SaleChanges changes, bool isNew)
    {
        var v = new Validation();
        sale.Title = changes.Title.IsSet ? Validation.Clean(changes.Title.Value) ?? "" : sale.Title;
        v.Required("title", sale.Title, SaleRules.Label("title")).MaxLength("title", sale.Title, SaleRules.TitleMaxLength, SaleRules.Label("title"));
        if (changes.Amount.IsSet)
        {
            sale.Amount = CheckAmount(v, changes.Amount.Value) ?? sale.Amount;
        }

        if (changes.Currency.IsSet)
        {
            sale.Currency = CheckCurrency(v, changes.Currency.Value) ?? sale.Currency;
        }

        var to = sale.Status;
        if (changes.Status.IsSet)
        {
            var status = SaleRules.FromKey(changes.Status.Value);
            if (status is null)
            {
                v.Add("status", L.T("Status must be open, sold, lost or stalled.", "Status moet open, sold, lost of stalled zijn."));
            }

            to = status ?? to;
        }

        if (changes.ExpectedCloseDate.IsSet)
        {
            sale.ExpectedCloseDate = changes.ExpectedCloseDate.Value;
        }

        if ((isNew && changes.CompanyId.Value is null) || changes.CompanyId is { IsSet: true, Value: null })
        {
            v.Add("companyId", L.T("Company is required.", "Bedrijf is verplicht."));
        }

        v.ThrowIfInvalid();
        var company = await CheckCompany(changes.CompanyId.Value ?? sale.CompanyId);
        var companyChanged = sale.CompanyId != company.Id;
        sale.CompanyId = company.Id;
        sale.PersonId = changes.PersonId.Or(sale.PersonId);
        if (sale.PersonId is { } personId && (changes.PersonId.IsSet || companyChanged))
        {
            await CheckPerson(personId, company);
        }

        await CheckLostReason(sale, changes.LostReasonId, to);
        if (isNew || to != sale.Status)
        {
            TransitionStatus(sale, isNew ? null : sale.Status, to);
        }

        return company;
    }

    private static decimal? CheckAmount(Validation v, decimal? amount)
    {
        var label = SaleRules.Label("amount");
        var problem = amount switch
        {
            null => L.T($"{label} is required.", $"{label} is verplicht."),
            < 0 => L.T($"{label} cannot be negative.", $"{label} kan niet negatief zijn."),
            > SaleRules.MaxAmount => L.T($"{label} is too large.", $"{label} is te groot."),
            { } a when decimal.Round(a, 2) != a => L.T($"{label} has at most two decimals.", $"{label} heeft hoogstens twee decimalen."),
            _ => null,
        };
        if (problem is not null)
        {
            v.Add("amount", problem);
        }

        return amount;
    }

    private static string? CheckCurrency(Validation v, string? currency)
    {
        var code = Validation.Clean(currency)?.ToUpperInvariant() ?? SaleRules.DefaultCurrency;
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            v.Add("currency", L.T("Currency must be an ISO 4217 code of three letters, such as EUR.",
                "Valuta moet een ISO 4217-code van drie letters zijn, zoals EUR."));
            return null;
        }

        return code;
    }

    private async Task<Companies.Company> CheckCompany(int id) =>
        await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id)
            ?? throw DomainException.Invalid("companyId", L.T("The company does not exist.", "Het bedrijf bestaat niet."));

    private async Task CheckPerson(int personId, Companies.Company company)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == personId && p.CompanyId == company.Id))
        {
            throw DomainException.Invalid("personId", L.T(
                $"The contact must be a person of “{company.Name}”.", $"De contactpersoon moet een persoon van “{company.Name}” zijn."));
        }
    }

    /// <summary>A reason only for a lost sale, and only one that is not deleted (a kept one may stay).</summary>
    private async Task CheckLostReason(Sale sale, Opt<int?> reason, SaleStatus to)
    {
        if (reason is not { IsSet: true, Value: { } id })
        {
            return;
        }

        if (to != SaleStatus.Lost)
        {
            throw DomainException.Invalid("lostReasonId", L.T(
                "A lost reason can only be given to a lost sale.", "Een reden van verlies kan alleen bij een verloren verkoop."));
        }

        if (id != sale.LostReasonId && !await db.LostReasons.AnyAsync(r => r.Id == id && !r.Deleted))
        {
            throw DomainException.Invalid("lostReasonId", L.T(
                "The lost reason does not exist or has been deleted.", "De reden van verlies bestaat niet of is verwijderd."));
        }

        sale.LostReasonId = id;
    }

    private static List<SaleStatus> ParseStatuses(string statuses)
    {
        var keys = statuses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = keys.Select(SaleRules.FromKey).ToList();
        return parsed.Count > 0 && parsed.All(s => s is not null)
            ? parsed.Select(s => s!.Value).Distinct().ToList()
            : throw DomainException.Invalid("status", L.T(
                "status must be open, sold, lost or stalled, or several of them separated by commas.",
                "status moet open, sold, lost of stalled zijn, of enkele daarvan gescheiden door komma's."));
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
                "Someone else changed this sale at the same time. Reload and try again.",
                "Iemand anders wijzigde deze verkoop tegelijkertijd. Laad opnieuw en probeer het nog eens."));
        }
    }

    private IQueryable<SaleRow> Rows(IQueryable<Sale> sales) => sales.AsNoTracking().Select(s => new SaleRow(
        s, s.Company.Name, s.Person == null ? null : s.Person.FirstName, s.Person == null ? null : s.Person.LastName,
        s.Owner == null ? null : s.Owner.DisplayName, s.LostReason));

    private static DomainException NotFound() =>
        DomainException.NotFound(L.T("The sale was not found.", "De verkoop is niet gevonden."));
}
