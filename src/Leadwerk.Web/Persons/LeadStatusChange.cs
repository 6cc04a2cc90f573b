using Leadwerk.Web.Data;

namespace Leadwerk.Web.Persons;

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

/// <summary>One row of a person's lead status history (R13, B1). Written by the save interceptor.</summary>
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

    /// <summary>The row for a change by <paramref name="actor"/>; the save interceptor and bulk writes both make it here.</summary>
    public static LeadStatusChange By(Actor? actor, int? from, int? to, DateTime at)
    {
        var who = actor ?? throw new InvalidOperationException(
            "A lead status changed without an Actor on the DbContext; every change needs a user and channel (R13).");
        return new LeadStatusChange { At = at, UserId = who.UserId, FromId = from, ToId = to, Channel = who.Channel };
    }
}
