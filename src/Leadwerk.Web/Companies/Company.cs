using Leadwerk.Web.Common;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.Companies;

public sealed class Company : IAuditable
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    public int? OwnerId { get; set; }
    public User? Owner { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Country { get; set; }
    public string? OrgNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
