using Leadwerk.Web.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leadwerk.Web.Forms;

/// <summary>
/// A web form (F11): the fields a visitor fills in and where each lands on a person or company,
/// what a new lead gets by default, and how submissions are processed. Published at /f/{key} and
/// through the public submissions endpoint; the key names the form in record sources (`form:key`).
/// </summary>
public sealed class Form : IAuditable
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The fields (<see cref="FormField"/>) as JSON, in display order.</summary>
    public string FieldsJson { get; set; } = "[]";
    public int? CategoryId { get; set; }
    public int? LeadStatusId { get; set; }
    public int? OwnerId { get; set; }
    public int? DistributionRuleId { get; set; }

    /// <summary>Static selection every processed person is added to.</summary>
    public int? SelectionId { get; set; }
    public FormProcessing Processing { get; set; } = FormProcessing.Automatic;

    /// <summary>Origins (scheme://host[:port]) whose pages may post to the form, as JSON; the hosted page always may.</summary>
    public string AllowedOriginsJson { get; set; } = "[]";
    public string? ThankYouEn { get; set; }
    public string? ThankYouNl { get; set; }
    public string? RedirectUrl { get; set; }
    public DateTime? ActiveUntil { get; set; }
    public int? MaxSubmissions { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public enum FormProcessing
{
    /// <summary>Every submission is processed at once.</summary>
    Automatic = 1,

    /// <summary>Processed at once when the e-mail address matches a person; otherwise it waits in the inbox.</summary>
    ManualIfUnknown = 2,

    /// <summary>Every submission waits in the inbox.</summary>
    Manual = 3,
}

public enum SubmissionStatus
{
    Submitted = 1,
    Processed = 2,
    Failed = 3,
    Spam = 4,
}

/// <summary>
/// One submission as it came in (values, touch, idempotency key) and what became of it: its status
/// and a log of what was matched, created or skipped and why. Never deleted by processing.
/// </summary>
public sealed class FormSubmission
{
    public long Id { get; set; }
    public int FormId { get; set; }
    public Form? Form { get; set; }
    public DateTime ReceivedAt { get; set; }
    public SubmissionStatus Status { get; set; } = SubmissionStatus.Submitted;

    /// <summary>The form's field values as sent (unknown fields left out), as JSON.</summary>
    public string ValuesJson { get; set; } = "{}";

    /// <summary>The touch keys as sent (utm_*, click ids, referrer, landing page, first touch), as JSON.</summary>
    public string TouchJson { get; set; } = "{}";
    public string? IdempotencyKey { get; set; }

    /// <summary>The status of the first answer, which a replay with the same key repeats.</summary>
    public SubmissionStatus AnsweredStatus { get; set; } = SubmissionStatus.Submitted;

    /// <summary>What processing did (<see cref="SubmissionLog"/>), as JSON.</summary>
    public string LogJson { get; set; } = "[]";
    public int? PersonId { get; set; }
    public int? CompanyId { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public int? ProcessedById { get; set; }
}

public sealed class FormConfiguration : IEntityTypeConfiguration<Form>, IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<Form> builder)
    {
        builder.ToTable("Forms");
        builder.Property(f => f.Key).HasMaxLength(FormRules.KeyMaxLength);
        builder.HasIndex(f => f.Key).IsUnique();
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.Property(f => f.ThankYouEn).HasMaxLength(FormRules.ThankYouMaxLength);
        builder.Property(f => f.ThankYouNl).HasMaxLength(FormRules.ThankYouMaxLength);
        builder.Property(f => f.RedirectUrl).HasMaxLength(FormRules.UrlMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.ToTable("FormSubmissions");
        builder.HasOne(s => s.Form).WithMany().HasForeignKey(s => s.FormId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.IdempotencyKey).HasMaxLength(FormRules.IdempotencyKeyMaxLength);
        // One submission per key and form: a replay (even 20 at once) finds the first, never makes a second.
        builder.HasIndex(s => new { s.FormId, s.IdempotencyKey }).IsUnique();
        builder.HasIndex(s => new { s.FormId, s.Status, s.Id });
        // Every instance looks for submissions left waiting (ADR 0012): the few still submitted, not the whole table.
        builder.HasIndex(s => new { s.Status, s.ReceivedAt });
        // A deleted person or company leaves the submission (and its log) without the link.
        builder.HasOne<Persons.Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Companies.Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.SetNull);
    }
}
