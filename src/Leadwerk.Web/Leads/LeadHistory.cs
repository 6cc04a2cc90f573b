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

        foreach (var entry in db.ChangeTracker.Entries<Person>().ToList())
        {
            var from = entry.State switch
            {
                EntityState.Added => null,
                EntityState.Modified => entry.Property(p => p.LeadStatusId).OriginalValue,
                _ => entry.Entity.LeadStatusId,
            };
            if (entry.State is EntityState.Added or EntityState.Modified && from != entry.Entity.LeadStatusId)
            {
                Stamp(entry, now);
                entry.Property(p => p.LastActivityAt).CurrentValue = now;
                db.LeadStatusChanges.Add(Row(db, from, entry.Entity.LeadStatusId, now, entry.Entity));
            }
        }
    }

    /// <summary>The row of one change of a person written set-based; the caller has written its stamps.</summary>
    public static void RecordWritten(LeadwerkDbContext db, int personId, int? from, int? to, DateTime now)
    {
        var row = Row(db, from, to, now, null);
        row.PersonId = personId;
        db.LeadStatusChanges.Add(row);
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
        return new LeadStatusChange { At = at, UserId = actor.UserId, FromId = from, ToId = to, Channel = channel, Person = person! };
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
