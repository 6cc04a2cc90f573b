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
}
