using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Companies;

/// <summary>
/// The Companies list's question, as GET /api/companies and the page's address carry it. `Sort` is a
/// company column without its "company." prefix (name, category, owner, country, createdAt, …), "-" first
/// for descending; the filters are a category id, a category group key, an owner's user id and a country.
/// </summary>
public sealed record CompanyListQuery(string? Search = null, string? Sort = null, string? Category = null, string? CategoryGroup = null,
    string? Owner = null, string? Country = null);

/// <summary>A page of the companies list; `count` (all that match) only when asked for.</summary>
public sealed record CompanyListPage(IReadOnlyList<CompanyDto> Items, string? NextCursor, int? Count);

/// <summary>
/// The companies list, filtered and sorted on the server and keyset-paged by Find's engine
/// (<see cref="SearchService.Page{T}"/>), so every sort walks (value, id) without OFFSET.
/// </summary>
public sealed class CompanyList(LeadwerkDbContext db, SearchService search)
{
    /// <summary>The list as the API gives it: whole companies, in the order and pages of the grid.</summary>
    public async Task<CompanyListPage> Page(CompanyListQuery query, int? limit, string? cursor, bool count)
    {
        var page = await Grid(query, ["company.name"], limit, cursor, count);
        var ids = page.Items.Select(i => (int)i["id"]!).ToList();
        var rows = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new CompanyRow(c, c.Category, c.Owner == null ? null : c.Owner.DisplayName)).ToListAsync();
        var byId = rows.ToDictionary(r => r.Company.Id);
        return new CompanyListPage(ids.Select(id => byId[id].ToDto()).ToList(), page.NextCursor, page.Count);
    }

    /// <summary>The list as the page's grid shows it: the chosen columns of each company.</summary>
    public async Task<SearchResult> Grid(CompanyListQuery query, IReadOnlyList<string> columns, int? limit, string? cursor, bool count) =>
        await search.Page(Entities.Company, await Filtered(query), columns, SortKey(query.Sort), limit, cursor, count);

    /// <summary>The field key to sort on ("-country" → "-company.country"); 400 for anything the list cannot sort by.</summary>
    public static string? SortKey(string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return null;
        }

        var text = sort.Trim();
        var name = text.TrimStart('-');
        var field = SearchFields.Find($"company.{name}");
        if (name.Length == 0 || name.Contains('.', StringComparison.Ordinal) || field is null || !field.AppliesTo(Entities.Company)
            || field.CriterionOnly || field.Hidden)
        {
            throw Unknown("sort", L.T($"Cannot sort companies by “{sort}”; use name, category, owner, country or createdAt.",
                $"Kan bedrijven niet sorteren op “{sort}”; gebruik name, category, owner, country of createdAt."));
        }

        return (text.StartsWith('-') ? "-" : "") + field.Key;
    }

    /// <summary>The sort as the list's address and the API write it, from a grid's field key.</summary>
    public static string? SortName(string? key) => key?.Replace("company.", "", StringComparison.Ordinal);

    private async Task<IQueryable<Company>> Filtered(CompanyListQuery q)
    {
        var query = db.Companies.AsQueryable();
        if (Validation.Clean(q.Search) is { } term)
        {
            var key = TextKey.Of(term);
            var t = term.ToLower();
            query = query.Where(c => c.NameKey.Contains(key) || (c.Email != null && c.Email.ToLower().Contains(t))
                || (c.OrgNumber != null && c.OrgNumber.ToLower().Contains(t)));
        }

        if (Validation.Clean(q.Category) is { } category)
        {
            var id = int.TryParse(category, out var parsed) && await db.Categories.AnyAsync(c => c.Id == parsed) ? parsed
                : throw Unknown("category", L.T($"There is no category “{category}”.", $"Er is geen categorie “{category}”."));
            query = query.Where(c => c.CategoryId == id);
        }

        if (Validation.Clean(q.CategoryGroup) is { } groupKey)
        {
            var group = CategoryGroups.FromKey(groupKey) ?? throw Unknown("categoryGroup", L.T(
                $"There is no category group “{groupKey}”; use {string.Join(", ", CategoryGroups.All.Select(g => g.Key()))}.",
                $"Er is geen categoriegroep “{groupKey}”; gebruik {string.Join(", ", CategoryGroups.All.Select(g => g.Key()))}."));
            query = query.Where(c => c.Category.Group == group);
        }

        if (Validation.Clean(q.Owner) is { } owner)
        {
            var id = int.TryParse(owner, out var parsed) && await db.Users.AnyAsync(u => u.Id == parsed) ? parsed
                : throw Unknown("owner", L.T($"There is no user “{owner}”.", $"Er is geen gebruiker “{owner}”."));
            query = query.Where(c => c.OwnerId == id);
        }

        if (Validation.Clean(q.Country) is { } country)
        {
            query = query.Where(c => c.Country == country);
        }

        return query;
    }

    private static DomainException Unknown(string field, string message) => new(400, ErrorCodes.MalformedRequest, message, field);
}
