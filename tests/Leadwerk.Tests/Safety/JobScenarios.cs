using System.Text;
using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Import;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Data;
using Leadwerk.Web.Import;
using Leadwerk.Web.Leads;
using Microsoft.EntityFrameworkCore;
using static Leadwerk.Tests.Bulk.BulkClient;

namespace Leadwerk.Tests.Safety;

/// <summary>
/// Each round a bulk update sets the lead status of the same persons to the next of Open,
/// Contacting, Qualified. Acknowledged is its 202: the run and all its items exist. After the
/// kill every item is whole: a changed one's person has the new status and exactly the version the
/// item recorded, a pending or unchanged one's person is as it was before the run.
/// </summary>
public sealed class BulkUpdateScenario : ICrashScenario
{
    private const int Count = 120;

    private List<int> _ids = [];
    private List<int> _statuses = [];
    private int _lastRunId;

    private (bool Sent, int? Acknowledged, int Status, Dictionary<int, (int Version, int? Status)> Before) _round;

    public string Name => "bulk update";

    public async Task Prepare(CrashApp app)
    {
        _statuses = [await app.Client.StatusId("Open"), await app.Client.StatusId("Contacting"), await app.Client.StatusId("Qualified")];
        var company = (await app.Client.CreateCompany("Lead")).Str("name");
        var csv = new StringBuilder("first name,last name,company\n");
        for (var i = 0; i < Count; i++)
        {
            csv.Append($"Crash,Bulk {i:D4},{company}\n");
        }

        var import = await app.Client.RunImport(ImportClient.Persons(dryRun: false), csv.ToString());
        await using var db = app.Database.Open();
        _ids = await db.ImportRows.Where(r => r.ImportId == import.Int("id")).Select(r => r.EntityId!.Value).OrderBy(id => id).ToListAsync();
        Assert.Equal(Count, _ids.Count);
        _lastRunId = await db.BulkUpdates.MaxAsync(b => (int?)b.Id) ?? 0;
    }

    public async Task Write(CrashRound round, CancellationToken killed)
    {
        var status = _statuses[round.Number % _statuses.Count];
        Dictionary<int, (int Version, int? Status)> before;
        await using (var db = round.App.Database.Open())
        {
            before = await db.Persons.Where(p => _ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Version, p.LeadStatusId), killed);
        }

        _round = (true, null, status, before);
        var response = await round.App.Client.PostBulk(Ids("person", _ids), dryRun: false, Set("person.leadStatus", status));
        _round.Acknowledged = (await response.ShouldBe(202)).Int("id");
    }

    public async Task<bool> Reached(CrashRound round, LeadwerkDbContext db, double fraction) =>
        await db.BulkUpdates.AsNoTracking().AnyAsync(b => b.Id > _lastRunId && b.Done >= fraction * b.Total);

    public async Task Verify(CrashRound round)
    {
        await using var db = round.App.Database.Open();
        var runs = await db.BulkUpdates.Where(b => b.Id > _lastRunId).OrderBy(b => b.Id).ToListAsync();
        Assert.True(runs.Count <= (_round.Sent ? 1 : 0), $"Round {round.Number}: {runs.Count} new bulk updates for {(_round.Sent ? "one request" : "none")}.");
        if (_round.Acknowledged is { } acknowledged)
        {
            Assert.True(runs.Any(r => r.Id == acknowledged), $"Round {round.Number}: bulk update {acknowledged} was acknowledged with 202 but is gone.");
        }

        if (runs is not [var run])
        {
            round.Note($"bulk: {(_round.Sent ? "request lost unacknowledged" : "not started")}");
            _round = default;
            return;
        }

        _lastRunId = run.Id;
        Assert.Equal(Count, run.Total);
        var items = await db.BulkUpdateItems.Where(i => i.BulkUpdateId == run.Id).ToListAsync();
        var persons = await db.Persons.Where(p => _ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        foreach (var item in items)
        {
            var (person, was) = (persons[item.EntityId], _round.Before[item.EntityId]);
            var whole = item.State switch
            {
                BulkItemState.Changed => person.LeadStatusId == _round.Status && person.Version == item.VersionAfter && was.Status != _round.Status,
                BulkItemState.Unchanged => person.LeadStatusId == _round.Status && (person.Version, person.LeadStatusId) == was,
                BulkItemState.Pending => (person.Version, person.LeadStatusId) == was,
                _ => false,
            };
            Assert.True(whole, $"Round {round.Number}, bulk update {run.Id}: item {item.EntityId} is {item.State} (version after {item.VersionAfter}) " +
                $"but the person has status {person.LeadStatusId}, version {person.Version}; before the run {was}, target {_round.Status}.");
        }

        // Every change the runs made wrote its history row in the same transaction, and no other.
        var changed = await db.BulkUpdates.SumAsync(b => b.Changed);
        var history = await db.LeadStatusChanges.CountAsync(c => c.Channel == Channel.Bulk && _ids.Contains(c.PersonId));
        Assert.True(changed == history, $"Round {round.Number}: the bulk updates changed {changed} statuses but wrote {history} history rows.");
        round.Note($"bulk #{run.Id} {run.State.Key()} {run.Done}/{run.Total}{(_round.Acknowledged is null ? " (202 not received)" : "")}");
        _round = default;
    }
}

