using System.Globalization;
using System.Text;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Import;

/// <summary>
/// How an import's rows are stored and their outcomes written: a few rows per statement instead of
/// a statement per row (issue 17: at a million rows, one statement per row was a third of the
/// import's time). Rows are read untracked; values go in as literals (<see cref="SqlLiterals"/>).
/// </summary>
internal static class ImportRowWrites
{
    /// <summary>Rows per INSERT.</summary>
    private const int RowsPerStatement = 250;

    /// <summary>Stores new rows (staging a file).</summary>
    public static async Task Insert(LeadwerkDbContext db, IEnumerable<ImportRow> rows)
    {
        var row = db.Model.FindEntityType(typeof(ImportRow))!;
        string Literal(string property, object? value) => SqlLiterals.Of(row.FindProperty(property)!, value);
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("""
                INSERT INTO "ImportRows" ("ImportId", "Line", "Values", "State", "Reason", "Code", "Args", "EntityId", "CreatedCompanyId", "Before", "VersionAfter") VALUES 
                """);
            sql.AppendJoin(", ", chunk.Select(r => string.Create(CultureInfo.InvariantCulture,
                $"({r.ImportId}, {r.Line}, {Literal(nameof(r.Values), r.Values)}, {(int)r.State}, {Literal(nameof(r.Reason), r.Reason)}, {Literal(nameof(r.Code), r.Code)}, " +
                $"{Literal(nameof(r.Args), r.Args)}, {Literal(nameof(r.EntityId), r.EntityId)}, {Literal(nameof(r.CreatedCompanyId), r.CreatedCompanyId)}, " +
                $"{Literal(nameof(r.Before), r.Before)}, {Literal(nameof(r.VersionAfter), r.VersionAfter)})")));
            await SqlLiterals.Execute(db, sql.ToString());
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
