using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Leadwerk.Web.Leads;

/// <summary>
/// The one place that writes a lead status change's stamps and history row (R13, B1): for tracked
/// persons from the save interceptor, so no code path can forget it, and for set-based writes from
/// <see cref="LeadWrites"/>. The actor is the scope's <see cref="CurrentActor"/>.
/// </summary>
public static class LeadHistory
{
    /// <summary>
    /// Stamps and records every tracked person whose status differs from what was read, and every
    /// company whose category was set or changed (R17).
    /// </summary>
    public static void RecordTracked(LeadwerkDbContext db, DateTime now)
    {
        foreach (var entry in db.ChangeTracker.Entries<Company>().ToList())
        {
            var from = entry.State == EntityState.Modified ? entry.Property(c => c.CategoryId).OriginalValue : (int?)null;
            if (entry.State is EntityState.Added or EntityState.Modified && from != entry.Entity.CategoryId)
            {
                db.CompanyCategoryChanges.Add(CompanyRow(db, from, entry.Entity, now));
            }
        }

        var persons = db.ChangeTracker.Entries<Person>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (persons.Count == 0)
        {
            return;
        }

        var active = Activeness(db, persons);
        foreach (var entry in persons)
        {
            var added = entry.State == EntityState.Added;
            var from = added ? null : entry.Property(p => p.LeadStatusId).OriginalValue;
            var to = entry.Entity.LeadStatusId;
            var wasActive = !added && from is not null && active(entry.Property(p => p.CategoryId).OriginalValue);
            var isActive = to is not null && active(entry.Entity.CategoryId);
            if (from == to && wasActive == isActive)
            {
                continue;
            }

            var fromSince = added ? null : entry.Property(p => p.LeadStatusChangedAt).OriginalValue;
            // Undo puts back a lead that was one before the run: not a new one (the dashboard counts those).
            var becameLead = isActive && !wasActive && db.Actor.Job is not { Undo: true };
            if (from != to || becameLead)
            {
                Stamp(entry, now);
                entry.Property(p => p.LastActivityAt).CurrentValue = now;
            }

            var row = Row(db, from, to, now, entry.Entity);
            (row.WasActive, row.Active, row.BecameLead, row.FromSince) = (wasActive, isActive, becameLead, fromSince);
            db.LeadStatusChanges.Add(row);
        }
    }

