using Leadwerk.Web.Common;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Persons;

public static class PersonRules
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int ShortTextMaxLength = 100;
}

public sealed record PersonDto(
    int Id, int? CompanyId, string? CompanyName, string FirstName, string LastName, string? Email, string? Phone,
    string? Title, int? OwnerId, string? OwnerName, int? CategoryId, string? Category, string? CategoryGroup,
    string? CategoryGroupName, bool CategoryInherited, int? LeadStatusId, string? LeadStatus, string? LeadStatusDescription,
    bool LeadStatusActive, string? LeadStatusInactiveReason, DateTime? LeadStatusChangedAt,
    DateTime CreatedAt, DateTime UpdatedAt, int Version)
{
    public string FullName => $"{FirstName} {LastName}".Trim();

    /// <summary>Due date of the earliest open follow-up (F15), how many are open, and when something last happened.</summary>
    public DateTime? NextFollowUpAt { get; init; }
    public int OpenFollowUps { get; init; }
    public DateTime? LastActivityAt { get; init; }

    /// <summary>R20: ui, api, import or form:&lt;key&gt;; null for records from before it was kept.</summary>
    public string? RecordSource { get; init; }

    /// <summary>What lead categorization rules propose after this change (R16); only in the answer to a change.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Automation.SuggestionDto>? Suggestions { get; init; }
}

/// <summary>Body of POST /api/persons. `categoryId` only for a person without a company (R1); `ownerId` omitted: the company's contact; null: nobody.</summary>
public sealed record PersonRequest(
    int? CompanyId, string? FirstName, string? LastName, string? Email, string? Phone, string? Title,
    int? OwnerId, int? CategoryId, int? LeadStatusId, bool? Distribute = null)
{
    /// <summary>The owner was given (an API body with `ownerId`, a form's owner picker): null then means "nobody", not the company's contact.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool OwnerChosen { get; init; }
}

/// <summary>A partial update: only the fields that are set change.</summary>
public sealed record PersonChanges
{
    public Opt<int?> CompanyId { get; init; }
    public Opt<string?> FirstName { get; init; }
    public Opt<string?> LastName { get; init; }
    public Opt<string?> Email { get; init; }
    public Opt<string?> Phone { get; init; }
    public Opt<string?> Title { get; init; }
    public Opt<int?> OwnerId { get; init; }
    public Opt<int?> CategoryId { get; init; }
    public Opt<int?> LeadStatusId { get; init; }
}

public sealed record LeadStatusChangeDto(
    DateTime At, int? UserId, string? UserName, int? FromId, string? From, int? ToId, string? To, Channel Channel)
{
    /// <summary>Whether the status is active after the change (R2), and whether the change made the person a new lead (R5).</summary>
    public bool Active { get; init; }
    public bool BecameLead { get; init; }

    /// <summary>What happened to the lead beyond its status (it became one, or its category stopped being active); null for a plain change.</summary>
    public string? Event { get; init; }

    /// <summary>The run (bulk update, import) that made the change, or whose change it undoes; null for a change by hand.</summary>
    public JobLinkDto? Job { get; init; }

    /// <summary>The change puts back what <see cref="Job"/> changed (undo, rollback).</summary>
    public bool Undoes { get; init; }

    /// <summary>The change and its undo form a pair; figures about the past leave both out.</summary>
    public bool Reverted { get; init; }
}

public sealed record JobLinkDto(JobKind Kind, int Id);

/// <summary>A person row with what its DTO needs, read in one query.</summary>
internal sealed record PersonRow(Person Person, string? CompanyName, string? OwnerName, Category? Category, LeadStatus? LeadStatus);

internal static class PersonMapping
{
    public static PersonDto ToDto(this PersonRow row)
    {
        var p = row.Person;
        var active = LeadRules.IsActive(row.Category);
        return new PersonDto(
            p.Id, p.CompanyId, row.CompanyName, p.FirstName, p.LastName, p.Email, p.Phone, p.Title,
            p.OwnerId, row.OwnerName, p.CategoryId, row.Category?.Name, row.Category?.Group.Key(),
            row.Category?.Group.DisplayName(), p.CompanyId is not null, p.LeadStatusId, row.LeadStatus?.Name,
            row.LeadStatus?.Description, active, active ? null : LeadRules.InactiveReason(row.Category),
            p.LeadStatusChangedAt, p.CreatedAt, p.UpdatedAt, p.Version)
        {
            NextFollowUpAt = p.NextFollowUpAt, OpenFollowUps = p.OpenFollowUps, LastActivityAt = p.LastActivityAt, RecordSource = p.RecordSource,
        };
    }

    public static string Label(string field) => field switch
    {
        "firstName" => L.T("First name", "Voornaam"),
        "lastName" => L.T("Last name", "Achternaam"),
        "email" => L.T("E-mail", "E-mail"),
        "phone" => L.T("Phone", "Telefoon"),
        "title" => L.T("Title", "Functie"),
        _ => field,
    };
}

/// <summary>What deleting a person takes along (follow-ups, history rows, selection memberships) and the sales it leaves without a person.</summary>
public sealed record PersonDeleteImpact(int FollowUps, int HistoryEntries, int Selections, int Sales);
