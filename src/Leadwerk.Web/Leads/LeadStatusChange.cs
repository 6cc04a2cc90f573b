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

/// <summary>One row of a person's lead status history (R13, B1). Written only by <see cref="LeadHistory"/>.</summary>
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
}
