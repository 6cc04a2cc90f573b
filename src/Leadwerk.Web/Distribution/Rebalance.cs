using System.Linq.Expressions;
using System.Text.Json;
using Leadwerk.Web.Attribution;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.FollowUps;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Licensing;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Distribution;

/// <summary>
/// `POST /api/distribution-rules/{id}/rebalance`: which leads to share out again (criteria; default the
/// rule's own active leads), optionally only those of some users (someone who left), and a dry run.
/// </summary>
public sealed record RebalanceRequest(Criteria? Criteria, List<int>? FromUserIds, bool DryRun);

/// <summary>A member's part: the leads it keeps, those it gets, and its total after.</summary>
public sealed record RebalanceShare(int UserId, string UserName, int Weight, int Keep, int Get, int Total);

public sealed record RebalanceMove(int PersonId, string Name, int? FromUserId, string? FromUserName, int ToUserId, string ToUserName);

/// <summary>What a rebalance would do, writing nothing.</summary>
public sealed record RebalancePreview(int Matched, int ToMove, List<RebalanceShare> Members, List<RebalanceMove> FirstMoved);

/// <summary>
/// Rebalance (issue 15): the leads are shared out again by the rule's weights among its members who can
/// take leads now. Each member's total comes out within one lead of its weight's share (the rule's
/// round robin, from even credits, over all the leads); leads stay with their owner where that owner is
/// within its share, so only the rest move. The moves run as a bulk update (batches, progress, undo
/// that leaves leads changed since), each moved lead logged with its reason.
/// </summary>
public sealed class RebalanceService(LeadwerkDbContext db, LicenceService licences, SearchService search, BulkService bulk, UserTime clock)
{
    private const int Listed = 25;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RebalancePreview> Preview(int ruleId, RebalanceRequest request, Actor actor)
    {
        var (_, shares, moves) = await Plan(ruleId, request, actor);
        var listed = moves.Take(Listed).ToList();
        var ids = listed.Select(m => m.Id).ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.FirstName} {p.LastName}".Trim());
        var userIds = listed.SelectMany(m => new[] { m.From, m.To }).OfType<int>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return new RebalancePreview(shares.Sum(s => s.Total), moves.Count, shares,
            [.. listed.Select(m => new RebalanceMove(m.Id, persons.GetValueOrDefault(m.Id, ""), m.From, m.From is { } f ? users.GetValueOrDefault(f) : null,
                m.To, users.GetValueOrDefault(m.To, "")))]);
    }

    /// <summary>Starts the moves as a bulk update; the caller follows (and may undo) it at /api/bulk-updates/{id}.</summary>
    public async Task<BulkStatus> Start(int ruleId, RebalanceRequest request, Actor actor)
    {
        var (rule, _, moves) = await Plan(ruleId, request, actor);
        if (moves.Count == 0)
        {
            throw DomainException.Conflict("nothingToRebalance", L.T(
                "Every lead is already where the weights put it; there is nothing to move.", "Elke lead staat al waar de gewichten hem zetten; er is niets te verplaatsen."));
        }

        var action = new BulkAction(BulkFields.PersonOwner, BulkFields.Distribute, rule.Id, FromUserIds: request.FromUserIds is { Count: > 0 } from ? from : null);
        return await bulk.StartPlanned(Entities.Person, [.. moves.Select(m => (m.Id, m.To))], [action], actor);
    }

    private async Task<(DistributionRule Rule, List<RebalanceShare> Shares, List<(int Id, int? From, int To)> Moves)> Plan(
        int ruleId, RebalanceRequest request, Actor actor)
    {
        await licences.Require(Features.Distribution);
        if (!actor.IsAdmin)
        {
            throw new DomainException(403, ErrorCodes.Forbidden, L.T("Only an administrator can rebalance leads.", "Alleen een beheerder kan leads herverdelen."));
        }

        var rule = await db.DistributionRules.AsNoTracking().Include(r => r.Members).ThenInclude(m => m.User).FirstOrDefaultAsync(r => r.Id == ruleId)
            ?? throw DomainException.NotFound(L.T("There is no such distribution rule.", "Deze verdeelregel bestaat niet."));
        var from = request.FromUserIds?.Distinct().ToList() ?? [];
        var now = clock.UtcNow;
        var takers = rule.Members.Where(m => DistributionTurns.IsAvailable(rule, m, now) && !from.Contains(m.UserId)).OrderBy(m => m.UserId).ToList();
        if (takers.Count == 0)
        {
            throw DomainException.Conflict("nobodyToTakeLeads", L.T(
                "Nobody in the rule can take leads now: they are away, disabled or among the users the leads move from.",
                "Niemand in de regel kan nu leads nemen: ze zijn afwezig, uitgeschakeld of horen bij de gebruikers van wie de leads komen."));
        }

        var leads = await (await Leads(rule, request.Criteria, from, actor)).OrderBy(p => p.Id).Select(p => new { p.Id, p.OwnerId }).ToListAsync();
        if (leads.Count > BulkService.MaxIds)
        {
            throw DomainException.Invalid("criteria", L.T($"At most {BulkService.MaxIds} leads per rebalance.", $"Hoogstens {BulkService.MaxIds} leads per herverdeling."));
        }

        // The rule's round robin from even credits over all the leads: its picks are the members' shares,
        // in an order that spreads them; leads an owner may keep use up that owner's first picks.
        var seats = takers.Select(m => new Fairness.Seat(m.UserId, m.Weight, 0, true)).ToList();
        var picks = new List<int>(leads.Count);
        for (var i = 0; i < leads.Count; i++)
        {
            var (chosen, after) = Fairness.Next(seats);
            picks.Add(chosen!.Value);
            seats = [.. after];
        }

        var share = picks.CountBy(p => p).ToDictionary(p => p.Key, p => p.Value);
        var kept = takers.ToDictionary(m => m.UserId, _ => 0);
        var moving = new List<(int Id, int? From)>();
        foreach (var lead in leads)
        {
            if (lead.OwnerId is { } owner && kept.TryGetValue(owner, out var count) && count < share.GetValueOrDefault(owner))
            {
                kept[owner] = count + 1;
            }
            else
            {
                moving.Add((lead.Id, lead.OwnerId));
            }
        }

        var used = takers.ToDictionary(m => m.UserId, _ => 0);
        var slots = new List<int>();
        foreach (var pick in picks)
        {
            if (used[pick]++ >= kept[pick])
            {
                slots.Add(pick);
            }
        }

        var moves = moving.Select((m, i) => (m.Id, m.From, slots[i])).ToList();
        var shares = takers.OrderBy(m => m.User!.DisplayName).Select(m => new RebalanceShare(m.UserId, m.User!.DisplayName, m.Weight, kept[m.UserId],
            share.GetValueOrDefault(m.UserId) - kept[m.UserId], share.GetValueOrDefault(m.UserId))).ToList();
        return (rule, shares, moves);
    }

    /// <summary>The leads to share out: the criteria given, else the rule's own (its criteria, its form's leads) that are active leads.</summary>
    private async Task<IQueryable<Person>> Leads(DistributionRule rule, Criteria? criteria, List<int> from, Actor actor)
    {
        IQueryable<Person> leads;
        if (criteria is not null)
        {
            leads = search.Persons(criteria with { Entity = Entities.Person }, actor.UserId);
        }
        else
        {
            leads = rule.CriteriaJson is { } json ? search.Persons(JsonSerializer.Deserialize<Criteria>(json, Json)!, null) : db.Persons;
            leads = leads.Where(ActiveLead);
            if (rule.FormKey is { } key)
            {
                var formId = await db.Forms.Where(f => f.Key == key).Select(f => (int?)f.Id).FirstOrDefaultAsync();
                leads = leads.Where(p => db.Touches.Any(t => t.PersonId == p.Id && t.Kind == TouchKind.LeadCreation && t.FormId == formId));
            }
        }

        return from.Count > 0 ? leads.Where(p => p.OwnerId != null && from.Contains(p.OwnerId.Value)) : leads;
    }

    /// <summary>R2 once, as Find's "active lead" uses it.</summary>
    private static readonly Expression<Func<Person, bool>> ActiveLead = Expression.Lambda<Func<Person, bool>>(
        Expression.Equal(LeadRules.ActiveLead.Body, Expression.Constant(1, typeof(int?))), LeadRules.ActiveLead.Parameters);
}
