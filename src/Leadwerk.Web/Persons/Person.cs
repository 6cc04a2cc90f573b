using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.Persons;

public sealed class Person : IAuditable
{
    public int Id { get; set; }
    public int? CompanyId { get; set; }
    public Company? Company { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
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

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}
