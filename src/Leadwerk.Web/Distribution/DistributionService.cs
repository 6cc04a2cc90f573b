using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.FollowUps;
using Leadwerk.Web.Licensing;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Distribution;

/// <summary>
/// Distribution (F12, B4, R23; Marketing Premium): rules, and giving a new lead an owner by them.
/// Every channel that creates a lead and asks for distribution calls <see cref="Assign"/>.
/// </summary>
public sealed class DistributionService(LeadwerkDbContext db, LicenceService licences, SearchService search, UserTime clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<List<RuleDto>> List()
    {
        await licences.Require(Features.Distribution);
        return [.. (await Rules().ToListAsync()).Select(r => ToDto(r, clock.UtcNow))];
    }

    public async Task<RuleDto> Get(int id)
    {
        await licences.Require(Features.Distribution);
        return ToDto(await Find(id), clock.UtcNow);
    }

    public async Task<RuleDto> Create(RuleRequest request, Actor actor)
    {
        await Admin(actor);
        var rule = new DistributionRule { Rank = request.Rank ?? (await db.DistributionRules.MaxAsync(r => (int?)r.Rank) ?? 0) + 1 };
        await Fill(rule, request);
        db.DistributionRules.Add(rule);
        await db.SaveChangesAsync();
        return await Get(rule.Id);
    }

    public async Task<RuleDto> Update(int id, RuleRequest request, int? expectedVersion, Actor actor)
    {
        await Admin(actor);
        var rule = await Find(id);
        Concurrency.Check(rule.Version, expectedVersion);
        rule.Rank = request.Rank ?? rule.Rank;
        await Fill(rule, request);
        await db.SaveChangesAsync();
        return await Get(rule.Id);
    }

    public async Task Delete(int id, Actor actor)
    {
        await Admin(actor);
        db.DistributionRules.Remove(await Find(id));
        await db.SaveChangesAsync();
    }

    /// <summary>A new person and its owner by the rules, in one transaction; refused before anything is written without the edition.</summary>
    public async Task<PersonDto> CreateLead(PersonRequest request, PersonService persons)
    {
        await licences.Require(Features.Distribution);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await persons.Create(request with { Distribute = null });
        await Assign(await db.Persons.SingleAsync(p => p.Id == created.Id), null);
        await transaction.CommitAsync();
        return await persons.Get(created.Id);
    }

    /// <summary>
    /// Gives a new, saved lead an owner by the first active rule that takes it, in the caller's
    /// transaction; logs why (R23). Null when no rule takes it (or it has an owner and the rule
    /// leaves owned leads alone). A form that names its rule tries that one alone; an import gives its id,
    /// so that its rollback can give the turn back.
    /// </summary>
    public async Task<Assignment?> Assign(Person person, string? formKey, int? onlyRuleId = null, int? importId = null)
    {
        await licences.Require(Features.Distribution);
        var rules = db.DistributionRules.AsNoTracking().Where(r => r.Active && (onlyRuleId == null || r.Id == onlyRuleId));
        foreach (var rule in await rules.OrderBy(r => r.Rank).ThenBy(r => r.Id).ToListAsync())
        {
            if (!await Takes(rule, person, formKey))
            {
                continue;
            }

            if (rule.OnlyUnowned && person.OwnerId is not null)
            {
                return null;
            }

            // The rule's row first: concurrent leads of one rule take turns (a row lock on PostgreSQL,
            // the write lock on SQLite), so each sees the credits the one before left.
            await db.DistributionRules.Where(r => r.Id == rule.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1));
            var members = await db.DistributionMembers.Include(m => m.User).Where(m => m.RuleId == rule.Id).ToListAsync();
            var (chosen, reason, turn) = DistributionTurns.Next(rule, members, clock.UtcNow, ReturnDay);
            var owner = chosen ?? (rule.FallbackOwnerId is { } fallback && await db.Users.AnyAsync(u => u.Id == fallback && !u.Disabled) ? fallback : null);
            reason = reason with { Fallback = chosen is null && owner is not null };
            person.OwnerId = owner;
            var assignment = new Assignment
            {
                PersonId = person.Id, UserId = owner, RuleId = rule.Id, At = clock.UtcNow, ReasonJson = reason.ToJson(),
                TurnJson = turn.ToJson(), ImportId = importId,
            };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            return assignment;
        }

        return null;
    }

    /// <summary>Who would get the rule's next leads, without giving any.</summary>
    public async Task<List<SimulatedLead>> Simulate(int id, int count, Actor actor)
    {
        await Admin(actor);
        if (count is < 1 or > 1000)
        {
            throw DomainException.Invalid("count", L.T("Simulate 1 to 1,000 leads.", "Simuleer 1 tot 1.000 leads."));
        }

        var rule = await Find(id);
        var members = rule.Members.Select(m => new DistributionMember
        {
            RuleId = m.RuleId, UserId = m.UserId, User = m.User, Weight = m.Weight, Credit = m.Credit, Assigned = m.Assigned,
        }).ToList();
        var names = members.ToDictionary(m => m.UserId, m => m.User!.DisplayName);
        var result = new List<SimulatedLead>();
        for (var n = 1; n <= count; n++)
        {
            var (chosen, reason, _) = DistributionTurns.Next(rule, members, clock.UtcNow, ReturnDay);
            var owner = chosen ?? rule.FallbackOwnerId;
            reason = reason with { Fallback = chosen is null && owner is not null };
            result.Add(new SimulatedLead(n, owner, owner is { } o ? names.GetValueOrDefault(o) ?? rule.FallbackOwner?.DisplayName : null, reason.Describe()));
        }

        return result;
    }

    public async Task<List<AssignmentDto>> Assignments(int personId)
    {
        var rows = await db.Assignments.AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.Id)
            .Select(a => new { a.Id, a.PersonId, a.UserId, UserName = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault(), a.RuleId, a.At, a.ReasonJson, a.UndoneAt })
            .ToListAsync();
        return [.. rows.Select(a => new AssignmentDto(a.Id, a.PersonId, a.UserId, a.UserName, a.RuleId, a.At, Describe(a.ReasonJson, a.UndoneAt), a.UndoneAt))];
    }

    /// <summary>An assignment's reason in the reader's language; an undone one says so, as its line stays in the log.</summary>
    public static string Describe(string reasonJson, DateTime? undoneAt)
    {
        var reason = AssignmentReason.Read(reasonJson)?.Describe() ?? "";
        return undoneAt is null ? reason : L.T($"{reason} (undone)", $"{reason} (ongedaan gemaakt)");
    }

    /// <summary>The day an away user is back, in their own time zone, as a reason names it.</summary>
    private DateOnly? ReturnDay(User user) => DistributionTurns.ReturnDay(user, clock.DefaultZone);

    private async Task<bool> Takes(DistributionRule rule, Person person, string? formKey)
    {
        if (rule.FormKey is not null && rule.FormKey != formKey)
        {
            return false;
        }

        return rule.CriteriaJson is null
            || await search.Persons(JsonSerializer.Deserialize<Criteria>(rule.CriteriaJson, Json)!, null).AnyAsync(p => p.Id == person.Id);
    }

    private async Task Admin(Actor actor)
    {
        await licences.Require(Features.Distribution);
        if (!actor.IsAdmin)
        {
            throw new DomainException(403, ErrorCodes.Forbidden, L.T("Only an administrator can change distribution rules.", "Alleen een beheerder kan verdeelregels wijzigen."));
        }
    }

    private async Task Fill(DistributionRule rule, RuleRequest request)
    {
        var v = new Validation();
        var name = Validation.Clean(request.Name);
        if (string.IsNullOrEmpty(name))
        {
            v.Add("name", L.T("A rule needs a name.", "Een regel heeft een naam nodig."));
        }

        v.MaxLength("name", name, 100, L.T("The name", "De naam"));
        var members = request.Members ?? [];
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Weight is not (>= 1 and <= 100))
            {
                v.Add($"members[{i}].weight", L.T("A weight is a whole number from 1 to 100.", "Een gewicht is een geheel getal van 1 tot 100."));
            }

            if (members[i].UserId is not { } userId || !await db.Users.AnyAsync(u => u.Id == userId && !u.Disabled))
            {
                v.Add($"members[{i}].userId", L.T("Choose an existing, active user.", "Kies een bestaande, actieve gebruiker."));
            }
            else if (members.Take(i).Any(m => m.UserId == userId))
            {
                v.Add($"members[{i}].userId", L.T("This user is in the rule already.", "Deze gebruiker staat al in de regel."));
            }
        }

        if (request.FallbackOwnerId is { } fallback && !await db.Users.AnyAsync(u => u.Id == fallback && !u.Disabled))
        {
            v.Add("fallbackOwnerId", L.T("Choose an existing, active user.", "Kies een bestaande, actieve gebruiker."));
        }

        if (members.Count == 0 && request.FallbackOwnerId is null)
        {
            v.Add("members", L.T("Add at least one user, or a fallback owner.", "Voeg minstens één gebruiker toe, of een vervangende eigenaar."));
        }

        if (request.Criteria is { } criteria)
        {
            try
            {
                _ = search.Persons(criteria with { Entity = Entities.Person }, null).Expression;
            }
            catch (ValidationFailedException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    foreach (var message in messages)
                    {
                        v.Add($"criteria.{field}", message);
                    }
                }
            }
        }

        v.ThrowIfInvalid();
        rule.Name = name!;
        rule.Active = request.Active ?? rule.Active;
        rule.FormKey = Validation.Clean(request.FormKey);
        rule.CriteriaJson = request.Criteria is { } c ? JsonSerializer.Serialize(c with { Entity = Entities.Person }, Json) : null;
        rule.SkipAway = request.SkipAway ?? rule.SkipAway;
        rule.OnlyUnowned = request.OnlyUnowned ?? rule.OnlyUnowned;
        rule.FallbackOwnerId = request.FallbackOwnerId;
        // Members who stay keep their credit and count; new ones start even.
        var kept = rule.Members.ToDictionary(m => m.UserId);
        rule.Members.RemoveAll(m => members.All(r => r.UserId != m.UserId));
        foreach (var m in members)
        {
            if (kept.TryGetValue(m.UserId!.Value, out var member))
            {
                member.Weight = m.Weight!.Value;
            }
            else
            {
                rule.Members.Add(new DistributionMember { UserId = m.UserId!.Value, Weight = m.Weight!.Value });
            }
        }
    }

    private IQueryable<DistributionRule> Rules() =>
        db.DistributionRules.Include(r => r.Members).ThenInclude(m => m.User).Include(r => r.FallbackOwner).OrderBy(r => r.Rank).ThenBy(r => r.Id);

    private async Task<DistributionRule> Find(int id) =>
        await Rules().FirstOrDefaultAsync(r => r.Id == id)
        ?? throw DomainException.NotFound(L.T("There is no such distribution rule.", "Deze verdeelregel bestaat niet."));

    private RuleDto ToDto(DistributionRule r, DateTime now) => new(
        r.Id, r.Name, r.Rank, r.Active, r.FormKey, r.CriteriaJson is null ? null : JsonSerializer.Deserialize<Criteria>(r.CriteriaJson, Json),
        [.. r.Members.OrderBy(m => m.User?.DisplayName).Select(m => new MemberDto(m.UserId, m.User?.DisplayName ?? "", m.Weight, m.Assigned,
            m.User?.IsAwayAt(now) ?? false, m.User?.IsAwayAt(now) == true ? ReturnDay(m.User) : null))],
        r.SkipAway, r.OnlyUnowned, r.FallbackOwnerId, r.Version);
}
