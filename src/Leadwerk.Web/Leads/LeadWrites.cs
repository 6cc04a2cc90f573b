using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Leads;

/// <summary>
/// Writes the lead status and owner of a batch of untracked persons as one UPDATE per few hundred
/// (issue 6: 100,000 persons in under 10 s; issue 17: one statement per group of equal values was
/// dozens of statements per batch). It writes what a save adds: UpdatedAt, Version + 1 and, for a status
/// change, the since-date and the history row through <see cref="LeadHistory"/>; the history rows
/// are added to the context for the save that follows.
/// </summary>
public static class LeadWrites
{
    /// <param name="Person">Untracked, with its new status and owner (decided by <see cref="LeadRules"/>).</param>
    /// <param name="FromStatusId">Its status as read.</param>
    /// <param name="Version">Its version as read: a person changed meanwhile fails the batch.</param>
    /// <param name="Since">
    /// The since-date of a status put back by undo (<see cref="LeadTransitions.Restore"/>); null
    /// for a new status, which is in force from now.
    /// </param>
    public sealed record Change(Person Person, int? FromStatusId, int Version, DateTime? Since = null)
    {
        /// <summary>Since when the person had the status it leaves, as read (before anything changed it).</summary>
        public DateTime? FromSince { get; } = Person.LeadStatusChangedAt;
    }

    /// <summary>Persons per UPDATE: the values go in as literals (a VALUES list), so the statement stays short to compile.</summary>
    private const int PersonsPerStatement = 250;

    public static async Task Save(LeadwerkDbContext db, IReadOnlyList<Change> changes, DateTime now)
    {
        // Statements are written one by one: only a transaction makes a conflict in a later one undo the earlier.
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk writes must run in a transaction.");
        var categoryIds = changes.Select(c => c.Person.CategoryId).OfType<int>().Distinct().ToList();
        var active = (await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToListAsync())
            .Where(LeadRules.IsActive).Select(c => c.Id).ToHashSet();
        // A status that moves brings its since-date and the last activity; one that stays leaves both (and their indexes) alone.
        foreach (var group in changes.GroupBy(c => c.FromStatusId != c.Person.LeadStatusId))
        {
            var moved = group.Key;
            foreach (var chunk in group.Chunk(PersonsPerStatement))
            {
                var count = await Update(db, chunk, moved, now);
                if (count != chunk.Length)
                {
                    throw new DbUpdateConcurrencyException($"{chunk.Length - count} of {chunk.Length} persons were changed or deleted meanwhile.");
                }
            }

            foreach (var change in group)
            {
                var (status, version) = (change.Person.LeadStatusId, change.Version);
                (change.Person.Version, change.Person.UpdatedAt) = (version + 1, now);
                if (moved)
                {
                    var isActive = change.Person.CategoryId is { } c && active.Contains(c);
                    LeadHistory.RecordWritten(db, change.Person.Id, change.FromStatusId, status, now, isActive, change.FromSince);
                    (change.Person.LeadStatusChangedAt, change.Person.LastActivityAt) = (change.Since ?? now, now);
                }
            }
        }
    }

    /// <summary>
    /// One UPDATE … FROM a VALUES list: each person gets its own status, owner and since-date, matched on its id
    /// and the version it was read at. Returns how many persons it changed.
    /// </summary>
    private static Task<int> Update(LeadwerkDbContext db, Change[] chunk, bool moved, DateTime now)
    {
        var person = db.Model.FindEntityType(typeof(Person))!;
        string Literal(string property, object? value) => SqlLiterals.Of(person.FindProperty(property)!, value);
        var rows = chunk.Select(c => string.Join(", ", Literal(nameof(Person.Id), c.Person.Id), Literal(nameof(Person.Version), c.Version),
            Literal(nameof(Person.LeadStatusId), c.Person.LeadStatusId), Literal(nameof(Person.OwnerId), c.Person.OwnerId),
            Literal(nameof(Person.LeadStatusChangedAt), moved ? c.Since ?? now : null)));
        var stamp = Literal(nameof(Person.UpdatedAt), now);
        var status = moved ? $""", "LeadStatusId" = v."Status", "LeadStatusChangedAt" = v."Since", "LastActivityAt" = {stamp}""" : "";
        var sql = $"""
            WITH v ("Id", "Version", "Status", "Owner", "Since") AS (VALUES ({string.Join("), (", rows)}))
            UPDATE "Persons" SET "OwnerId" = v."Owner", "UpdatedAt" = {stamp}, "Version" = v."Version" + 1{status}
            FROM v WHERE "Persons"."Id" = v."Id" AND "Persons"."Version" = v."Version"
            """;
        return SqlLiterals.Execute(db, sql);
    }
}
