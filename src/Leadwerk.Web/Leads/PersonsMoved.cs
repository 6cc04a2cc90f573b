namespace Leadwerk.Web.Leads;

/// <summary>
/// What a company's category change did to its persons (R5/R6), as undo and rollback keep it:
/// each person's status and since-date before, and the status the change left.
/// </summary>
public interface IPersonsMoved
{
    Dictionary<int, int?>? PersonStatuses { get; }

    Dictionary<int, DateTime?>? PersonSince { get; }

    Dictionary<int, int?>? PersonStatusesAfter { get; }
}

public sealed record PersonsMoved(
    Dictionary<int, int?>? PersonStatuses, Dictionary<int, DateTime?>? PersonSince, Dictionary<int, int?>? PersonStatusesAfter = null) : IPersonsMoved;
