using System.Diagnostics;
using System.Text;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Data;
using Leadwerk.Web.Import;
using Leadwerk.Web.Search;

namespace Leadwerk.Bench;

/// <summary>
/// Scenario 6: the background jobs, timed once each from request to finished — a bulk update
/// (preview, then the run through the app's own runner) and a CSV import of new persons.
/// </summary>
public static class JobScenarios
{
    public static async Task<List<ResultRow>> Run(ServiceProvider services, Actor actor, int owner1, int owner2, int newOwner, int importRows, TextWriter log)
    {
        async Task<T> With<TService, T>(Func<TService, Task<T>> call) where TService : notnull
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(actor);
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
        }

        var bulkRunner = services.GetRequiredService<BulkRunner>();
        var importRunner = services.GetRequiredService<ImportRunner>();
        await bulkRunner.StartAsync(CancellationToken.None);
        await importRunner.StartAsync(CancellationToken.None);
        try
        {
            var results = new List<ResultRow>();
            var target = new BulkTarget(null, Criteria.For(Entities.Person, CriteriaLine.Of("person.owner", Operators.OneOf, owner1, owner2)), null, null);
            var request = new BulkRequest(target, [new BulkAction(BulkFields.PersonOwner, "set", newOwner)], DryRun: true);

            var watch = Stopwatch.StartNew();
            var preview = await With<BulkService, BulkPreview>(s => s.Preview(request, actor));
            var previewMs = watch.Elapsed.TotalMilliseconds;
            log.WriteLine($"- Bulk update, preview ({preview.Matched:N0} persons): {previewMs:N0} ms");
            results.Add(new ResultRow("Bulk update, preview", $"{preview.Matched:N0} persons: set our contact (dry run)", 10_000, new Timing([previewMs]), null));

            watch.Restart();
            var started = await With<BulkService, BulkStatus>(s => s.Start(request with { DryRun = false }, actor));
            log.WriteLine($"  items written and run queued after {watch.Elapsed.TotalMilliseconds:N0} ms");
            var done = await Until(() => With<BulkService, BulkStatus>(s => s.Get(started.Id, actor)), s => s.State is not ("queued" or "running"));
            var runMs = watch.Elapsed.TotalMilliseconds;
            log.WriteLine($"- Bulk update, run ({done.Changed:N0} changed, state {done.State}): {runMs:N0} ms");
            Check(done.State == "done" && done.Changed == preview.ToChange, $"the bulk update ended {done.State} with {done.Changed} changed, expected {preview.ToChange}");
            results.Add(new ResultRow("Bulk update, run", $"{done.Changed:N0} persons changed in batches of 1,000, with history", 10_000, new Timing([runMs]), null));

            var csv = new StringBuilder("first name,last name,e-mail,title\n");
            var batch = Guid.NewGuid().ToString("N")[..8];
            for (var i = 0; i < importRows; i++)
            {
                csv.Append("Bench,Import ").Append(i).Append(",import-").Append(batch).Append('-').Append(i).Append("@bench.example,Buyer\n");
            }

            watch.Restart();
            var file = Encoding.UTF8.GetBytes(csv.ToString());
            var imported = await With<ImportService, ImportStatus>(async s =>
            {
                var (settings, rows) = await s.Prepare(new ImportOptions("person", null, "email", null, DryRun: false), file);
                return await s.Start(settings, rows, actor);
            });
            var finished = await Until(() => With<ImportService, ImportStatus>(s => s.Get(imported.Id, actor)), s => s.State is not ("queued" or "running"));
            var importMs = watch.Elapsed.TotalMilliseconds;
            log.WriteLine($"- CSV import ({finished.Create:N0} created, state {finished.State}): {importMs:N0} ms");
            Check(finished.State == "done" && finished.Create == importRows, $"the import ended {finished.State} with {finished.Create} created, expected {importRows}");
            results.Add(new ResultRow("CSV import", $"{importRows:N0} new persons ({file.Length / 1024:N0} KiB), matched by e-mail", 60_000, new Timing([importMs]), null));
            return results;
        }
        finally
        {
            await bulkRunner.StopAsync(CancellationToken.None);
            await importRunner.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> finished)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var status = await read();
            if (finished(status) || deadline.Elapsed > TimeSpan.FromMinutes(30))
            {
                return status;
            }

            await Task.Delay(50);
        }
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark scenario failed: {problem}.");
        }
    }
}
