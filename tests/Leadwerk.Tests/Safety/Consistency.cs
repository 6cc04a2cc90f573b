using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Tests.Safety;

/// <summary>
/// What must hold in a Leadwerk database at any moment, whatever was killed when: the engine's own
/// integrity check, a lead status that is the last one its history recorded, and jobs whose
/// counters are exactly what their items and rows say, advanced a whole batch at a time.
/// Written as queries over the whole database, on either provider; undo and rollback, which move
/// items and rows on to other states, are not part of the crash rounds and not counted here.
/// </summary>
public static class Consistency
{
    public static async Task Check(AppDatabase database, int batchSize)
    {
        var integrity = await database.IntegrityProblems();
        Assert.True(integrity.Count == 0, $"{database.Provider} integrity check: {string.Join("; ", integrity)}");

        await using var db = database.Open();

        // The newest history row of each person holds the status the person has (R13): a status
        // write and its history row commit together or not at all.
        var newest = db.LeadStatusChanges.GroupBy(c => c.PersonId).Select(g => g.Max(c => c.Id));
        var split = await db.LeadStatusChanges.Where(c => newest.Contains(c.Id) && c.ToId != c.Person.LeadStatusId)
            .Select(c => new { c.PersonId, History = c.ToId, Person = c.Person.LeadStatusId }).Take(5).ToListAsync();
        Assert.True(split.Count == 0, $"Persons whose status is not their last history row: {string.Join(", ", split)}");

        var runs = await db.BulkUpdates.Select(b => new
        {
            b.Id, b.State, b.Total, b.Done, b.Changed, b.Skipped,
            Items = db.BulkUpdateItems.Count(i => i.BulkUpdateId == b.Id),
            Handled = db.BulkUpdateItems.Count(i => i.BulkUpdateId == b.Id && i.State != BulkItemState.Pending),
            ItemsChanged = db.BulkUpdateItems.Count(i => i.BulkUpdateId == b.Id && (i.State == BulkItemState.Changed || i.State == BulkItemState.Undone || i.State == BulkItemState.UndoSkipped)),
            ItemsSkipped = db.BulkUpdateItems.Count(i => i.BulkUpdateId == b.Id && i.State == BulkItemState.Skipped),
        }).ToListAsync();
        foreach (var run in runs)
        {
            var exact = (run.Items, run.Handled, run.ItemsChanged, run.ItemsSkipped) == (run.Total, run.Done, run.Changed, run.Skipped);
            Assert.True(exact, $"Bulk update {run.Id}: its counters are not its items: {run}");
            Assert.True(run.Done % batchSize == 0 || run.Done == run.Total, $"Bulk update {run.Id} stopped inside a batch of {batchSize}: {run}");
            Assert.True(run.State != BulkState.Done || run.Done == run.Total, $"Bulk update {run.Id} is done with items left: {run}");
        }

        var imports = await db.Imports.Select(j => new
        {
            j.Id, j.State, j.Rows, j.Done, j.Created, j.Updated, j.Errors,
            Lines = db.ImportRows.Count(r => r.ImportId == j.Id),
            Handled = db.ImportRows.Count(r => r.ImportId == j.Id && r.State != ImportRowState.Pending),
            RowsCreated = db.ImportRows.Count(r => r.ImportId == j.Id && r.State == ImportRowState.Created),
            RowsUpdated = db.ImportRows.Count(r => r.ImportId == j.Id && r.State == ImportRowState.Updated),
            RowsFailed = db.ImportRows.Count(r => r.ImportId == j.Id && r.State == ImportRowState.Error),
            CreatedWithoutRecord = db.ImportRows.Count(r => r.ImportId == j.Id && r.State == ImportRowState.Created
                && (j.Entity == "person" ? !db.Persons.Any(p => p.Id == r.EntityId) : !db.Companies.Any(c => c.Id == r.EntityId))),
        }).ToListAsync();
        foreach (var job in imports)
        {
            var exact = (job.Lines, job.Handled, job.RowsCreated, job.RowsUpdated, job.RowsFailed) == (job.Rows, job.Done, job.Created, job.Updated, job.Errors);
            Assert.True(exact, $"Import {job.Id}: its counters are not its rows: {job}");
            Assert.True(job.Done % batchSize == 0 || job.Done == job.Rows, $"Import {job.Id} stopped inside a batch of {batchSize}: {job}");
            Assert.True(job.CreatedWithoutRecord == 0, $"Import {job.Id} has created rows whose record is missing: {job}");
            Assert.True(job.State != ImportState.Done || job.Done == job.Rows, $"Import {job.Id} is done with rows left: {job}");
        }
    }
}
