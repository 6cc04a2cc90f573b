using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Sales;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.Persons;

public sealed class Person : IAuditable
{
    public int Id { get; set; }
    public int? CompanyId { get; set; }
    public Company? Company { get; set; }
    private string _firstName = "";
    private string _lastName = "";
    private string? _email;
    private string? _phone;

    public string FirstName
    {
        get => _firstName;
        set => (_firstName, FirstNameKey) = (value, TextKey.Of(value));
    }

    public string LastName
    {
        get => _lastName;
        set => (_lastName, LastNameKey) = (value, TextKey.Of(value));
    }

    public string? Email
    {
        get => _email;
        set => (_email, EmailKey) = (value, TextKey.OfOptional(value));
    }

    /// <summary>Folded forms (<see cref="TextKey"/>) that search, sort and e-mail matching use; set with the text.</summary>
    public string FirstNameKey { get; private set; } = "";
    public string LastNameKey { get; private set; } = "";
    public string? EmailKey { get; private set; }

    public string? Phone
    {
        get => _phone;
        set => (_phone, PhoneKey) = (value, Common.PhoneKey.Of(value));
    }

    /// <summary>The phone number's digits (<see cref="Common.PhoneKey"/>) that the app bar's search finds it by; set with the number.</summary>
    public string? PhoneKey { get; private set; }
    public string? Title { get; set; }
    public int? OwnerId { get; set; }
    public User? Owner { get; set; }

    /// <summary>
    /// The effective category (R1): the company's category while the person has a company, kept
    /// in step by <see cref="Leads.LeadRules"/>, else the person's own. Stored on the person so
    /// that search, board and counts filter on one indexed column.
    /// </summary>
    public int? CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>Kept while the category is not active (R6); only changeable while it is (R2).</summary>
    public int? LeadStatusId { get; set; }
    public LeadStatus? LeadStatus { get; set; }
    public DateTime? LeadStatusChangedAt { get; set; }

    /// <summary>
    /// Follow-ups (F15) kept on the person by <see cref="FollowUps.FollowUpService"/>, so Find, the
    /// board and My day filter and sort on indexed columns: the due date of the earliest open one,
    /// how many are open, and when something last happened (a status change, a follow-up done, a sale).
    /// </summary>
    public DateTime? NextFollowUpAt { get; set; }
    public int OpenFollowUps { get; set; }
    public DateTime? LastActivityAt { get; set; }

    /// <summary>Read only inside queries (Find's sale criteria); never loaded with the person.</summary>
    public List<Sale> Sales { get; set; } = [];

    /// <summary>Read only inside queries (history criteria, dashboard as-of figures); never loaded with the person.</summary>
    public List<Leads.LeadStatusChange> StatusChanges { get; set; } = [];

    /// <summary>Read only inside queries (attribution criteria and columns); never loaded with the person.</summary>
    public List<Attribution.Touch> Touches { get; set; } = [];

    /// <summary>R20: the channel it came in through, set once when it is first saved (Attribution/RecordSource.cs).</summary>
    public string? RecordSource { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}
