using Leadwerk.Web.Automation;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.FollowUps;

/// <summary>
/// Follow-ups (F15) for every channel. Each change ends with <see cref="FollowUpPersons.Refresh"/>,
/// which keeps the person's next follow-up, open count and last activity in step in the same transaction.
/// </summary>
public sealed partial class FollowUpService(
    LeadwerkDbContext db, UserTime clock, LeadTransitions transitions, LeadAutomation automation, SuggestionService suggestions)
{
    public async Task<FollowUpDto> Get(int id)
    {
        var zone = await clock.ZoneOf(db.Actor.Value.UserId);
        var row = await Rows(db.FollowUps.Where(f => f.Id == id)).FirstOrDefaultAsync() ?? throw NotFound();
        return row.ToDto(clock.UtcNow, zone);
    }

    public async Task<FollowUpDto> Create(FollowUpRequest request)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var followUp = await Plan(request, request.PersonId);
        await db.SaveChangesAsync();
        await FollowUpPersons.Refresh(db, [followUp.PersonId], null);
        await transaction.CommitAsync();
        return await Get(followUp.Id);
    }

    public async Task<FollowUpDto> Update(int id, FollowUpChanges changes, int? expectedVersion)
    {
        var f = await db.FollowUps.FirstOrDefaultAsync(x => x.Id == id) ?? throw NotFound();
        Concurrency.Check(f.Version, expectedVersion);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await FollowUpPersons.Lock(db, [f.PersonId]);
        var v = new Validation();
        if (changes.Type.IsSet)
        {
            f.TypeId = await TypeId(v, changes.Type.Value, f.TypeId);
        }

        if (changes.Title.IsSet)
        {
            f.Title = FollowUpInput.Text(v, "title", changes.Title.Value, FollowUpRules.TitleMaxLength) ?? await TypeName(f.TypeId);
        }

        if (changes.OwnerId.IsSet && changes.OwnerId.Value != f.OwnerId)
        {
            f.OwnerId = await UserService.ValidOwner(db, changes.OwnerId.Value);
        }

        if (changes.DueAt.IsSet || changes.AllDay.IsSet)
        {
            // Only "allDay" changed: the current moment, read as the owner's local time, so it keeps its day there.
            var zone = await clock.ZoneOf(f.OwnerId);
            var local = TimeZoneInfo.ConvertTimeFromUtc(f.DueAt, zone);
            var text = changes.DueAt.IsSet ? changes.DueAt.Value
                : new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            var due = FollowUpInput.Due(v, text, changes.AllDay.IsSet ? changes.AllDay.Value : changes.DueAt.IsSet ? null : f.AllDay, zone);
            (f.DueAt, f.AllDay) = due ?? (f.DueAt, f.AllDay);
        }

        if (changes.DurationMinutes.IsSet)
        {
            f.DurationMinutes = FollowUpInput.Duration(v, changes.DurationMinutes.Value);
        }

        f.Notes = changes.Notes.IsSet ? FollowUpInput.Text(v, "notes", changes.Notes.Value, FollowUpRules.NotesMaxLength) : f.Notes;
        if (changes.Outcome.IsSet)
        {
            f.Outcome = f.IsOpen
                ? throw DomainException.Invalid("outcome", L.T("Only a follow-up that is done has an outcome.", "Alleen een afgeronde vervolgactie heeft een resultaat."))
                : FollowUpInput.Text(v, "outcome", changes.Outcome.Value, FollowUpRules.NotesMaxLength);
        }

        v.ThrowIfInvalid();
        await Save();
        await FollowUpPersons.Refresh(db, [f.PersonId], null);
        await transaction.CommitAsync();
        return await Get(id);
    }

    public async Task Delete(int id, int? expectedVersion)
    {
        var f = await db.FollowUps.FirstOrDefaultAsync(x => x.Id == id) ?? throw NotFound();
        Concurrency.Check(f.Version, expectedVersion);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await FollowUpPersons.Lock(db, [f.PersonId]);
        db.FollowUps.Remove(f);
        await Save();
        await FollowUpPersons.Refresh(db, [f.PersonId], null);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Done, with an outcome; in the same transaction the next follow-up is planned and the lead
    /// status changes through the lead transition rules (R2, R6), so a refusal of either leaves the
    /// follow-up open and nothing written.
    /// </summary>
    public async Task<FollowUpCompleted> Complete(int id, CompleteRequest request, int? expectedVersion)
    {
        var f = await db.FollowUps.FirstOrDefaultAsync(x => x.Id == id) ?? throw NotFound();
        Concurrency.Check(f.Version, expectedVersion);
        if (!f.IsOpen)
        {
            throw DomainException.Conflict(ErrorCodes.FollowUpDone, L.T(
                "This follow-up is already done.", "Deze vervolgactie is al afgerond."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await FollowUpPersons.Lock(db, [f.PersonId]);
        var v = new Validation();
        var now = clock.UtcNow;
        (f.CompletedAt, f.CompletedById) = (now, db.Actor.Value.UserId);
        f.Outcome = FollowUpInput.Text(v, "outcome", request.Outcome, FollowUpRules.NotesMaxLength);
        v.ThrowIfInvalid();

        var next = request.Next is { } plan ? await Plan(plan, f.PersonId, "next.") : null;
        if (request.LeadStatusId is { } statusId)
        {
            var person = await db.Persons.Include(p => p.Category).Include(p => p.Company).ThenInclude(c => c!.Category)
                .FirstAsync(p => p.Id == f.PersonId);
            if (statusId != person.LeadStatusId)
            {
                await transitions.SetStatus(person, statusId);
            }
        }

        await Save();
        await FollowUpPersons.Refresh(db, [f.PersonId], now);
        await transaction.CommitAsync();
        var said = await suggestions.Describe(automation.Raised);
        return new FollowUpCompleted(await Get(f.Id), next is null ? null : await Get(next.Id), said.Count == 0 ? null : said);
    }

    /// <summary>Undoes a completion done by mistake: open again, without its outcome.</summary>
    public async Task<FollowUpDto> Reopen(int id, int? expectedVersion)
    {
        var f = await db.FollowUps.FirstOrDefaultAsync(x => x.Id == id) ?? throw NotFound();
        Concurrency.Check(f.Version, expectedVersion);
        if (f.IsOpen)
        {
            return await Get(id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await FollowUpPersons.Lock(db, [f.PersonId]);
        (f.CompletedAt, f.CompletedById, f.Outcome) = (null, null, null);
        await Save();
        await FollowUpPersons.Refresh(db, [f.PersonId], null);
        await transaction.CommitAsync();
        return await Get(id);
    }

    /// <summary>Validates a new follow-up and adds it to the context, for the caller's save; the person's row is locked first.</summary>
    private async Task<FollowUp> Plan(FollowUpRequest request, int? personId, string prefix = "")
    {
        if (personId is null)
        {
            throw DomainException.Invalid(prefix + "personId", L.T("Person is required.", "Persoon is verplicht."));
        }

        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.OwnerId }).FirstOrDefaultAsync()
            ?? throw DomainException.Invalid(prefix + "personId", L.T("The person does not exist.", "De persoon bestaat niet."));
        await FollowUpPersons.Lock(db, [person.Id]);

        var v = new Validation();
        var typeId = await TypeId(v, request.Type, null, prefix);
        var ownerId = request.OwnerId is null ? person.OwnerId ?? db.Actor.Value.UserId : await UserService.ValidOwner(db, request.OwnerId);
        var f = new FollowUp
        {
            PersonId = person.Id,
            TypeId = typeId,
            OwnerId = ownerId,
            CreatedById = db.Actor.Value.UserId,
            DurationMinutes = FollowUpInput.Duration(v, request.DurationMinutes),
            Notes = FollowUpInput.Text(v, "notes", request.Notes, FollowUpRules.NotesMaxLength),
        };
        var title = FollowUpInput.Text(v, "title", request.Title, FollowUpRules.TitleMaxLength);
        var due = FollowUpInput.Due(v, request.DueAt, request.AllDay, await clock.ZoneOf(ownerId));
        if (v.HasErrors)
        {
            v.Prefixed(prefix).ThrowIfInvalid();
        }

        (f.DueAt, f.AllDay) = due!.Value;
        f.Title = title ?? await TypeName(typeId);
        db.FollowUps.Add(f);
        return f;
    }

    /// <summary>
    /// The type a new follow-up gets from a key or id, by the same rule as <see cref="Create"/> (a
    /// deleted type is refused); for channels that plan many at once, such as a bulk update.
    /// </summary>
    public Task<int> TypeIdForNew(System.Text.Json.Nodes.JsonNode? type, string prefix = "") => TypeId(new Validation(), type, null, prefix);

    private async Task<int> TypeId(Validation v, System.Text.Json.Nodes.JsonNode? node, int? current, string prefix = "")
    {
        var (key, id) = FollowUpInput.Type(node);
        if (key is null && id is null)
        {
            if (current is { } keep)
            {
                return keep;
            }

            throw DomainException.Invalid(prefix + "type", L.T("Type is required.", "Soort is verplicht."));
        }

        // A deleted type stays on the follow-ups that have it, but no new one gets it.
        var type = await db.FollowUpTypes.AsNoTracking()
            .Where(t => key != null ? t.Key == key : t.Id == id).Select(t => new { t.Id, t.Deleted }).FirstOrDefaultAsync();
        if (type is null || (type.Deleted && type.Id != current))
        {
            throw DomainException.Invalid(prefix + "type", L.T(
                "The type must be call, email, meeting, task or the id of a follow-up type in use.",
                "De soort moet call, email, meeting, task of het id van een soort vervolgactie in gebruik zijn."));
        }

        return type.Id;
    }

    private async Task<string> TypeName(int typeId) =>
        (await db.FollowUpTypes.AsNoTracking().FirstAsync(t => t.Id == typeId)).Name;

    private async Task Save()
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(ErrorCodes.ConcurrencyConflict, L.T(
                "Someone else changed this follow-up at the same time. Reload and try again.",
                "Iemand anders wijzigde deze vervolgactie tegelijkertijd. Laad opnieuw en probeer het nog eens."));
        }
    }

    private static DomainException NotFound() =>
        DomainException.NotFound(L.T("The follow-up was not found.", "De vervolgactie is niet gevonden."));
}