    /// <summary>
    /// Whether a category makes a status active (R2), for the categories of these persons before and
    /// after: from the tracked categories when loaded, else read once.
    /// </summary>
    private static Func<int?, bool> Activeness(LeadwerkDbContext db, List<EntityEntry<Person>> persons)
    {
        var ids = persons.SelectMany(e => new[] { e.Entity.CategoryId, e.State == EntityState.Modified ? e.Property(p => p.CategoryId).OriginalValue : null })
            .OfType<int>().ToHashSet();
        var known = db.ChangeTracker.Entries<Lists.Category>().Where(e => ids.Contains(e.Entity.Id))
            .ToDictionary(e => e.Entity.Id, e => LeadRules.IsActive(e.Entity));
        ids.ExceptWith(known.Keys);
        if (ids.Count > 0)
        {
            foreach (var c in db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id)).ToList())
            {
                known[c.Id] = LeadRules.IsActive(c);
            }
        }

        return id => id is { } i && known.GetValueOrDefault(i);
    }

    /// <summary>The row of one change of a person written set-based; the caller has written its stamps.</summary>
    /// <param name="active">Whether the person's category makes a status active (R2); it does not change here.</param>
    public static void RecordWritten(LeadwerkDbContext db, int personId, int? from, int? to, DateTime now, bool active, DateTime? fromSince)
    {
        var row = Row(db, from, to, now, null);
        row.PersonId = personId;
        (row.WasActive, row.Active, row.FromSince) = (active && from is not null, active && to is not null, fromSince);
        row.BecameLead = row.Active && !row.WasActive && db.Actor.Job is not { Undo: true };
        db.LeadStatusChanges.Add(row);
    }

    /// <summary>
    /// After an undo or rollback batch is saved: each of these persons that the undo put back gets
    /// its run's row and the undo's row marked as a pair (<see cref="LeadStatusChange.Reverted"/>),
    /// and its "first change after becoming a lead" no longer counts a change that was undone.
    /// Figures about the past (time in status, speed to lead, new leads) are then as before the run.
    /// </summary>
    public static Task MarkReverted(LeadwerkDbContext db, IReadOnlyCollection<int> personIds) => personIds.Count == 0
        ? Task.CompletedTask
        : MarkReverted(db, db.LeadStatusChanges.Where(h => personIds.Contains(h.PersonId)).Select(h => h.PersonId));

    /// <param name="personIds">The persons as a query: a batch of thousands is better read from its own rows than sent as parameters.</param>
    public static async Task MarkReverted(LeadwerkDbContext db, IQueryable<int> personIds)
    {
        if (db.Actor.Job is not { Undo: true } job)
        {
            return;
        }

        var rows = db.LeadStatusChanges.Where(h => h.JobId == job.Id && h.JobKind == job.Kind);
        var undone = rows.Where(h => h.Undoes && personIds.Contains(h.PersonId)).Select(h => h.PersonId);
        await rows.Where(h => !h.Reverted && undone.Contains(h.PersonId)).ExecuteUpdateAsync(s => s.SetProperty(h => h.Reverted, true));
        await db.LeadStatusChanges.Where(b => b.BecameLead && undone.Contains(b.PersonId)).ExecuteUpdateAsync(s => s.SetProperty(b => b.FirstChangeAt,
            b => db.LeadStatusChanges.Where(r => r.PersonId == b.PersonId && !r.Reverted && r.ToId != b.ToId && (r.At > b.At || (r.At == b.At && r.Id > b.Id)))
                .OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => (DateTime?)r.At).FirstOrDefault()));
    }

    /// <summary>
    /// A category became active or stopped being active (R5, R6): each of its persons with a status
    /// keeps the value, and its history gets the row that says so, written as one INSERT. Runs in
    /// the transaction that saved the category, before anyone gets the default status.
    /// </summary>
    public static Task<int> RecordCategoryTurned(LeadwerkDbContext db, int categoryId, bool active, DateTime now)
    {
        var actor = db.Actor.Value;
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "LeadStatusChanges" ("PersonId", "At", "UserId", "FromId", "ToId", "Channel", "WasActive", "Active", "BecameLead", "FromSince")
            SELECT "Id", {now}, CAST({actor.UserId} AS integer), "LeadStatusId", "LeadStatusId", {(int)actor.Channel}, {!active}, {active}, {active}, "LeadStatusChangedAt"
            FROM "Persons" WHERE "CategoryId" = {categoryId} AND "LeadStatusId" IS NOT NULL
            """);
    }

    /// <summary>
    /// "In status since" is now, unless the change restores an earlier status with its own since
    /// date (undo, rollback: <see cref="LeadTransitions.Restore"/>), so days in status stay true.
    /// </summary>
    private static void Stamp(EntityEntry<Person> entry, DateTime now)
    {
        var since = entry.Property(p => p.LeadStatusChangedAt);
        if (entry.State == EntityState.Added ? since.CurrentValue is null : !since.IsModified)
        {
            since.CurrentValue = now;
        }
    }

    private static LeadStatusChange Row(LeadwerkDbContext db, int? from, int? to, DateTime at, Person? person)
    {
        var actor = db.Actor.Value;
        var channel = person is null ? actor.Channel : db.Actor.ChannelOf(person);
        var job = db.Actor.Job;
        return new LeadStatusChange
        {
            At = at, UserId = actor.UserId, FromId = from, ToId = to, Channel = channel, Person = person!,
            JobKind = job?.Kind, JobId = job?.Id, Undoes = job?.Undo ?? false,
        };
    }

    private static CompanyCategoryChange CompanyRow(LeadwerkDbContext db, int? from, Company company, DateTime at)
    {
        var cause = db.Actor.CauseOf(company);
        var row = new CompanyCategoryChange
        {
            Company = company, At = at, UserId = db.Actor.Value.UserId, FromCategoryId = from, ToCategoryId = company.CategoryId,
            Channel = db.Actor.ChannelOf(company), RuleId = cause?.RuleId, Trigger = cause?.Trigger,
            TriggerStatusId = cause?.TriggerStatusId, TriggerSaleId = cause?.TriggerSaleId,
        };

        // A person saved in this same unit of work has no id yet: the row then refers to the entity itself.
        if (cause?.TriggerPerson is { } person)
        {
            if (db.Entry(person).State == EntityState.Added)
            {
                row.TriggerPerson = person;
            }
            else
            {
                row.TriggerPersonId = person.Id;
            }
        }

        return row;
    }
}
