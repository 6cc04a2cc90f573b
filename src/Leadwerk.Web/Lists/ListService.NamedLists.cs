using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Lists;

/// <summary>The plain bilingual lists (<see cref="INamedListItem"/>): one implementation of listing, saving, soft delete, restore and order.</summary>
public sealed partial class ListService
{
    private static async Task<List<T>> Items<T>(DbSet<T> set, bool includeDeleted) where T : class, INamedListItem =>
        await set.AsNoTracking().Where(i => includeDeleted || !i.Deleted).OrderBy(i => i.Rank).ThenBy(i => i.Id).ToListAsync();

    private static async Task<T> Item<T>(DbSet<T> set, NamedList list, int id) where T : class, INamedListItem =>
        await set.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id) ?? throw DomainException.NotFound(list.NotFoundMessage());

    private async Task<T> CreateItem<T>(DbSet<T> set, NamedList list, string? name, LocalizedText? names, int? rank) where T : class, INamedListItem, new()
    {
        var item = new T { Rank = rank ?? await NextRank(set) };
        await Apply(set, item, name, names, rank);
        set.Add(item);
        await audit.SaveNew($"list.{list.AuditKind}.created", list.AuditKind, () => item.Id, () => AuditChanges.Diff(null, ListAudit.Of(item)));
        return item;
    }

    private async Task<T> UpdateItem<T>(DbSet<T> set, NamedList list, int id, string? name, LocalizedText? names, int? rank, int? expectedVersion)
        where T : class, INamedListItem
    {
        var item = await Tracked(set, list, id, expectedVersion);
        var before = ListAudit.Of(item);
        await Apply(set, item, name, names, rank);
        await Record($"list.{list.AuditKind}.updated", list.AuditKind, id, before, ListAudit.Of(item));
        await db.SaveChangesAsync();
        return item;
    }

    /// <summary>Soft: records that have the item keep it; it only leaves the pickers.</summary>
    private async Task DeleteItem<T>(DbSet<T> set, NamedList list, int id, int? expectedVersion) where T : class, INamedListItem
    {
        var item = await Tracked(set, list, id, expectedVersion);
        var before = ListAudit.Of(item);
        item.Deleted = true;
        await Record($"list.{list.AuditKind}.deleted", list.AuditKind, id, before, ListAudit.Of(item));
        await db.SaveChangesAsync();
    }

    private async Task<T> RestoreItem<T>(DbSet<T> set, NamedList list, int id) where T : class, INamedListItem
    {
        var item = await Tracked(set, list, id, null);
        if (item.Deleted)
        {
            await EnsureUniqueItem(set, id, item.NameEn, item.NameNl);
            item.Deleted = false;
            await audit.Add($"list.{list.AuditKind}.restored", list.AuditKind, id, AuditChanges.Of("deleted", true, false));
            await db.SaveChangesAsync();
        }

        return item;
    }

    private async Task MoveItem<T>(DbSet<T> set, NamedList list, int id, bool up, bool includeDeleted) where T : class, INamedListItem =>
        await Move(set, list.AuditKind, id, up, includeDeleted, i => i.Id, i => i.Deleted, i => i.Rank, (i, rank) => i.Rank = rank);

    private static async Task<T> Tracked<T>(DbSet<T> set, NamedList list, int id, int? expectedVersion) where T : class, INamedListItem
    {
        var item = await set.FirstOrDefaultAsync(i => i.Id == id) ?? throw DomainException.NotFound(list.NotFoundMessage());
        Concurrency.Check(item.Version, expectedVersion);
        return item;
    }

    private static async Task Apply<T>(DbSet<T> set, T item, string? name, LocalizedText? names, int? rank) where T : class, INamedListItem
    {
        var (en, nl) = Names(name, names);
        Validate(en, nl, null, null).ThrowIfInvalid();
        await EnsureUniqueItem(set, item.Id, en!, nl!);
        (item.NameEn, item.NameNl) = (en!, nl!);
        item.Rank = rank ?? item.Rank;
    }

    private static async Task EnsureUniqueItem<T>(DbSet<T> set, int id, string en, string nl) where T : class, INamedListItem =>
        await EnsureUnique(set.Where(i => i.Id != id && !i.Deleted).Select(i => new { i.NameEn, i.NameNl }).ToListAsync(),
            en, nl, n => (n.NameEn, n.NameNl));
}
