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
/// The app bar's search (GET /api/search/global): persons by last name, "first last", e-mail or phone,
/// companies by name, org. number, e-mail or phone, each a prefix range on an indexed folded key (phone:
/// its digits, <see cref="PhoneKey"/>), so it answers at once at a million persons (never a "contains"
/// scan). Selections (few) by any part of the name, own and shared only.
/// </summary>
public sealed class GlobalSearch(LeadwerkDbContext db)
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 20;
    public const int MaxLength = 100;
    /// <summary>"jan willem de vries" splits after "jan", "jan willem" and "jan willem de": enough for first names.</summary>
    private const int MaxFirstNameWords = 3;

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
        return new GlobalResults(await Persons(text, key, take), await Companies(text, key, take), await Selections(key, take, userId));
    }

    private async Task<List<GlobalHit>> Persons(string text, string key, int take)
    {
        var persons = db.Persons.AsNoTracking();
        var hits = new List<GlobalHit>();
        // "jan de vries" and "jan willem de vries": the first words start the first name, the rest the
        // last name. Both are ranges of the (LastNameKey, FirstNameKey, Id) index, so every such person
        // is found however common the last name, without reading the rows the ranges pass over.
        foreach (var (first, last) in NameSplits(key))
        {
            if (Prefix<Person>(p => p.LastNameKey, last) is { } lastName && Prefix<Person>(p => p.FirstNameKey, first) is { } firstName)
            {
                hits.AddRange(await PersonHits(persons.Where(lastName).Where(firstName)
                    .OrderBy(p => p.LastNameKey).ThenBy(p => p.FirstNameKey).ThenBy(p => p.Id), take, byPhone: false));
            }
        }

        if (Prefix<Person>(p => p.LastNameKey, key) is { } byLastName)
        {
            hits.AddRange(await PersonHits(persons.Where(byLastName).OrderBy(p => p.LastNameKey).ThenBy(p => p.Id), take, byPhone: false));
        }

        // Each in its index's own order, so the first rows of the range end the walk.
        if (Prefix<Person>(p => p.EmailKey, key) is { } byEmail)
        {
            hits.AddRange(await PersonHits(persons.Where(byEmail).OrderBy(p => p.EmailKey).ThenBy(p => p.Id), take, byPhone: false));
        }

        foreach (var phone in PhoneKey.Searches(text))
        {
            if (Prefix<Person>(p => p.PhoneKey, phone) is { } byPhone)
            {
                hits.AddRange(await PersonHits(persons.Where(byPhone).OrderBy(p => p.PhoneKey).ThenBy(p => p.Id), take, byPhone: true));
            }
        }

        return hits.DistinctBy(h => h.Id).Take(take).ToList();
    }

    /// <summary>Where a typed name may divide into first and last name: after each of its first few words.</summary>
    private static IEnumerable<(string First, string Last)> NameSplits(string key)
    {
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < Math.Min(words.Length, MaxFirstNameWords + 1); i++)
        {
            yield return (string.Join(' ', words[..i]), string.Join(' ', words[i..]));
        }
    }

    private static async Task<List<GlobalHit>> PersonHits(IQueryable<Person> ordered, int take, bool byPhone)
    {
        var rows = await ordered.Take(take)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Email, p.Phone, Company = p.Company == null ? null : p.Company.Name }).ToListAsync();
        // Found by its number, a person shows the number: the line that tells two namesakes apart here.
        return rows.Select(p => new GlobalHit(p.Id, $"{p.FirstName} {p.LastName}".Trim(), Subtitle(p.Company, byPhone ? p.Phone : p.Email),
            $"/persons/{p.Id}")).ToList();
    }

    private async Task<List<GlobalHit>> Companies(string text, string key, int take)
    {
        var hits = new List<GlobalHit>();
        var companies = db.Companies.AsNoTracking();
        // Each in its index's own order, so the walk ends after the first rows of the range.
        IEnumerable<IQueryable<Company>?> ranges =
        [
            Prefix<Company>(c => c.NameKey, key) is { } name ? companies.Where(name).OrderBy(c => c.NameKey).ThenBy(c => c.Id) : null,
            Prefix<Company>(c => c.OrgNumber, text) is { } org ? companies.Where(org).OrderBy(c => c.OrgNumber).ThenBy(c => c.Id) : null,
            Prefix<Company>(c => c.EmailKey, key) is { } email ? companies.Where(email).OrderBy(c => c.EmailKey).ThenBy(c => c.Id) : null,
            .. PhoneKey.Searches(text).Select(phone =>
                Prefix<Company>(c => c.PhoneKey, phone) is { } range ? companies.Where(range).OrderBy(c => c.PhoneKey).ThenBy(c => c.Id) : null),
        ];
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
