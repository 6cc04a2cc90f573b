using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.FollowUps;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Bulk;

/// <summary>
/// "Plan a follow-up" as a bulk update (F15): every person of the target gets the same follow-up,
/// owned by the person's owner (else by whoever runs it) or by one chosen user. Its values pass the
/// checks of POST /api/follow-ups (<see cref="FollowUpInput"/>, <see cref="FollowUpService.TypeIdForNew"/>).
/// Each item remembers the follow-up it got, so undo deletes exactly those, unless one was changed
/// or done since.
/// </summary>
internal static class BulkFollowUps
{
    /// <summary>What an item keeps for undo: the follow-up the run planned for its person.</summary>
    private sealed record Planned(int FollowUpId);

    public static bool Plans(IReadOnlyList<BulkAction> actions) => actions is [{ Field: BulkFields.PersonFollowUp }];

    /// <summary>Its undo deletes follow-ups where the other actions put values back, so it runs on its own.</summary>
    public static void CheckShape(Validation v, List<BulkAction> actions, int i)
    {
        var at = $"actions[{i}]";
        if (actions.Count > 1)
        {
            v.Add($"{at}.field", L.T($"Action {i + 1}: plan a follow-up in a bulk update of its own, without other actions.",
                $"Actie {i + 1}: plan een vervolgactie in een eigen bulkwijziging, zonder andere acties."));
        }
        else if (actions[i].Op != BulkFields.Plan)
        {
            v.Add($"{at}.op", L.T($"Action {i + 1}: op must be plan.", $"Actie {i + 1}: op moet plan zijn."));
        }
        else if (actions[i].FollowUp is null)
        {
            v.Add($"{at}.followUp", L.T($"Action {i + 1}: followUp is required, with at least type and dueAt.",
                $"Actie {i + 1}: followUp is verplicht, met minstens type en dueAt."));
        }
    }

    /// <summary>
    /// Checks the follow-up as POST /api/follow-ups does (errors named actions[0].followUp.*) and
    /// returns it with the type as an id and the title filled in, so the run does not depend on the
    /// language of whoever started it or on a type renamed meanwhile.
    /// </summary>
    public static async Task<List<BulkAction>> Validate(LeadwerkDbContext db, FollowUpService followUps, UserTime clock, List<BulkAction> actions, Actor user)
    {
        if (!Plans(actions))
        {
            return actions;
        }

        const string prefix = "actions[0].followUp.";
        var plan = actions[0].FollowUp!;
        var typeId = await followUps.TypeIdForNew(plan.Type, prefix);
        var ownerId = await Prefixed(prefix, () => UserService.ValidOwner(db, plan.OwnerId));
        var v = new Validation();
        var title = FollowUpInput.Text(v, "title", plan.Title, FollowUpRules.TitleMaxLength);
        FollowUpInput.Due(v, plan.DueAt, plan.AllDay, await clock.ZoneOf(ownerId ?? user.UserId));
        var duration = FollowUpInput.Duration(v, plan.DurationMinutes);
        var notes = FollowUpInput.Text(v, "notes", plan.Notes, FollowUpRules.NotesMaxLength);
        await Prefixed(prefix, () =>
        {
            v.ThrowIfInvalid();
            return Task.FromResult(0);
        });

        title ??= (await db.FollowUpTypes.AsNoTracking().FirstAsync(t => t.Id == typeId)).Name;
        var checkedPlan = plan with { Type = JsonValue.Create(typeId), Title = title, DurationMinutes = duration, OwnerId = ownerId, Notes = notes };
        return [actions[0] with { Value = null, FollowUp = checkedPlan }];
    }

    /// <summary>How many of these persons have an open follow-up already (the preview says so; they get one more).</summary>
    public static Task<int> AlreadyPlanned(LeadwerkDbContext db, int[] ids) =>
        db.Persons.CountAsync(p => ids.Contains(p.Id) && p.OpenFollowUps > 0);

