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
        p.Company == null ? null : p.Company.CreatedAt, p.NextFollowUpAt, p.LastActivityAt, p.OpenFollowUps, p.RecordSource);

    public static readonly Expression<Func<Company, CompanyRow>> CompanyRow = c => new CompanyRow(
        c.Id, c.Name, c.CategoryId, c.OwnerId, c.Owner == null ? null : c.Owner.DisplayName, c.Country, c.Email, c.OrgNumber, c.CreatedAt);

    private static readonly Dictionary<string, string[]> PersonNeeds = new()
    {
        ["person.firstName"] = [nameof(Search.PersonRow.FirstName)],
        ["person.lastName"] = [nameof(Search.PersonRow.LastName)],
        ["person.email"] = [nameof(Search.PersonRow.Email)],
        ["person.phone"] = [nameof(Search.PersonRow.Phone)],
        ["person.title"] = [nameof(Search.PersonRow.Title)],
        ["person.leadStatus"] = [nameof(Search.PersonRow.LeadStatusId), nameof(Search.PersonRow.CategoryId)],
        ["person.owner"] = [nameof(Search.PersonRow.OwnerId), nameof(Search.PersonRow.OwnerName)],
        ["person.createdAt"] = [nameof(Search.PersonRow.CreatedAt)],
        ["person.updatedAt"] = [nameof(Search.PersonRow.UpdatedAt)],
        ["person.leadStatusChangedAt"] = [nameof(Search.PersonRow.LeadStatusChangedAt)],
        ["person.nextFollowUp"] = [nameof(Search.PersonRow.NextFollowUpAt)],
        ["person.lastActivity"] = [nameof(Search.PersonRow.LastActivityAt)],
        ["person.openFollowUps"] = [nameof(Search.PersonRow.OpenFollowUps)],
        ["person.recordSource"] = [nameof(Search.PersonRow.RecordSource)],
        ["person.category"] = [nameof(Search.PersonRow.CategoryId)],
        ["person.categoryGroup"] = [nameof(Search.PersonRow.CategoryId)],
        ["person.company"] = [nameof(Search.PersonRow.CompanyId), nameof(Search.PersonRow.CompanyName)],
        ["company.name"] = [nameof(Search.PersonRow.CompanyId), nameof(Search.PersonRow.CompanyName)],
        ["company.category"] = [nameof(Search.PersonRow.CompanyCategoryId)],
        ["company.categoryGroup"] = [nameof(Search.PersonRow.CompanyCategoryId)],
        ["company.owner"] = [nameof(Search.PersonRow.CompanyOwnerId), nameof(Search.PersonRow.CompanyOwnerName)],
        ["company.country"] = [nameof(Search.PersonRow.CompanyCountry)],
        ["company.email"] = [nameof(Search.PersonRow.CompanyEmail)],
        ["company.orgNumber"] = [nameof(Search.PersonRow.CompanyOrgNumber)],
        ["company.createdAt"] = [nameof(Search.PersonRow.CompanyCreatedAt)],
    };

    private static readonly Dictionary<string, string[]> CompanyNeeds = new()
    {
        ["company.name"] = [nameof(Search.CompanyRow.Name)],
        ["company.category"] = [nameof(Search.CompanyRow.CategoryId)],
        ["company.categoryGroup"] = [nameof(Search.CompanyRow.CategoryId)],
        ["company.owner"] = [nameof(Search.CompanyRow.OwnerId), nameof(Search.CompanyRow.OwnerName)],
        ["company.country"] = [nameof(Search.CompanyRow.Country)],
        ["company.email"] = [nameof(Search.CompanyRow.Email)],
        ["company.orgNumber"] = [nameof(Search.CompanyRow.OrgNumber)],
        ["company.createdAt"] = [nameof(Search.CompanyRow.CreatedAt)],
    };

    /// <summary>The row with only what the shown columns need, so the query joins and reads no more than that.</summary>
    public static Expression<Func<Person, PersonRow>> PersonRowFor(IEnumerable<string> columns) => Trim(PersonRow, PersonNeeds, columns);

    public static Expression<Func<Company, CompanyRow>> CompanyRowFor(IEnumerable<string> columns) => Trim(CompanyRow, CompanyNeeds, columns);

    private static Expression<Func<T, TRow>> Trim<T, TRow>(Expression<Func<T, TRow>> row, Dictionary<string, string[]> needs, IEnumerable<string> columns)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal) { "Id" };
        foreach (var column in columns)
        {
            // Touch columns are filled after the page is read (SearchService.Touches.cs); a company's source needs its id.
            needed.UnionWith(needs.GetValueOrDefault(column) ?? (TouchFields.Is(column) ? [nameof(Search.PersonRow.CompanyId)] : []));
        }

        var body = (NewExpression)row.Body;
        var parameters = body.Constructor!.GetParameters();
        // A constant, not Expression.Default: EF Core compiles a delegate per query to evaluate a default.
        var arguments = body.Arguments.Select((argument, i) => needed.Contains(parameters[i].Name!)
            ? argument
            : Expression.Constant(argument.Type.IsValueType ? Activator.CreateInstance(argument.Type) : null, argument.Type));
        return Expression.Lambda<Func<T, TRow>>(body.Update(arguments), row.Parameters);
    }

    public static object? Value(PersonRow r, string column, Lookups lists) => column switch
    {
        "person.firstName" => r.FirstName,
        "person.lastName" => r.LastName,
        "person.email" => r.Email,
        "person.phone" => r.Phone,
        "person.title" => r.Title,
        "person.leadStatus" => lists.Status(r.LeadStatusId, r.CategoryId),
        "person.owner" => r.OwnerName,
        "person.createdAt" => r.CreatedAt,
        "person.updatedAt" => r.UpdatedAt,
        "person.leadStatusChangedAt" => r.LeadStatusChangedAt,
        "person.nextFollowUp" => r.NextFollowUpAt,
        "person.lastActivity" => r.LastActivityAt,
        "person.openFollowUps" => r.OpenFollowUps,
        "person.recordSource" => r.RecordSource,
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
