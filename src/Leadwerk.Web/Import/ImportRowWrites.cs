using System.Globalization;
using System.Text;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Import;

/// <summary>
/// How an import's rows are stored and their outcomes written: a few rows per statement instead of
/// a statement per row (issue 17: at a million rows, one statement per row was a third of the
/// import's time). Rows are read untracked; integers go as literals, texts as parameters.
/// </summary>
internal static class ImportRowWrites
{
    /// <summary>Rows per INSERT: 11 columns each stay far below either database's limit on parameters.</summary>
    private const int RowsPerStatement = 250;

    /// <summary>Stores new rows (staging a file).</summary>
    public static async Task Insert(LeadwerkDbContext db, IEnumerable<ImportRow> rows)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("""
                INSERT INTO "ImportRows" ("ImportId", "Line", "Values", "State", "Reason", "Code", "Args", "EntityId", "CreatedCompanyId", "Before", "VersionAfter") VALUES 
                """);
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

            static string Number(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "NULL";
            sql.AppendJoin(", ", chunk.Select(r => string.Create(CultureInfo.InvariantCulture,
                $"({r.ImportId}, {r.Line}, {Text(r.Values)}, {(int)r.State}, {Text(r.Reason)}, {Text(r.Code)}, {Text(r.Args)}, {Number(r.EntityId)}, {Number(r.CreatedCompanyId)}, {Text(r.Before)}, {Number(r.VersionAfter)})")));
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), texts);
        }
    }

    /// <summary>A batch's rows replaced by their outcomes: one DELETE and a few INSERTs, in the batch's transaction.</summary>
    public static async Task Replace(LeadwerkDbContext db, int importId, List<ImportRow> rows)
    {
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Import rows are replaced in the batch's transaction.");
        var lines = rows.Select(r => r.Line).ToList();
        await db.ImportRows.Where(r => r.ImportId == importId && lines.Contains(r.Line)).ExecuteDeleteAsync();
        await Insert(db, rows);
    }
}
