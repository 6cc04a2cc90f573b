using Leadwerk.Web.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Persons;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("Persons");
        builder.Property(p => p.FirstName).HasMaxLength(PersonRules.NameMaxLength);
        builder.Property(p => p.LastName).HasMaxLength(PersonRules.NameMaxLength);
        builder.Property(p => p.Email).HasMaxLength(PersonRules.EmailMaxLength);
        builder.Property(p => p.RecordSource).HasMaxLength(Attribution.RecordSource.MaxLength);
        builder.Property(p => p.FirstNameKey).HasMaxLength(PersonRules.NameMaxLength);
        builder.Property(p => p.LastNameKey).HasMaxLength(PersonRules.NameMaxLength);
        builder.Property(p => p.EmailKey).HasMaxLength(PersonRules.EmailMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(PersonRules.ShortTextMaxLength);
        builder.Property(p => p.PhoneKey).HasMaxLength(PersonRules.ShortTextMaxLength);
        builder.Property(p => p.Title).HasMaxLength(PersonRules.ShortTextMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.FullName);
        builder.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.LeadStatus).WithMany().HasForeignKey(p => p.LeadStatusId).OnDelete(DeleteBehavior.Restrict);

        // Lists, Find and the board page by (folded last name, Id), exactly the ORDER BY the search
        // engine writes, so a first or deep page walks the index instead of sorting the matches;
        // a company's persons by the same order; "last name starts with" is a range on it.
        // Category and status changes and counts go by (CategoryId, LeadStatusId), an owner's board
        // counts by (OwnerId, LeadStatusId) from the index alone; imports
        // match on the folded e-mail.
        builder.HasIndex(p => new { p.LastNameKey, p.Id });
        builder.HasIndex(p => new { p.CompanyId, p.LastNameKey, p.Id });
        // The app bar's "first last" (Jan de Vries): the first name is a range inside the last name's,
        // read from this index without visiting the rows it passes over.
        builder.HasIndex(p => new { p.LastNameKey, p.FirstNameKey, p.Id });
        // The dashboard's active-lead tiles read status, owner and since-date from this index alone.
        builder.HasIndex(p => new { p.CategoryId, p.LeadStatusId, p.OwnerId, p.LeadStatusChangedAt });
        // Leads by how long their status has not changed: the stale list walks it in order, and a
        // count of "unchanged for N days" reads it alone (category and status are in it).
        builder.HasIndex(p => new { p.LeadStatusChangedAt, p.CategoryId, p.LeadStatusId });
        builder.HasIndex(p => new { p.OwnerId, p.LeadStatusId });
        // Every column Find sorts by is read in (value, Id) order from an index (issue 17): a sort
        // without one sorts every match, a second at 1M persons. The lead status, category and owner
        // sorts walk one list value after another on (reference, Id) (SearchService.ByValue).
        builder.HasIndex(p => new { p.FirstNameKey, p.Id });
        builder.HasIndex(p => new { p.EmailKey, p.Id });
        builder.HasIndex(p => new { p.Phone, p.Id });
        builder.HasIndex(p => new { p.Title, p.Id });
        builder.HasIndex(p => new { p.RecordSource, p.Id });
        builder.HasIndex(p => new { p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.UpdatedAt, p.Id });
        builder.HasIndex(p => new { p.LeadStatusChangedAt, p.Id });
        builder.HasIndex(p => new { p.LeadStatusId, p.Id });
        builder.HasIndex(p => new { p.CategoryId, p.Id });
        builder.HasIndex(p => new { p.OwnerId, p.Id });
        // The app bar's search by phone, in (key, Id) order: PostgreSQL's entries for one key are not in Id order.
        builder.HasIndex(p => new { p.PhoneKey, p.Id });
        builder.HasIndex(p => new { p.NextFollowUpAt, p.Id });
        builder.HasIndex(p => new { p.LastActivityAt, p.Id });
        builder.HasIndex(p => new { p.OpenFollowUps, p.Id });
    }
}

public sealed class LeadStatusChangeConfiguration : IEntityTypeConfiguration<LeadStatusChange>
{
    public void Configure(EntityTypeBuilder<LeadStatusChange> builder)
    {
        builder.ToTable("LeadStatusChanges");
        builder.HasOne(h => h.Person).WithMany(p => p.StatusChanges).HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Users.User>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Lists.LeadStatus>().WithMany().HasForeignKey(h => h.FromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lists.LeadStatus>().WithMany().HasForeignKey(h => h.ToId).OnDelete(DeleteBehavior.Restrict);
        // A person's rows in order, with what the funnel and speed to lead read of each (the status it
        // went to, the R5 event and its first change), so reading the rows of tens of thousands of leads
        // needs no table lookups.
        builder.HasIndex(h => new { h.PersonId, h.At, h.ToId, h.BecameLead, h.FirstChangeAt, h.Reverted });

        // The dashboard reads history by time: the rows since a day (as-of counts), the stays that
        // ended in a period, becoming a lead in a period. Each index holds what those read of a row.
        builder.HasIndex(h => new { h.At, h.PersonId, h.FromId, h.WasActive, h.ToId, h.Active, h.FromSince, h.Reverted });
        builder.HasIndex(h => new { h.BecameLead, h.At, h.PersonId, h.Reverted });

        // Undo marks the rows of its run's persons (LeadHistory.MarkReverted).
        builder.HasIndex(h => new { h.JobId, h.JobKind, h.PersonId });
    }
}
