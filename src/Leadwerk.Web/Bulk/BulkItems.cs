using System.Globalization;
using System.Text;
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
    /// The batch's items replaced by their outcomes: one DELETE and one INSERT instead of an UPDATE
    /// per item (a third of a bulk run on PostgreSQL). Ids and states are integers written as
    /// literals; the texts go as parameters.
    /// </summary>
    public static async Task WriteOutcomes(LeadwerkDbContext db, int runId, List<BulkUpdateItem> items)
    {
        var ids = items.Select(i => i.EntityId).ToList();
        await db.BulkUpdateItems.Where(i => i.BulkUpdateId == runId && ids.Contains(i.EntityId)).ExecuteDeleteAsync();
        var sql = new StringBuilder("""INSERT INTO "BulkUpdateItems" ("BulkUpdateId", "EntityId", "State", "Code", "Reason", "Before", "VersionAfter", "Value") VALUES """);
        var texts = new List<object>();
        string Text(string? text)
        {
            if (text is null)
            {
                return "NULL";
            }

            texts.Add(text);
            return $"{{{texts.Count - 1}}}";
        }

        sql.AppendJoin(", ", items.Select(i => string.Create(CultureInfo.InvariantCulture,
            $"({runId}, {i.EntityId}, {(int)i.State}, {Text(i.Code)}, {Text(i.Reason)}, {Text(i.Before)}, {(i.VersionAfter is { } v ? v : "NULL")}, {(i.Value is { } value ? value : "NULL")})")));
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), texts);
    }
}
