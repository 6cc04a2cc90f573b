using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Bulk;

/// <summary>How a batch reads its items and writes their outcomes (issue 6: set-based, not one statement per item).</summary>
internal static class BulkItems
{
    /// <summary>Items are read untracked and their outcomes written by <see cref="WriteOutcomes"/>.</summary>
    public static Task<List<BulkUpdateItem>> Next(LeadwerkDbContext db, int runId, BulkItemState state, int after, int batchSize) =>
        db.BulkUpdateItems.AsNoTracking().Where(i => i.BulkUpdateId == runId && i.State == state && i.EntityId > after)
            .OrderBy(i => i.EntityId).Take(batchSize).ToListAsync();

    /// <summary>
    /// The ids of a batch read by <see cref="Next"/>, as a query: the batch's records are read by joining this index
    /// range, not by a list of a thousand parameters (SQLite binds each by a search through the statement's names).
    /// </summary>
    public static IQueryable<int> Ids(LeadwerkDbContext db, int runId, BulkItemState state, List<BulkUpdateItem> batch)
    {
        var (first, last) = (batch[0].EntityId, batch[^1].EntityId);
        return db.BulkUpdateItems.Where(i => i.BulkUpdateId == runId && i.State == state && i.EntityId >= first && i.EntityId <= last)
            .Select(i => i.EntityId);
    }

    /// <summary>
    /// The batch's items get their outcomes: one <c>UPDATE … FROM (VALUES …)</c> per few hundred instead of an UPDATE
    /// per item (a third of a bulk run on PostgreSQL) or a DELETE and INSERT (which rewrote each item's key entry
    /// twice); the values go in as literals (<see cref="SqlLiterals"/>).
    /// </summary>
    public static async Task WriteOutcomes(LeadwerkDbContext db, int runId, List<BulkUpdateItem> items)
    {
        var item = db.Model.FindEntityType(typeof(BulkUpdateItem))!;
        string Literal(string property, object? value) => SqlLiterals.Of(item.FindProperty(property)!, value);
        foreach (var chunk in items.Chunk(250))
        {
            var rows = chunk.Select(i => $"({i.EntityId}, {(int)i.State}, {Literal(nameof(i.Code), i.Code)}, {Literal(nameof(i.Reason), i.Reason)}, " +
                $"{Literal(nameof(i.Before), i.Before)}, {Literal(nameof(i.VersionAfter), i.VersionAfter)})");
            var sql = $"""
                WITH v ("EntityId", "State", "Code", "Reason", "Before", "VersionAfter") AS (VALUES {string.Join(", ", rows)})
                UPDATE "BulkUpdateItems" SET "State" = v."State", "Code" = v."Code", "Reason" = v."Reason", "Before" = v."Before", "VersionAfter" = v."VersionAfter"
                FROM v WHERE "BulkUpdateItems"."BulkUpdateId" = {runId} AND "BulkUpdateItems"."EntityId" = v."EntityId"
                """;
            if (await SqlLiterals.Execute(db, sql) != chunk.Length)
            {
                throw new InvalidOperationException($"Bulk update {runId}: an item of the batch was not found to write its outcome.");
            }
        }
    }
}
