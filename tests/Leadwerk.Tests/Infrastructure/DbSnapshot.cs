using System.Text.Json;
using System.Text.Json.Serialization;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>
/// Every row of every table, serialized: equal snapshots mean the database is unchanged, down to
/// stamps, versions, failed-login counters and history rows.
/// </summary>
public sealed class DbSnapshot
{
    private static readonly JsonSerializerOptions Options = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    private readonly Dictionary<string, string> _tables;

    private DbSnapshot(Dictionary<string, string> tables) => _tables = tables;

    public static async Task<DbSnapshot> Take(LeadwerkDbContext db) => new(new Dictionary<string, string>
    {
        ["Users"] = Json(await db.Users.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["Categories"] = Json(await db.Categories.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["LeadStatuses"] = Json(await db.LeadStatuses.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["Companies"] = Json(await db.Companies.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["Persons"] = Json(await db.Persons.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["LeadStatusChanges"] = Json(await db.LeadStatusChanges.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["Selections"] = Json(await db.Selections.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["SelectionMembers"] = Json(await db.SelectionMembers.AsNoTracking().OrderBy(r => r.SelectionId).ThenBy(r => r.EntityId).ToListAsync()),
        ["UserSettings"] = Json(await db.UserSettings.AsNoTracking().OrderBy(r => r.UserId).ThenBy(r => r.Key).ToListAsync()),
        ["BulkUpdates"] = Json(await db.BulkUpdates.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["BulkUpdateItems"] = Json(await db.BulkUpdateItems.AsNoTracking().OrderBy(r => r.BulkUpdateId).ThenBy(r => r.EntityId).ToListAsync()),
        ["Imports"] = Json(await db.Imports.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["LostReasons"] = Json(await db.LostReasons.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["Sales"] = Json(await db.Sales.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["ImportRows"] = Json(await db.ImportRows.AsNoTracking().OrderBy(r => r.ImportId).ThenBy(r => r.Line).ToListAsync()),
        ["AuditEntries"] = Json(await db.AuditEntries.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["FollowUps"] = Json(await db.FollowUps.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["FollowUpTypes"] = Json(await db.FollowUpTypes.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["ErasedEmails"] = Json(await db.ErasedEmails.AsNoTracking().OrderBy(r => r.Hash).ToListAsync()),
        ["Licence"] = Json(await db.Licences.AsNoTracking().ToListAsync()),
        ["DistributionRules"] = Json(await db.DistributionRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync()),
        ["DistributionMembers"] = Json(await db.DistributionMembers.AsNoTracking().OrderBy(m => m.RuleId).ThenBy(m => m.UserId).ToListAsync()),
        ["Assignments"] = Json(await db.Assignments.AsNoTracking().OrderBy(a => a.Id).ToListAsync()),
        ["Forms"] = Json(await db.Forms.AsNoTracking().OrderBy(f => f.Id).ToListAsync()),
        ["FormSubmissions"] = Json(await db.FormSubmissions.AsNoTracking().OrderBy(s => s.Id).ToListAsync()),
        ["Touches"] = Json(await db.Touches.AsNoTracking().OrderBy(t => t.Id).ToListAsync()),
    });

    public void AssertSameAs(DbSnapshot before)
    {
        foreach (var (table, rows) in before._tables)
        {
            Assert.True(rows == _tables[table], $"The table {table} changed, but the refused request should have written nothing.");
        }
    }

    private static string Json<T>(List<T> rows) => JsonSerializer.Serialize(rows, Options);
}
