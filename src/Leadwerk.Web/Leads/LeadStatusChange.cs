using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Leads;

/// <summary>The channel through which a change was made (R13).</summary>
public enum Channel
{
    Ui = 1,
    Api = 2,
    Board = 3,
    Bulk = 4,
    Import = 5,
    Automation = 6,
    Form = 7,
}

/// <summary>
/// One row of a person's lead status history (R13, B1). Written only by <see cref="LeadHistory"/>.
/// A row is written whenever the status changes and whenever it becomes or stops being active
/// (R2, R5, R6: the category changed), so the rows of a person, in order, are its whole life as a
/// lead: each row's from-values are the previous row's to-values. The dashboard (F8) reads every
/// figure about the past from them.
/// </summary>
public sealed class LeadStatusChange
{
    public long Id { get; set; }
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public int? FromId { get; set; }
    public int? ToId { get; set; }
    public Channel Channel { get; set; }

    /// <summary>Whether the status was active (R2) before and after the change.</summary>
    public bool WasActive { get; set; }
    public bool Active { get; set; }

    /// <summary>The R5 event: the person started being an active lead (created, or its category became active).</summary>
    public bool BecameLead { get; set; }

    /// <summary>Since when the person had the status it left: the stay this change ends started then.</summary>
    public DateTime? FromSince { get; set; }

    /// <summary>
    /// On a row where the person became a lead: when its status first changed after it (the next row
    /// to another status), "speed to lead"; empty until then. Set by a database trigger when that row
    /// is written (migration FirstChangeAt), so every channel keeps it in the same transaction.
    /// </summary>
    public DateTime? FirstChangeAt { get; set; }

    /// <summary>The run (bulk update, import) that wrote this row, or whose change it undoes; null for a change by hand.</summary>
    public JobKind? JobKind { get; set; }
    public int? JobId { get; set; }

    /// <summary>The row puts back what the run <see cref="JobId"/> changed (undo, rollback).</summary>
    public bool Undoes { get; set; }

    /// <summary>
    /// The row is one half of a change and its undo (<see cref="LeadHistory.MarkReverted"/>): both
    /// stay in the history, but figures about the past skip them, as if the run had never been.
    /// </summary>
    public bool Reverted { get; set; }
}

/// <summary>The kinds of persisted runs (the Jobs list, and the history rows they write).</summary>
public enum JobKind
{
    BulkUpdate = 1,
    Import = 2,
    RuleApplication = 3,
}

/// <summary>The run a batch works for; <paramref name="Undo"/> when it puts that run's changes back.</summary>
public sealed record JobRef(JobKind Kind, int Id, bool Undo);
