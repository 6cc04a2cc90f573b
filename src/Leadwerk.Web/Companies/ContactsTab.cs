using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Companies;

/// <summary>The page of a company's Contacts tab, with counts per group over all its matching persons.</summary>
public sealed record ContactsResult(IReadOnlyList<Dictionary<string, object?>> Items, string? NextCursor, int? Count, IReadOnlyList<GroupCount>? Groups);

/// <summary>
/// The Contacts tab (F3): a company's persons through the criteria engine, so its column filters
/// are criteria lines and its grouping is one GROUP BY over all the company's persons.
/// </summary>
public sealed class ContactsTab(CompanyService companies, SearchService search)
{
    public static IReadOnlyList<string> DefaultColumns { get; } =
        ["person.firstName", "person.lastName", "person.email", "person.phone", "person.leadStatus", "person.owner"];

    public async Task<ContactsResult> Page(int companyId, int? userId, IReadOnlyList<string>? columns, string? sort, int? limit, string? cursor,
        IReadOnlyList<CriteriaLine>? filters, string? groupBy, bool count = false)
    {
        await companies.Get(companyId);
        // The company's line goes last, so a 422 names the client's filter lines by their own index.
        var criteria = Criteria.For(Entities.Person, [.. filters ?? [], CriteriaLine.Of("person.company", Operators.OneOf, companyId)]);
        var query = search.Persons(criteria, userId);
        var page = await search.Page(Entities.Person, query, columns is { Count: > 0 } ? columns : DefaultColumns, sort, limit, cursor, count);
        var groups = string.IsNullOrWhiteSpace(groupBy) ? null : await search.Groups(query, groupBy);
        return new ContactsResult(page.Items, page.NextCursor, page.Count, groups);
    }

    /// <summary>Reads the `filter` query parameter: a JSON array of criteria lines, ANDed.</summary>
    public static List<CriteriaLine>? ParseFilters(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<List<CriteriaLine>>(filter, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        }
        catch (System.Text.Json.JsonException)
        {
            throw new DomainException(400, ErrorCodes.MalformedRequest, L.T(
                "filter must be a JSON array of criteria lines.", "filter moet een JSON-array van criteriaregels zijn."), "filter");
        }
    }
}
