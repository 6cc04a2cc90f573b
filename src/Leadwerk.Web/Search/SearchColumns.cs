using System.Linq.Expressions;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Search;

/// <summary>How a result row is read from the database and how each column is shown.</summary>
internal static class SearchColumns
{
    public static readonly Expression<Func<Person, PersonRow>> PersonRow = p => new PersonRow(
        p.Id, p.FirstName, p.LastName, p.Email, p.Phone, p.Title, p.OwnerId, p.Owner == null ? null : p.Owner.DisplayName,
        p.CompanyId, p.Company == null ? null : p.Company.Name, p.CategoryId, p.LeadStatusId, p.LeadStatusChangedAt, p.CreatedAt,
        p.UpdatedAt, p.Company == null ? null : p.Company.CategoryId, p.Company == null ? null : p.Company.OwnerId,
        p.Company == null || p.Company.Owner == null ? null : p.Company.Owner.DisplayName, p.Company == null ? null : p.Company.Country,
        p.Company == null ? null : p.Company.Email, p.Company == null ? null : p.Company.OrgNumber,
        p.Company == null ? null : p.Company.CreatedAt);

    public static readonly Expression<Func<Company, CompanyRow>> CompanyRow = c => new CompanyRow(
        c.Id, c.Name, c.CategoryId, c.OwnerId, c.Owner == null ? null : c.Owner.DisplayName, c.Country, c.Email, c.OrgNumber, c.CreatedAt);

    public static object? Value(PersonRow r, string column, Lookups lists) => column switch
    {
        "person.firstName" => r.FirstName,
        "person.lastName" => r.LastName,
        "person.email" => r.Email,
        "person.phone" => r.Phone,
        "person.title" => r.Title,
        "person.leadStatus" => lists.Status(r.LeadStatusId),
        "person.owner" => r.OwnerName,
        "person.createdAt" => r.CreatedAt,
        "person.updatedAt" => r.UpdatedAt,
        "person.leadStatusChangedAt" => r.LeadStatusChangedAt,
        "person.category" => lists.Category(r.CategoryId),
        "person.categoryGroup" => lists.Group(r.CategoryId),
        "person.company" or "company.name" => r.CompanyName,
        "company.category" => lists.Category(r.CompanyCategoryId),
        "company.categoryGroup" => lists.Group(r.CompanyCategoryId),
        "company.owner" => r.CompanyOwnerName,
        "company.country" => r.CompanyCountry,
        "company.email" => r.CompanyEmail,
        "company.orgNumber" => r.CompanyOrgNumber,
        "company.createdAt" => r.CompanyCreatedAt,
        _ => null,
    };

    public static object? Value(CompanyRow r, string column, Lookups lists) => column switch
    {
        "company.name" => r.Name,
        "company.category" => lists.Category(r.CategoryId),
        "company.categoryGroup" => lists.Group(r.CategoryId),
        "company.owner" => r.OwnerName,
        "company.country" => r.Country,
        "company.email" => r.Email,
        "company.orgNumber" => r.OrgNumber,
        "company.createdAt" => r.CreatedAt,
        _ => null,
    };

    /// <summary>Ids behind list columns (key and value), so clients can link and filter without a second call.</summary>
    public static (string Key, int? Id)? Id(PersonRow r, string column) => column switch
    {
        "person.leadStatus" => ("person.leadStatusId", r.LeadStatusId),
        "person.owner" => ("person.ownerId", r.OwnerId),
        "person.category" => ("person.categoryId", r.CategoryId),
        "person.company" or "company.name" => ("person.companyId", r.CompanyId),
        "company.category" => ("company.categoryId", r.CompanyCategoryId),
        "company.owner" => ("company.ownerId", r.CompanyOwnerId),
        _ => null,
    };

    public static (string Key, int? Id)? Id(CompanyRow r, string column) => column switch
    {
        "company.category" => ("company.categoryId", r.CategoryId),
        "company.owner" => ("company.ownerId", r.OwnerId),
        _ => null,
    };
}
