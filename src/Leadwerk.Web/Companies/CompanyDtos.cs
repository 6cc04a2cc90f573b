using Leadwerk.Web.Common;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Companies;

public static class CompanyRules
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int WebsiteMaxLength = 300;
    public const int ShortTextMaxLength = 100;

    /// <summary>
    /// A website as people write it: an http(s) address, or a bare domain (example.com/contact).
    /// Anything with another scheme (javascript:, mailto:, file:) is no website.
    /// </summary>
    public static bool IsWebAddress(string site)
    {
        if (site.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
        }

        var host = site.Split('/', 2)[0];
        return !site.Contains(':', StringComparison.Ordinal) && !site.Any(char.IsWhiteSpace) && host.Contains('.', StringComparison.Ordinal)
            && Uri.CheckHostName(host) == UriHostNameType.Dns;
    }

    public static string Label(string field) => field switch
    {
        "name" => L.T("Name", "Naam"),
        "categoryId" => L.T("Category", "Categorie"),
        "email" => L.T("E-mail", "E-mail"),
        "phone" => L.T("Phone", "Telefoon"),
        "website" => L.T("Website", "Website"),
        "country" => L.T("Country", "Land"),
        "orgNumber" => L.T("Org. number", "KvK-nummer"),
        _ => field,
    };
}

public sealed record CompanyDto(
    int Id, string Name, int CategoryId, string Category, string CategoryGroup, string CategoryGroupName,
    bool LeadStatusActive, string? LeadStatusInactiveReason, int? OwnerId, string? OwnerName, string? Email,
    string? Phone, string? Website, string? Country, string? OrgNumber, DateTime CreatedAt, DateTime UpdatedAt, int Version)
{
    /// <summary>R20: ui, api, import or form:&lt;key&gt;; null for records from before it was kept.</summary>
    public string? RecordSource { get; init; }
}

/// <summary>Body of POST /api/companies. `ownerId` omitted: the creating user; null: nobody.</summary>
public sealed record CompanyRequest(
    string? Name, int? CategoryId, int? OwnerId, string? Email, string? Phone, string? Website, string? Country, string? OrgNumber)
{
    /// <summary>The owner was given (by a form's picker, or present in the JSON): null then means nobody, not the creator.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool OwnerChosen { get; init; }
}

public sealed record CompanyChanges
{
    public Opt<string?> Name { get; init; }
    public Opt<int?> CategoryId { get; init; }
    public Opt<int?> OwnerId { get; init; }
    public Opt<string?> Email { get; init; }
    public Opt<string?> Phone { get; init; }
    public Opt<string?> Website { get; init; }
    public Opt<string?> Country { get; init; }
    public Opt<string?> OrgNumber { get; init; }
}

internal sealed record CompanyRow(Company Company, Category Category, string? OwnerName);

internal static class CompanyMapping
{
    public static CompanyDto ToDto(this CompanyRow row)
    {
        var c = row.Company;
        var active = LeadRules.IsActive(row.Category);
        return new CompanyDto(
            c.Id, c.Name, c.CategoryId, row.Category.Name, row.Category.Group.Key(), row.Category.Group.DisplayName(),
            active, active ? null : LeadRules.InactiveReason(row.Category), c.OwnerId, row.OwnerName, c.Email, c.Phone,
            c.Website, c.Country, c.OrgNumber, c.CreatedAt, c.UpdatedAt, c.Version) { RecordSource = c.RecordSource };
    }
}
