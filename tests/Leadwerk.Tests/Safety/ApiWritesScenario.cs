using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Tests.Safety;

/// <summary>
/// Single writes through the API, one after another as a user makes them: POST a person, then
/// PATCH its title and lead status (one change, with its history row). Acknowledged is a 2xx read
/// back. After the kill every acknowledged write is there; the one still in flight is there whole
/// or not at all (a patched title comes with its status and its history row).
/// </summary>
public sealed class ApiWritesScenario : ICrashScenario
{
    private readonly Dictionary<int, string> _created = [];
    private readonly Dictionary<int, string> _patched = [];
    private int _companyId;
    private int _open;
    private int _contacting;
    private (string? Post, (int Id, string Title)? Patch, int Acknowledged) _round;

    public string Name => "API writes";

    public async Task Prepare(CrashApp app)
    {
        _companyId = (await app.Client.CreateCompany("Lead")).Int("id");
        (_open, _contacting) = (await app.Client.StatusId("Open"), await app.Client.StatusId("Contacting"));
    }

    public async Task Write(CrashRound round, CancellationToken killed)
    {
        var client = round.App.Client;
        for (var i = 0; !killed.IsCancellationRequested; i++)
        {
            var lastName = $"Api r{round.Number:D2} {i:D4}";
            _round.Post = lastName;
            var response = await client.PostJson("/api/persons", new { companyId = _companyId, firstName = "Crash", lastName });
            var id = (await response.ShouldBe(201)).Int("id");
            _created[id] = lastName;
            _round.Post = null;
            _round.Acknowledged++;

            var title = $"patched r{round.Number:D2} {i:D4}";
            _round.Patch = (id, title);
            await (await client.PatchJson($"/api/persons/{id}", new { title, leadStatusId = _contacting })).ShouldBe(200);
            _patched[id] = title;
            _round.Patch = null;
            _round.Acknowledged++;
        }
    }

    /// <summary>A round's writes are open-ended; a "fraction" of them is that share of twenty.</summary>
    public Task<bool> Reached(CrashRound round, LeadwerkDbContext db, double fraction) =>
        Task.FromResult(Volatile.Read(ref _round.Acknowledged) >= Math.Max(1, (int)(fraction * 20)));

    public async Task Verify(CrashRound round)
    {
        await using var db = round.App.Database.Open();
        var persons = await db.Persons.Where(p => p.FirstName == "Crash" && p.CompanyId == _companyId)
            .Select(p => new { p.Id, p.LastName, p.Title, p.LeadStatusId, History = db.LeadStatusChanges.Count(c => c.PersonId == p.Id && c.Channel == Channel.Api) })
            .ToDictionaryAsync(p => p.Id);

        var lost = _created.Where(c => persons.GetValueOrDefault(c.Key)?.LastName != c.Value).Select(c => c.Key).ToList();
        Assert.True(lost.Count == 0, $"Round {round.Number}: acknowledged persons lost: {string.Join(", ", lost)}");
        var inFlight = persons.Values.Where(p => !_created.ContainsKey(p.Id)).ToList();
        Assert.True(inFlight.Count == 0 || (inFlight is [var unknown] && unknown.LastName == _round.Post),
            $"Round {round.Number}: persons nobody was told about: {string.Join(", ", inFlight)} (in flight: {_round.Post})");
        foreach (var person in persons.Values)
        {
            var patched = person.Title is not null;
            var expected = _patched.GetValueOrDefault(person.Id) ?? (_round.Patch?.Id == person.Id ? _round.Patch?.Title : null);
            Assert.True(person.Title == expected || (!_patched.ContainsKey(person.Id) && person.Title is null),
                $"Round {round.Number}: person {person.Id} has title {person.Title}, acknowledged {_patched.GetValueOrDefault(person.Id)}, in flight {_round.Patch}.");
            // Created with Open (one history row), patched to Contacting (a second): all of a write or none of it.
            Assert.True((person.LeadStatusId, person.History) == (patched ? (_contacting, 2) : (_open, 1)),
                $"Round {round.Number}: person {person.Id} is half-written: title {person.Title}, status {person.LeadStatusId}, {person.History} history rows.");
        }

        // The in-flight person (created but its 201 lost) is known from now on, as is its fate.
        foreach (var extra in inFlight)
        {
            _created[extra.Id] = extra.LastName;
        }

        foreach (var person in persons.Values.Where(p => p.Title is not null))
        {
            _patched[person.Id] = person.Title!;
        }

        round.Note($"API: {_round.Acknowledged} writes acknowledged{(_round.Post ?? _round.Patch?.Title) switch { null => "", var w => $", \"{w}\" in flight" }}");
        _round = default;
    }
}