/// <summary>
/// Each round imports new persons with names of that round. Acknowledged is the import's 202: the
/// import and all its rows exist. After the kill the rows a batch handled have their persons (and
/// history rows), the pending ones none.
/// </summary>
public sealed class ImportScenario : ICrashScenario
{
    private const int Count = 100;

    private string _company = "";
    private int _lastImportId;
    private (bool Sent, int? Acknowledged) _round;

    public string Name => "import";

    public async Task Prepare(CrashApp app)
    {
        _company = (await app.Client.CreateCompany("Lead")).Str("name")!;
        await using var db = app.Database.Open();
        // Imports that other scenarios prepared with are not this one's.
        _lastImportId = await db.Imports.MaxAsync(j => (int?)j.Id) ?? 0;
    }

    public async Task Write(CrashRound round, CancellationToken killed)
    {
        var csv = new StringBuilder("first name,last name,email,company\n");
        for (var i = 0; i < Count; i++)
        {
            csv.Append($"Crash,{LastName(round, i)},crash.r{round.Number}.{i}.{Guid.NewGuid():N}@example.com,{_company}\n");
        }

        _round = (true, null);
        var response = await round.App.Client.PostImport(ImportClient.Persons(dryRun: false), csv.ToString());
        _round.Acknowledged = (await response.ShouldBe(202)).Int("id");
    }

    public async Task<bool> Reached(CrashRound round, LeadwerkDbContext db, double fraction) =>
        await db.Imports.AsNoTracking().AnyAsync(j => j.Id > _lastImportId && j.Done >= fraction * j.Rows);

    public async Task Verify(CrashRound round)
    {
        await using var db = round.App.Database.Open();
        var imports = await db.Imports.Where(j => j.Id > _lastImportId).ToListAsync();
        Assert.True(imports.Count <= (_round.Sent ? 1 : 0), $"Round {round.Number}: {imports.Count} new imports for {(_round.Sent ? "one request" : "none")}.");
        if (_round.Acknowledged is { } acknowledged)
        {
            Assert.True(imports.Any(j => j.Id == acknowledged), $"Round {round.Number}: import {acknowledged} was acknowledged with 202 but is gone.");
        }

        var prefix = LastName(round, 0)[..^4];
        var persons = await db.Persons.Where(p => p.LastName.StartsWith(prefix)).Select(p => new { p.Id, p.LastName }).ToListAsync();
        if (imports is not [var job])
        {
            Assert.Empty(persons);
            round.Note($"import: {(_round.Sent ? "request lost unacknowledged" : "not started")}");
            _round = default;
            return;
        }

        _lastImportId = job.Id;
        Assert.Equal(Count, job.Rows);
        var rows = await db.ImportRows.Where(r => r.ImportId == job.Id).Select(r => new { r.Line, r.State, r.EntityId }).ToListAsync();
        var byId = persons.ToDictionary(p => p.Id, p => p.LastName);
        foreach (var row in rows)
        {
            var whole = row.State switch
            {
                // The file's header is line 1, so row i is on line i + 2.
                ImportRowState.Created => row.EntityId is { } id && byId.GetValueOrDefault(id) == LastName(round, row.Line - 2),
                ImportRowState.Pending => row.EntityId is null,
                _ => false,
            };
            Assert.True(whole, $"Round {round.Number}, import {job.Id}: line {row.Line} is {row.State} with record {row.EntityId}, which does not match.");
        }

        Assert.Equal(job.Created, persons.Count);
        var history = await db.LeadStatusChanges.CountAsync(c => c.Channel == Channel.Import && c.Person.LastName.StartsWith(prefix));
        Assert.True(history == job.Created, $"Round {round.Number}: import {job.Id} created {job.Created} persons with {history} history rows.");
        round.Note($"import #{job.Id} {job.State.ToString().ToLowerInvariant()} {job.Done}/{job.Rows}{(_round.Acknowledged is null ? " (202 not received)" : "")}");
        _round = default;
    }

    private static string LastName(CrashRound round, int row) => $"Import r{round.Number:D2} {row:D4}";
}
