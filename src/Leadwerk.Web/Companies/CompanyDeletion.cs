using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Companies;

/// <summary>What happens to a company's persons when it is deleted.</summary>
public enum PersonsOnDelete
{
    /// <summary>The default: refused while it has persons, so none loses its company unnoticed.</summary>
    Refuse,

    /// <summary>They join another company first, under the same rules as moving one person (R1, R5).</summary>
    MoveTo,

    /// <summary>They are deleted with it, as deleting each would.</summary>
    Delete,
}

/// <summary>What deleting a company touches, for the question asked before.</summary>
public sealed record CompanyDeleteImpact(int Persons, int Sales);

public sealed partial class CompanyService
{
    /// <summary>`?persons=` of DELETE /api/companies/{id}: absent, `moveTo` or `delete`.</summary>
    public static PersonsOnDelete ParsePersons(string? value) => value switch
    {
        null or "" => PersonsOnDelete.Refuse,
        "moveTo" => PersonsOnDelete.MoveTo,
        "delete" => PersonsOnDelete.Delete,
        _ => throw DomainException.Invalid("persons", L.T(
            "Persons: choose moveTo (with targetCompanyId) or delete.", "Personen: kies moveTo (met targetCompanyId) of delete.")),
    };

    public async Task<CompanyDeleteImpact> DeleteImpact(int id)
    {
        if (!await db.Companies.AnyAsync(c => c.Id == id))
        {
            throw NotFound();
        }

        return new CompanyDeleteImpact(await db.Persons.CountAsync(p => p.CompanyId == id), await db.Sales.CountAsync(s => s.CompanyId == id));
    }

    /// <summary>
    /// Deletes the company and, when asked, moves or deletes its persons first, all in one
    /// transaction: a refusal for any one of them leaves everything as it was.
    /// </summary>
    public async Task Delete(int id, int? expectedVersion, PersonsOnDelete onPersons = PersonsOnDelete.Refuse, int? targetCompanyId = null)
    {
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == id) ?? throw NotFound();
        Concurrency.Check(company.Version, expectedVersion);
        var target = await DeleteTarget(id, onPersons, targetCompanyId);

        // Counted inside the transaction, so a person added meanwhile is refused, moved or deleted too.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var members = await db.Persons.Include(p => p.Category).Where(p => p.CompanyId == id).ToListAsync();
        if (members.Count > 0 && onPersons == PersonsOnDelete.Refuse)
        {
            throw DomainException.Conflict(ErrorCodes.CompanyHasPersons, L.T(
                $"“{company.Name}” still has {members.Count} contact(s). Move or delete them first.",
                $"“{company.Name}” heeft nog {members.Count} contactperso(o)n(en). Verplaats of verwijder die eerst."));
        }

        var sales = await db.Sales.CountAsync(s => s.CompanyId == id);
        if (sales > 0)
        {
            throw DomainException.Conflict(ErrorCodes.CompanyHasSales, L.T(
                $"“{company.Name}” still has {sales} sale(s). Delete them first.",
                $"“{company.Name}” heeft nog {sales} verko(o)p(en). Verwijder die eerst."));
        }

        if (target is not null)
        {
            foreach (var person in members)
            {
                await transitions.JoinCompany(person, target);
            }
        }

        if (onPersons == PersonsOnDelete.Delete)
        {
            await persons.RemoveWithMemberships(members);
        }

        db.Companies.Remove(company);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A version that moved (DbUpdateConcurrencyException) or a person or sale that arrived
            // after the counts (a foreign key): either way, someone else was quicker.
            throw DomainException.Conflict(ErrorCodes.ConcurrencyConflict, L.T(
                "Someone else changed this company or one of its persons at the same time. Reload and try again.",
                "Iemand anders wijzigde dit bedrijf of een van zijn personen tegelijkertijd. Laad opnieuw en probeer het nog eens."));
        }

        await transaction.CommitAsync();
    }

    private async Task<Company?> DeleteTarget(int id, PersonsOnDelete onPersons, int? targetCompanyId)
    {
        if (onPersons != PersonsOnDelete.MoveTo)
        {
            return targetCompanyId is null ? null : throw DomainException.Invalid("targetCompanyId", L.T(
                "A target company only goes with persons=moveTo.", "Een doelbedrijf hoort alleen bij persons=moveTo."));
        }

        var target = targetCompanyId is { } t && t != id
            ? await db.Companies.Include(c => c.Category).FirstOrDefaultAsync(c => c.Id == t)
            : null;
        return target ?? throw DomainException.Invalid("targetCompanyId", L.T(
            "Choose another existing company to move the persons to.", "Kies een ander bestaand bedrijf om de personen naar te verplaatsen."));
    }
}
