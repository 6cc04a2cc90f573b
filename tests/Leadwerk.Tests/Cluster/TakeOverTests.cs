using System.Text;
using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Import;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Import;
using Leadwerk.Web.Leads;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Cluster;

/// <summary>
/// Issue 18: the instance working on a job dies (SIGKILL); the other takes the job over once its
/// lease expires and finishes it from the last committed batch, applying nothing twice.
/// </summary>
[RunsLong]
public sealed class JobTakeOverOnPostgres(ITestOutputHelper output)
{
    [Fact]
    public async Task ABulkUpdateOfTwentyThousandPersonsWhoseInstanceIsKilledMidRunIsFinishedByTheOtherChangingEachPersonOnce()
    {
        const int count = 20_000;
        await using var apps = await TwoInstances.Start(batchSize: 500);
        var onA = await apps.A.Admin();
        var ids = await ImportPersons(apps, onA, "Take over", count);
        var contacting = await onA.StatusId("Contacting");

        var run = (await onA.StartBulk(Ids("person", ids), Set("person.leadStatus", contacting))).Int("id");
        var owner = await OwnerMidRun(apps, db => db.BulkUpdates.Where(b => b.Id == run).Select(b => new Progress(b.Done, b.Total, b.LeaseOwner)));
        apps.Kill(owner);
        output.WriteLine($"Killed instance {"AB"[owner]} while it worked on the run.");

        var survivor = await apps[1 - owner].Admin();
        var done = await survivor.WaitForState(run, "done", TimeSpan.FromSeconds(120));

        Assert.Equal((count, count, count, 0), (done.Int("total"), done.Int("done"), done.Int("changed"), done.Int("skipped")));
        await using var db = apps.Database.Open();
        Assert.Equal(count, await db.Persons.CountAsync(p => ids.Contains(p.Id) && p.LeadStatusId == contacting));
        var history = db.LeadStatusChanges.Where(c => c.JobKind == JobKind.BulkUpdate && c.JobId == run);
        Assert.Equal((count, count), (await history.CountAsync(), await history.Select(c => c.PersonId).Distinct().CountAsync()));
        Assert.Equal(count, await db.BulkUpdateItems.CountAsync(i => i.BulkUpdateId == run && i.State == BulkItemState.Changed));
    }

    [Fact]
    public async Task TenRoundsOfRandomKillsOfEitherInstanceDuringImportsAndBulkUpdatesLoseAndDoubleNothing()
    {
        const int persons = 1000;
        const int rows = 300;
        var seed = int.TryParse(Environment.GetEnvironmentVariable(Safety.CrashRounds.SeedVariable), out var chosen) ? chosen : 1818;
        output.WriteLine($"Seed {seed} (set {Safety.CrashRounds.SeedVariable} to replay another).");
        var random = new Random(seed);
        await using var apps = await TwoInstances.Start(batchSize: 25);
        var ids = await ImportPersons(apps, await apps.A.Admin(), "Rounds", persons);
        var statuses = new[] { "Open", "Contacting", "Qualified" };

        for (var round = 1; round <= 10; round++)
        {
            var (bulkOn, importOn, victim) = (random.Next(2), random.Next(2), random.Next(2));
            var target = await (await apps[bulkOn].Admin()).StatusId(statuses[round % statuses.Length]);
            var run = (await (await apps[bulkOn].Admin()).StartBulk(Ids("person", ids), Set("person.leadStatus", target))).Int("id");
            var import = (await (await (await apps[importOn].Admin()).PostImport(ImportClient.Persons(dryRun: false), Csv($"Round {round:D2}", rows))).ShouldBe(202)).Int("id");

            // The kill lands when the chosen job has got a random part of the way.
            var (killDuringBulk, fraction) = (random.Next(2) == 0, 0.1 + (random.NextDouble() * 0.7));
            await Reached(apps, fraction, killDuringBulk
                ? db => db.BulkUpdates.Where(b => b.Id == run).Select(b => new Progress(b.Done, b.Total, b.LeaseOwner))
                : db => db.Imports.Where(j => j.Id == import).Select(j => new Progress(j.Done, j.Rows, j.LeaseOwner)));
            await apps.KillAndRestart(victim);

            var (bulk, imported) = await AtRest(apps, run, import);
            output.WriteLine($"Round {round,2}: bulk #{run} on {"AB"[bulkOn]}, import #{import} on {"AB"[importOn]}, killed {"AB"[victim]} at " +
                $"{fraction:P0} of the {(killDuringBulk ? "bulk update" : "import")}: bulk {bulk.State} {bulk.Changed}, import {imported.State} {imported.Created}.");

            await using var db = apps.Database.Open();
            Assert.Equal((BulkState.Done, persons, persons), (bulk.State, bulk.Done, bulk.Changed));
            Assert.Equal(persons, await db.Persons.CountAsync(p => ids.Contains(p.Id) && p.LeadStatusId == target));
            var changes = db.LeadStatusChanges.Where(c => c.JobKind == JobKind.BulkUpdate && c.JobId == run);
            Assert.Equal((persons, persons), (await changes.CountAsync(), await changes.Select(c => c.PersonId).Distinct().CountAsync()));

            Assert.Equal((ImportState.Done, rows, rows), (imported.State, imported.Done, imported.Created));
            var prefix = $"Round {round:D2} ";
            Assert.Equal(rows, await db.Persons.CountAsync(p => p.LastName.StartsWith(prefix)));
            Assert.Equal(rows, await db.Persons.Where(p => p.LastName.StartsWith(prefix)).Select(p => p.LastName).Distinct().CountAsync());
            Assert.Equal(rows, await db.LeadStatusChanges.CountAsync(c => c.JobKind == JobKind.Import && c.JobId == import));
        }
    }

