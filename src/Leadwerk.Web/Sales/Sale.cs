using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.Sales;

/// <summary>Where a sale stands (F16). Stored as these numbers; the API names them in camelCase.</summary>
public enum SaleStatus
{
    Open = 1,
    Sold = 2,
    Lost = 3,
    Stalled = 4,
}

/// <summary>A minimal sale of a company, optionally with one of its persons (F16).</summary>
public sealed class Sale : IAuditable
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public Company Company { get; set; } = null!;

    /// <summary>Always a person of <see cref="CompanyId"/>; cleared when that person is deleted.</summary>
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public string Title { get; set; } = "";
    public decimal Amount { get; set; }
    public string Currency { get; set; } = SaleRules.DefaultCurrency;
    public int? OwnerId { get; set; }
    public User? Owner { get; set; }

    /// <summary>Changed only by <see cref="SaleService"/>'s status transition, so every change passes one place.</summary>
    public SaleStatus Status { get; set; } = SaleStatus.Open;
    public DateOnly? ExpectedCloseDate { get; set; }

    /// <summary>Only while <see cref="Status"/> is lost.</summary>
    public int? LostReasonId { get; set; }
    public LostReason? LostReason { get; set; }

    /// <summary>When the sale was last sold or lost; null while open or stalled.</summary>
    public DateTime? ClosedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
