using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Lists;

/// <summary>The admin lists "Company – Category" and "Person – Lead status" (F9, R3, R9, R10).</summary>
public sealed partial class ListService(LeadwerkDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<List<Category>> Categories(bool includeDeleted = false) =>
        await db.Categories.AsNoTracking().Where(c => includeDeleted || !c.Deleted)
            .OrderBy(c => c.Rank).ThenBy(c => c.Id).ToListAsync();

    public async Task<List<LeadStatus>> LeadStatuses(bool includeDeleted = false) =>
        await db.LeadStatuses.AsNoTracking().Where(s => includeDeleted || !s.Deleted)
            .OrderBy(s => s.Rank).ThenBy(s => s.Id).ToListAsync();

    public async Task<Category> Category(int id) =>
        await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) ?? throw CategoryNotFound();

    public async Task<LeadStatus> LeadStatus(int id) =>
        await db.LeadStatuses.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) ?? throw StatusNotFound();

    public async Task<int> DefaultStatusId() =>
        await db.LeadStatuses.Where(s => s.IsDefault).Select(s => (int?)s.Id).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("The lead status list has no default item.");

    public async Task<Category> CreateCategory(CategoryRequest request)
    {
        var category = new Category { Rank = request.Rank ?? await NextRank(db.Categories) };
        await Apply(category, request);
        db.Categories.Add(category);
        await audit.SaveNew("list.category.created", "category", () => category.Id, () => AuditChanges.Diff(null, ListAudit.Of(category)));
        return category;
    }

    /// <summary>Counts the persons whose status would become locked by saving this change (F9 warning).</summary>
    public async Task<int> PersonsLockedBy(int categoryId, CategoryGroup group, bool leadStatusEnabled)
    {
        var current = await Category(categoryId);
        if (!LeadRules.IsActive(current) || LeadRules.IsActive(new Category { Group = group, LeadStatusEnabled = leadStatusEnabled }))
        {
            return 0;
        }

        return await db.Persons.CountAsync(p => p.CategoryId == categoryId && p.LeadStatusId != null);
    }

    public async Task<CategorySaved> UpdateCategory(int id, CategoryRequest request, int? expectedVersion)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id) ?? throw CategoryNotFound();
        Concurrency.Check(category.Version, expectedVersion);
        var wasActive = LeadRules.IsActive(category);
        var locked = 0;
        var before = ListAudit.Of(category);
        await Apply(category, request);
        if (wasActive && !LeadRules.IsActive(category))
        {
            locked = await db.Persons.CountAsync(p => p.CategoryId == id && p.LeadStatusId != null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await Record("list.category.updated", "category", id, before, ListAudit.Of(category));
        await db.SaveChangesAsync();
        if (wasActive != LeadRules.IsActive(category))
        {
            await LeadHistory.RecordCategoryTurned(db, id, !wasActive, time.GetUtcNow().UtcDateTime);
        }

        if (!wasActive && LeadRules.IsActive(category))
        {
            await GiveDefaultStatusToPersonsWithout(id);
        }

        await transaction.CommitAsync();
        return new CategorySaved(category.ToDto(), locked);
    }

    public async Task DeleteCategory(int id, int? expectedVersion)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id) ?? throw CategoryNotFound();
        Concurrency.Check(category.Version, expectedVersion);
        var before = ListAudit.Of(category);
        category.Deleted = true;
        await Record("list.category.deleted", "category", id, before, ListAudit.Of(category));
        await db.SaveChangesAsync();
    }

    public async Task<Category> RestoreCategory(int id)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id) ?? throw CategoryNotFound();
        if (category.Deleted)
        {
            await EnsureUnique(db.Categories.Where(c => c.Id != id && !c.Deleted).Select(c => new { c.NameEn, c.NameNl }).ToListAsync(),
                category.NameEn, category.NameNl, n => (n.NameEn, n.NameNl));
            category.Deleted = false;
            await audit.Add("list.category.restored", "category", id, AuditChanges.Of("deleted", true, false));
            await db.SaveChangesAsync();
        }

        return category;
    }

    /// <summary>
    /// Swaps the item with its neighbour in rank order (the admin list's up/down buttons). Without
    /// <paramref name="includeDeleted"/> the neighbour is the next non-deleted item, as the list then
    /// shows only those; deleted items keep their places.
    /// </summary>
    public async Task MoveCategory(int id, bool up, bool includeDeleted = true) =>
        await Move(db.Categories, "category", id, up, includeDeleted, c => c.Id, c => c.Deleted, c => c.Rank, (c, r) => c.Rank = r);

    public async Task MoveLeadStatus(int id, bool up, bool includeDeleted = true) =>
        await Move(db.LeadStatuses, "leadStatus", id, up, includeDeleted, s => s.Id, s => s.Deleted, s => s.Rank, (s, r) => s.Rank = r);

    private async Task Move<T>(
        DbSet<T> set, string kind, int id, bool up, bool includeDeleted, Func<T, int> key, Func<T, bool> deleted, Func<T, int> rank, Action<T, int> setRank)
        where T : class
    {
        var items = (await set.ToListAsync()).OrderBy(rank).ThenBy(key).ToList();
        var shown = items.Where(i => includeDeleted || !deleted(i) || key(i) == id).ToList();
        var index = shown.FindIndex(i => key(i) == id);
        if (index < 0)
        {
            throw DomainException.NotFound(L.T("The list item was not found.", "Het lijstitem is niet gevonden."));
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= shown.Count)
        {
            return;
        }

        var moved = shown[index];
        var rankBefore = rank(moved);
        var (a, b) = (items.IndexOf(moved), items.IndexOf(shown[other]));
        (items[a], items[b]) = (items[b], items[a]);
        for (var i = 0; i < items.Count; i++)
        {
            if (rank(items[i]) != i + 1)
            {
                setRank(items[i], i + 1);
            }
        }

        await audit.Add($"list.{kind}.moved", kind, id, AuditChanges.Of("rank", rankBefore, rank(moved)));
        await db.SaveChangesAsync();
    }

    /// <summary>R5: persons of a category that just became active and have no status get the default, with history.</summary>
    private async Task GiveDefaultStatusToPersonsWithout(int categoryId)
    {
        var defaultId = await DefaultStatusId();
        const int batch = 500;
        while (true)
        {
            var persons = await db.Persons.Where(p => p.CategoryId == categoryId && p.LeadStatusId == null)
                .OrderBy(p => p.Id).Take(batch).ToListAsync();
            if (persons.Count == 0)
            {
                break;
            }

            foreach (var person in persons.Where(LeadRules.ShouldGetDefaultOnEnable))
            {
                person.LeadStatusId = defaultId;
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>An entry for a changed item; a save that changed nothing is not an action worth a line.</summary>
    private async Task Record(string action, string type, int id, Dictionary<string, object?> before, Dictionary<string, object?> after)
    {
        var changes = AuditChanges.Diff(before, after);
        if (!changes.IsEmpty)
        {
            await audit.Add(action, type, id, changes);
        }
    }

    private async Task Apply(Category category, CategoryRequest request)
    {
        var (en, nl) = Names(request.Name, request.Names);
        var v = Validate(en, nl, request.Description, request.Descriptions);
        var group = CategoryGroups.FromKey(request.Group);
        if (group is null)
        {
            v.Add("group", L.T(
                "Category group is required: customer, potentialCustomer, partner, lost or other.",
                "Categoriegroep is verplicht: customer, potentialCustomer, partner, lost of other."));
        }

        v.ThrowIfInvalid();
        if (request.LeadStatusEnabled && !LeadRules.MayEnableLeadStatus(group!.Value))
        {
            throw DomainException.Conflict(ErrorCodes.LeadStatusOnlyForPotentialCustomer, L.T(
                $"Lead status can only be enabled for categories in the group Potential customer, not {group.Value.DisplayName()}.",
                $"Leadstatus kan alleen aan staan voor categorieën in de groep Potentiële klant, niet {group.Value.DisplayName()}."),
                "leadStatusEnabled");
        }

        await EnsureUnique(db.Categories.Where(c => c.Id != category.Id && !c.Deleted).Select(c => new { c.NameEn, c.NameNl }).ToListAsync(),
            en!, nl!, n => (n.NameEn, n.NameNl));
        category.NameEn = en!;
        category.NameNl = nl!;
        (category.DescriptionEn, category.DescriptionNl) = Descriptions(request.Description, request.Descriptions);
        category.Group = group!.Value;
        category.LeadStatusEnabled = request.LeadStatusEnabled;
        category.Rank = request.Rank ?? category.Rank;
    }

    private static (string? En, string? Nl) Names(string? name, LocalizedText? names)
    {
        var en = Validation.Clean(names?.En) ?? Validation.Clean(name);
        var nl = Validation.Clean(names?.Nl) ?? Validation.Clean(name) ?? en;
        return (en ?? nl, nl);
    }

    private static (string? En, string? Nl) Descriptions(string? description, LocalizedText? descriptions)
    {
        var en = Validation.Clean(descriptions?.En) ?? Validation.Clean(description);
        var nl = Validation.Clean(descriptions?.Nl) ?? Validation.Clean(description) ?? en;
        return (en ?? nl, nl);
    }

    private static Validation Validate(string? en, string? nl, string? description, LocalizedText? descriptions)
    {
        var v = new Validation().Required("name", en, ListRules.NameLabel)
            .MaxLength("names.en", en, ListRules.NameMaxLength, ListRules.NameLabel)
            .MaxLength("names.nl", nl, ListRules.NameMaxLength, ListRules.NameLabel);
        var (den, dnl) = Descriptions(description, descriptions);
        var label = L.T("Description", "Omschrijving");
        return v.MaxLength("descriptions.en", den, ListRules.DescriptionMaxLength, label)
            .MaxLength("descriptions.nl", dnl, ListRules.DescriptionMaxLength, label);
    }

    /// <summary>R10: names are unique per language among non-deleted items, ignoring case.</summary>
    private static async Task EnsureUnique<T>(Task<List<T>> others, string en, string nl, Func<T, (string En, string Nl)> names)
    {
        foreach (var other in await others)
        {
            var (otherEn, otherNl) = names(other);
            if (string.Equals(otherEn, en, StringComparison.OrdinalIgnoreCase))
            {
                throw DomainException.Conflict(ErrorCodes.NameNotUnique, ListRules.NotUniqueMessage(en), "names.en");
            }

            if (string.Equals(otherNl, nl, StringComparison.OrdinalIgnoreCase))
            {
                throw DomainException.Conflict(ErrorCodes.NameNotUnique, ListRules.NotUniqueMessage(nl), "names.nl");
            }
        }
    }

    private static async Task<int> NextRank<T>(IQueryable<T> items) where T : class =>
        (await items.Select(i => EF.Property<int?>(i, "Rank")).MaxAsync() ?? 0) + 1;

    private static DomainException CategoryNotFound() =>
        DomainException.NotFound(L.T("The category was not found.", "De categorie is niet gevonden."));
}