    /// <summary>Plans the next batch's follow-ups in one save and refreshes those persons; returns the last item, or 0 when none were left.</summary>
    public static async Task<int> Run(LeadwerkDbContext db, UserTime clock, BulkUpdate run, BulkFollowUp plan, int batchSize, int after)
    {
        var items = await BulkItems.Next(db, run.Id, BulkItemState.Pending, after, batchSize);
        if (items.Count == 0)
        {
            return 0;
        }

        var ids = items.Select(i => i.EntityId).ToList();
        await FollowUpPersons.Lock(db, ids);
        var owners = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.OwnerId })
            .ToDictionaryAsync(p => p.Id, p => p.OwnerId);
        var zones = new Dictionary<int, TimeZoneInfo>();
        var planned = new List<(BulkUpdateItem Item, FollowUp FollowUp)>();
        foreach (var item in items)
        {
            if (!owners.TryGetValue(item.EntityId, out var personOwner))
            {
                Skip(item, BulkItemState.Skipped, ErrorCodes.NotFound, L.T("The record does not exist (any more).", "Het record bestaat niet (meer)."));
                continue;
            }

            var ownerId = plan.OwnerId ?? personOwner ?? run.UserId;
            if (!zones.TryGetValue(ownerId, out var zone))
            {
                zones[ownerId] = zone = await clock.ZoneOf(ownerId);
            }

            // An all-day follow-up starts its day in its owner's time zone, so owners in other zones get another moment.
            var v = new Validation();
            if (FollowUpInput.Due(v, plan.DueAt, plan.AllDay, zone) is not { } due)
            {
                Skip(item, BulkItemState.Skipped, ErrorCodes.ValidationFailed, Message(v));
                continue;
            }

            var followUp = new FollowUp
            {
                PersonId = item.EntityId, TypeId = plan.Type!.GetValue<int>(), Title = plan.Title!, DueAt = due.Utc, AllDay = due.AllDay,
                DurationMinutes = plan.DurationMinutes, OwnerId = ownerId, Notes = plan.Notes, CreatedById = run.UserId,
            };
            db.FollowUps.Add(followUp);
            planned.Add((item, followUp));
        }

        // One save for the batch: EF batches the inserts, the audit interceptor stamps them, and the ids come back.
        await db.SaveChangesAsync();
        foreach (var (item, followUp) in planned)
        {
            (item.State, item.Before, item.VersionAfter) = (BulkItemState.Changed, JsonSerializer.Serialize(new Planned(followUp.Id)), followUp.Version);
        }

        await FollowUpPersons.Refresh(db, planned.Select(p => p.Item.EntityId).ToList(), null);
        run.Done += items.Count;
        run.Changed += planned.Count;
        run.Skipped += items.Count(i => i.State == BulkItemState.Skipped);
        await BulkItems.WriteOutcomes(db, run.Id, items);
        await db.SaveChangesAsync();
        return items[^1].EntityId;
    }

    /// <summary>Deletes the next batch's follow-ups that are as the run left them and refreshes those persons; returns the last item, or 0.</summary>
    public static async Task<int> Undo(LeadwerkDbContext db, BulkUpdate run, int batchSize, int after)
    {
        var items = await BulkItems.Next(db, run.Id, BulkItemState.Changed, after, batchSize);
        if (items.Count == 0)
        {
            return 0;
        }

        var planned = items.ToDictionary(i => i.EntityId, i => JsonSerializer.Deserialize<Planned>(i.Before!)!.FollowUpId);
        var followUpIds = planned.Values.ToList();
        await FollowUpPersons.Lock(db, planned.Keys);
        var versions = await db.FollowUps.AsNoTracking().Where(f => followUpIds.Contains(f.Id)).Select(f => new { f.Id, f.Version })
            .ToDictionaryAsync(f => f.Id, f => f.Version);
        foreach (var item in items)
        {
            if (!versions.TryGetValue(planned[item.EntityId], out var version))
            {
                Skip(item, BulkItemState.UndoSkipped, ErrorCodes.NotFound, L.T("The follow-up no longer exists.", "De vervolgactie bestaat niet meer."));
            }
            else if (version != item.VersionAfter)
            {
                Skip(item, BulkItemState.UndoSkipped, ErrorCodes.ConcurrencyConflict, L.T(
                    "This follow-up was changed or done after the bulk update; it was kept.",
                    "Deze vervolgactie is na de bulkwijziging gewijzigd of afgerond; ze is bewaard."));
            }
            else
            {
                item.State = BulkItemState.Undone;
            }
        }

        var undone = items.Where(i => i.State == BulkItemState.Undone).Select(i => i.EntityId).ToList();
        var delete = undone.Select(id => planned[id]).ToList();
        await db.FollowUps.Where(f => delete.Contains(f.Id)).ExecuteDeleteAsync();
        await FollowUpPersons.Refresh(db, undone, null);
        run.UndoSkipped += items.Count(i => i.State == BulkItemState.UndoSkipped);
        await BulkItems.WriteOutcomes(db, run.Id, items);
        await db.SaveChangesAsync();
        return items[^1].EntityId;
    }

    private static void Skip(BulkUpdateItem item, BulkItemState state, string code, string reason) =>
        (item.State, item.Code, item.Reason) = (state, code, reason.Length > 500 ? reason[..500] : reason);

    private static string Message(Validation v)
    {
        try
        {
            v.ThrowIfInvalid();
            return "";
        }
        catch (ValidationFailedException e)
        {
            return e.Message;
        }
    }

    /// <summary>Names the fields of a refusal as the request does (actions[0].followUp.ownerId).</summary>
    private static async Task<T> Prefixed<T>(string prefix, Func<Task<T>> check)
    {
        try
        {
            return await check();
        }
        catch (ValidationFailedException e)
        {
            throw new ValidationFailedException(e.Errors.ToDictionary(x => prefix + x.Key, x => x.Value), e.Code);
        }
    }
}
