using Leadwerk.Web.Common;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Sales;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.Companies;

public sealed class Company : IAuditable
{
    public int Id { get; set; }
    private string _name = "";

    public string Name
    {
        get => _name;
        set => (_name, NameKey) = (value, TextKey.Of(value));
    }

    /// <summary>The folded name (<see cref="TextKey"/>) that search, sort and import matching use; set with the name.</summary>
    public string NameKey { get; private set; } = "";
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    public int? OwnerId { get; set; }
    public User? Owner { get; set; }
    private string? _email;
    private string? _phone;

    public string? Email
    {
        get => _email;
        set => (_email, EmailKey) = (value, TextKey.OfOptional(value));
    }

    public string? Phone
    {
        get => _phone;
        set => (_phone, PhoneKey) = (value, Common.PhoneKey.Of(value));
    }

    /// <summary>The folded e-mail and the phone number's digits that the app bar's search finds it by; set with the text.</summary>
    public string? EmailKey { get; private set; }
    public string? PhoneKey { get; private set; }
    private string? _website;

    public string? Website
    {
        get => _website;
        set => (_website, WebsiteDomain) = (value, CompanyDomains.Of(value));
    }

    /// <summary>
    /// R19: the website's domain (lower-cased, without "www."), which form submissions match on; set
    /// with the website; empty where the website has no domain to read.
    /// </summary>
    public string? WebsiteDomain { get; private set; }
    public string? Country { get; set; }
    public string? OrgNumber { get; set; }
    /// <summary>Read only inside queries (Find's sale criteria); never loaded with the company.</summary>
    public List<Sale> Sales { get; set; } = [];

    /// <summary>Read only inside queries (attribution criteria and columns); never loaded with the company.</summary>
    public List<Attribution.Touch> Touches { get; set; } = [];

    /// <summary>R20: the channel it came in through, set once when it is first saved (Attribution/RecordSource.cs).</summary>
    public string? RecordSource { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