    private const string Company = "Cluster Leads";

    private sealed record Progress(int Done, int Total, string? LeaseOwner);

    /// <summary>Persons at a company of a lead category, so their lead status is theirs to change.</summary>
    private static string Csv(string lastNamePrefix, int count)
    {
        var csv = new StringBuilder("first name,last name,company\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append($"Cluster,{lastNamePrefix} {i:D5},{Company}\n");
        }

        return csv.ToString();
    }

    private static async Task<List<int>> ImportPersons(TwoInstances apps, HttpClient client, string lastNamePrefix, int count)
    {
        await client.CreateCompany("Lead", Company);
        var response = await client.PostImport(ImportClient.Persons(dryRun: false), Csv(lastNamePrefix, count));
        var id = (await response.ShouldBe(202)).Int("id");
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while ((await client.GetOk($"/api/imports/{id}")).Str("state") != "done")
        {
            Assert.True(DateTime.UtcNow < deadline, $"Importing {count} persons took more than 180 s.");
            await Task.Delay(200);
        }

        Assert.Equal(count, (await client.GetOk($"/api/imports/{id}")).Int("create"));
        await using var db = apps.Database.Open();
        return await db.ImportRows.Where(r => r.ImportId == id).Select(r => r.EntityId!.Value).OrderBy(i => i).ToListAsync();
    }

    /// <summary>Until the job has done some but not all of its work; the index of the instance holding its lease.</summary>
    private static async Task<int> OwnerMidRun(TwoInstances apps, Func<Leadwerk.Web.Data.LeadwerkDbContext, IQueryable<Progress>> progress)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        await using var db = apps.Database.Open();
        while (true)
        {
            var now = await progress(db).SingleAsync();
            Assert.True(now.Done < now.Total, "The run ended before it could be killed; give it more persons.");
            if (now.Done > 0 && apps.IndexOfOwner(now.LeaseOwner) is { } owner)
            {
                return owner;
            }

            Assert.True(DateTime.UtcNow < deadline, "The run did not start within 120 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>Until the job got <paramref name="fraction"/> of the way (or ended).</summary>
    private static async Task Reached(TwoInstances apps, double fraction, Func<Leadwerk.Web.Data.LeadwerkDbContext, IQueryable<Progress>> progress)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        await using var db = apps.Database.Open();
        while (await progress(db).SingleAsync() is var now && now.Done < fraction * now.Total)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The job did not get {fraction:P0} of the way within 120 s.");
            await Task.Delay(5);
        }
    }

    /// <summary>Until both jobs are at rest; the killed instance's job is finished by the other, or by itself after the restart.</summary>
    private static async Task<(BulkUpdate Bulk, ImportJob Import)> AtRest(TwoInstances apps, int run, int import)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            await using var db = apps.Database.Open();
            var bulk = await db.BulkUpdates.AsNoTracking().SingleAsync(b => b.Id == run);
            var job = await db.Imports.AsNoTracking().SingleAsync(j => j.Id == import);
            if (bulk.State is not (BulkState.Queued or BulkState.Running) && job.State is not (ImportState.Queued or ImportState.Running))
            {
                return (bulk, job);
            }

            Assert.True(DateTime.UtcNow < deadline, $"The jobs were not finished within 120 s: bulk {bulk.State} {bulk.Done}/{bulk.Total}, import {job.State} {job.Done}/{job.Rows}.{Environment.NewLine}{apps.Output}");
            await Task.Delay(100);
        }
    }
}
