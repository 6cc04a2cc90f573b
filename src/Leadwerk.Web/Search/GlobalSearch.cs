using System.Linq.Expressions;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Selections;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Search;

/// <summary>One result of the app bar's search: what it is called, a line that tells it apart, and where it opens.</summary>
public sealed record GlobalHit(int Id, string Title, string? Subtitle, string Url);

public sealed record GlobalResults(IReadOnlyList<GlobalHit> Persons, IReadOnlyList<GlobalHit> Companies, IReadOnlyList<GlobalHit> Selections);

/// <summary>
/// The app bar's search (GET /api/search/global): persons by last name, "first last" or e-mail, companies
/// by name or org. number, each a prefix range on an indexed folded key, so it answers at once at a
/// million persons (never a "contains" scan). Selections (few) by any part of the name, own and shared only.
/// </summary>
public sealed class GlobalSearch(LeadwerkDbContext db)
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 20;
    public const int MaxLength = 100;
    private const int FullNameWindow = 1000;

    public async Task<GlobalResults> Find(string? q, int? limit, int userId)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            throw new DomainException(400, ErrorCodes.MalformedRequest,
                L.T($"limit must be between 1 and {MaxLimit}.", $"limit moet tussen 1 en {MaxLimit} liggen."), "limit");
        }

        var text = Validation.Clean(q);
        if (text is null)
        {
            return new GlobalResults([], [], []);
        }

        if (text.Length > MaxLength)
        {
            throw new DomainException(400, ErrorCodes.MalformedRequest,
                L.T($"Search for at most {MaxLength} characters.", $"Zoek op hoogstens {MaxLength} tekens."), "q");
        }

        var key = TextKey.Of(text);
        return new GlobalResults(await Persons(key, take), await Companies(text, key, take), await Selections(key, take, userId));
    }

    private async Task<List<GlobalHit>> Persons(string key, int take)
    {
        var persons = db.Persons.AsNoTracking();
        var byLastName = Prefix<Person>(p => p.LastNameKey, key) is { } lastName
            ? await PersonHits(persons.Where(lastName).OrderBy(p => p.LastNameKey).ThenBy(p => p.Id), take) : [];
        // In the e-mail index's own order, so the first rows of the range end the walk.
        var byEmail = Prefix<Person>(p => p.EmailKey, key) is { } email
            ? await PersonHits(persons.Where(email).OrderBy(p => p.EmailKey).ThenBy(p => p.Id), take) : [];
        var byFullName = new List<GlobalHit>();
        // "jan de vries": the first word starts the first name, the rest the last name. The first name has
        // no index, so only the first FullNameWindow persons of the last-name range are looked at: a rare
        // first name under a very common last name may be missed, but the answer never scans.
        if (key.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space && key[(space + 1)..].Trim() is { Length: > 0 } rest
            && Prefix<Person>(p => p.LastNameKey, rest) is { } restRange)
        {
            var first = key[..space];
            var window = persons.Where(restRange).OrderBy(p => p.LastNameKey).ThenBy(p => p.Id).Take(FullNameWindow);
            byFullName = await PersonHits(window.Where(p => p.FirstNameKey.StartsWith(first)).OrderBy(p => p.LastNameKey).ThenBy(p => p.Id), take);
        }

        return byFullName.Concat(byLastName).Concat(byEmail).DistinctBy(h => h.Id).Take(take).ToList();
    }

    private static async Task<List<GlobalHit>> PersonHits(IQueryable<Person> ordered, int take)
    {
        var rows = await ordered.Take(take)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Email, Company = p.Company == null ? null : p.Company.Name }).ToListAsync();
        return rows.Select(p => new GlobalHit(p.Id, $"{p.FirstName} {p.LastName}".Trim(), Subtitle(p.Company, p.Email), $"/persons/{p.Id}")).ToList();
    }

    private async Task<List<GlobalHit>> Companies(string text, string key, int take)
    {
        var hits = new List<GlobalHit>();
        var companies = db.Companies.AsNoTracking();
        // Each in its index's own order, so the walk ends after the first rows of the range.
        var ranges = new[]
        {
            Prefix<Company>(c => c.NameKey, key) is { } name ? companies.Where(name).OrderBy(c => c.NameKey).ThenBy(c => c.Id) : null,
            Prefix<Company>(c => c.OrgNumber, text) is { } org ? companies.Where(org).OrderBy(c => c.OrgNumber).ThenBy(c => c.Id) : null,
        };
        foreach (var ordered in ranges.OfType<IQueryable<Company>>())
        {
            var rows = await ordered.Take(take)
                .Select(c => new { c.Id, c.Name, Category = c.Category.Name, c.Country, c.OrgNumber }).ToListAsync();
            hits.AddRange(rows.Select(c => new GlobalHit(c.Id, c.Name, Subtitle(c.Category, c.Country, c.OrgNumber), $"/companies/{c.Id}")));
        }

        return hits.DistinctBy(h => h.Id).Take(take).ToList();
    }

    private async Task<List<GlobalHit>> Selections(string key, int take, int userId)
    {
        var rows = await db.Selections.AsNoTracking()
            .Where(s => s.OwnerId == userId || s.Visibility == Visibility.Everyone)
            .Where(s => s.Name.ToLower().Contains(key))
            .OrderBy(s => s.Name).ThenBy(s => s.Id).Take(take)
            .Select(s => new { s.Id, s.Name, s.Entity, Owner = s.Owner.DisplayName }).ToListAsync();
        return rows.Select(s => new GlobalHit(s.Id, s.Name,
            Subtitle(s.Entity == Entities.Company ? L.T("Companies", "Bedrijven") : L.T("Persons", "Personen"), s.Owner), $"/selections/{s.Id}")).ToList();
    }

    /// <summary>
    /// "starts with" as an index range [prefix, end) on the key, with LIKE as the exact check (the range
    /// is ordinal, a provider's collation may not be); null when the prefix has no end to range to.
    /// </summary>
    private static Expression<Func<T, bool>>? Prefix<T>(Expression<Func<T, string?>> column, string prefix)
    {
        if (TextKey.PrefixEnd(prefix) is not { } end)
        {
            return null;
        }

        var x = column.Parameters[0];
        var value = column.Body;
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        Expression Bound(ExpressionType type, string bound) =>
            Expression.MakeBinary(type, Expression.Call(compare, value, CriteriaCompiler.Parameter(bound)), Expression.Constant(0));
        var starts = Expression.Call(value, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, CriteriaCompiler.Parameter(prefix));
        var body = Expression.AndAlso(Expression.NotEqual(value, Expression.Constant(null, typeof(string))),
            Expression.AndAlso(Expression.AndAlso(Bound(ExpressionType.GreaterThanOrEqual, prefix), Bound(ExpressionType.LessThan, end)), starts));
        return Expression.Lambda<Func<T, bool>>(body, x);
    }

    private static string? Subtitle(params string?[] parts) =>
        string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } text ? text : null;
}
