using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Sales;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Search;

/// <summary>
/// The one criteria engine (B6): Find, selections, the Contacts tab, and later board, bulk update
/// and export run their queries here. One SQL query per page, keyset paging on any sort column.
/// </summary>
public sealed partial class SearchService(LeadwerkDbContext db, CriteriaCompiler compiler, LookupCache lookups, IConfiguration config,
    Licensing.LicenceState licence)
{
    private Lookups? _lookups;

    private sealed record Position(bool N, string? V, int I);

    public async Task<SearchResult> Search(SearchRequest request, int? userId)
    {
        var criteria = request.Criteria ?? throw DomainException.Invalid("criteria", L.T("Criteria are required.", "Criteria zijn verplicht."));
        var entity = CriteriaCompiler.Validate(criteria);
        return entity == Entities.Person
            ? await Page(entity, Persons(criteria, userId), request.Columns, request.Sort, request.Limit, request.Cursor, request.Count)
            : await Page(entity, Companies(criteria, userId), request.Columns, request.Sort, request.Limit, request.Cursor, request.Count);
    }

    public async Task<int> Count(Criteria criteria, int? userId) =>
        CriteriaCompiler.Validate(criteria) == Entities.Person
            ? await Persons(criteria, userId).CountAsync()
            : await Companies(criteria, userId).CountAsync();

    public IQueryable<Person> Persons(Criteria criteria, int? userId) => db.Persons.Where(compiler.Compile<Person>(criteria, userId, new CriteriaSources(History, db.Categories)));

    /// <summary>The history of this search's context, for as-of selectors outside criteria (dashboard groups).</summary>
    /// <summary>The history as figures about the past read it: a run's change and its undo left out (<see cref="Leads.LeadStatusChange.Reverted"/>).</summary>
    internal IQueryable<Leads.LeadStatusChange> History => db.LeadStatusChanges.Where(h => !h.Reverted);

    public IQueryable<Company> Companies(Criteria criteria, int? userId) => db.Companies.Where(compiler.Compile<Company>(criteria, userId));

    /// <summary>Pages any person or company query with the requested columns and sort.</summary>
    public async Task<SearchResult> Page<T>(string entity, IQueryable<T> query, IReadOnlyList<string>? columns, string? sort, int? limit,
        string? cursor, bool count) where T : class
    {
        var take = Cursor.Limit(limit);
        var shown = CheckColumns(entity, columns);
        var (field, descending) = CheckSort(entity, sort);
        foreach (var gated in shown.Append(field.Key).Select(SearchFields.Find).Select(f => f!.Feature).OfType<string>().Distinct())
        {
            licence.Require(gated);
        }
        var total = count ? await query.CountAsync() : (int?)null;
        var key = field.SortOn(entity)!;
        // A count is a plain int: it has no null to order last.
        var nullable = !field.NeverNullOn.Contains(entity) && (!key.ReturnType.IsValueType || Nullable.GetUnderlyingType(key.ReturnType) is not null);
        var after = Cursor.Decode<Position>(cursor);
        IEnumerable<IQueryable<T>> parts = await ByValue(query, entity, field, descending, after) ?? (nullable
            ? Split(query, key, descending, after)
            : [From(query, key, key, descending, false, after)]);

        var lists = await Lookups();
        // The parts are read in turn until the page (and one row to know there is more) is full; later parts are never built.
        async Task<List<Hit<TRow>>> Read<TRow>(IEnumerable<IQueryable<T>> rows, Expression<Func<T, TRow>> row)
        {
            var hits = new List<Hit<TRow>>();
            foreach (var part in rows)
            {
                hits.AddRange(await Project(part, row, key).Take(take + 1 - hits.Count).ToListAsync());
                if (hits.Count > take)
                {
                    break;
                }
            }

            return hits;
        }

        async Task<(List<Dictionary<string, object?>> Items, string? Next, bool Full)> Fetch(IEnumerable<IQueryable<T>> rows)
        {
            if (typeof(T) == typeof(Person))
            {
                var hits = await Read(rows, (Expression<Func<T, PersonRow>>)(object)SearchColumns.PersonRowFor(shown));
                var (items, next) = Items(hits, take, h => h.Row.Id, h => Row(h.Row, shown, lists));
                await FillTouches(items, [.. hits.Take(take).Select(h => (h.Row.Id, h.Row.CompanyId))], shown, Entities.Person);
                return (items, next, hits.Count > take);
            }
            else
            {
                var hits = await Read(rows, (Expression<Func<T, CompanyRow>>)(object)SearchColumns.CompanyRowFor(shown));
                var (items, next) = Items(hits, take, h => h.Row.Id, h => Row(h.Row, shown, lists));
                await FillTouches(items, [.. hits.Take(take).Select(h => (h.Row.Id, (int?)h.Row.Id))], shown, Entities.Company);
                return (items, next, hits.Count > take);
            }
        }

        // A cursor among the nulls reads them by id: nothing to probe there.
        if (after is not { N: true } && Probe(query, entity, field, key, descending, after, nullable) is { } window)
        {
            if (await Fetch([Order(window, key, descending, nullable: false)]) is { Full: true } probed)
            {
                return new SearchResult(probed.Items, probed.Next, total);
            }

            var scanFirst = ScanFirst(query.Expression);
            var matches = scanFirst ? query.Provider.CreateQuery<T>(EmailTrigrams.Use(query.Expression, db)) : query;
            // Fewer than a page in the first rows of the sort's order: the criteria are selective, so a nullable key's
            // values are found first and then sorted (the planner, shown a LIMIT, would walk the sort index instead).
            if (nullable)
            {
                parts = Split(matches, key, descending, after, Unindexed(key));
            }
            else if (scanFirst)
            {
                parts = [From(matches, Unindexed(key), key, descending, nullable, after)];
            }
        }

        var (found, following, _) = await Fetch(parts);
        return new SearchResult(found, following, total);
    }

    /// <summary>Counts per value of a list field over the whole query (one GROUP BY), not just a page.</summary>
    public async Task<List<GroupCount>> Groups(IQueryable<Person> query, string fieldKey)
    {
        var field = SearchFields.Find(fieldKey);
        if (field is not { Type: FieldType.List, CriterionOnly: false } || !field.AppliesTo(Entities.Person))
        {
            throw DomainException.Invalid("groupBy", L.T($"Cannot group by “{fieldKey}”; pick a list column.",
                $"Kan niet groeperen op “{fieldKey}”; kies een lijstkolom."));
        }

        var selector = (Expression<Func<Person, int?>>)field.OnPerson!;
        var counts = await query.GroupBy(selector).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        // R6: a lead status group counts its kept values apart, as the board's columns do.
        var kept = field.Key == "person.leadStatus"
            ? await query.Where(Leads.LeadRules.KeptStatus).GroupBy(selector).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key ?? 0, g => g.Count)
            : [];
        var names = await ListValues(field.Source!.Value, counts.Select(c => c.Key).OfType<int>().ToList());
        return counts
            .Select(c => c.Key is { } k && names.TryGetValue(k, out var v)
                ? (Order: v.Order, Group: new GroupCount(v.Id, v.Name, c.Count, v.Deleted) { Kept = kept.GetValueOrDefault(k) })
                : (Order: int.MaxValue, Group: new GroupCount(null, L.T("(none)", "(geen)"), c.Count, false)))
            .OrderBy(g => g.Order).ThenBy(g => g.Group.Name).Select(g => g.Group).ToList();
    }

    /// <summary>The fields of an entity with their operators and list values, for clients that build criteria.</summary>
    public async Task<List<FieldDescription>> Fields(string? entity)
    {
        if (!Entities.IsKnown(entity))
        {
            throw DomainException.Invalid("entity", L.T("entity must be person or company.", "entity moet person of company zijn."));
        }

        var result = new List<FieldDescription>();
        foreach (var field in SearchFields.For(entity!).Where(f => !f.Hidden))
        {
            IReadOnlyList<ListValue>? values = null;
            if (field.Type == FieldType.List)
            {
                values = (await ListValues(field.Source!.Value, null)).Values.OrderBy(v => v.Order)
                    .Select(v => new ListValue(v.Id, v.Name, v.Deleted)).ToList();
            }

            // A field of a higher edition stays offered, named with the edition it needs (F13: gated UI says so).
            var label = field.Feature is { } feature && !licence.Holds(feature)
                ? $"{field.Label()} ({Licensing.Editions.Name(Licensing.Features.RequiredEdition(feature))})" : field.Label();
            result.Add(new FieldDescription(field.Key, label, field.Type.ToString().ToLowerInvariant(), field.Operators, values, !field.CriterionOnly));
        }

        return result;
    }

    /// <summary>Names for list ids, shared by all requests until a list changes (<see cref="LookupCache"/>).</summary>
    internal async Task<Lookups> Lookups() => _lookups ??= await lookups.Get(db);

    internal async Task<Dictionary<int, (string Id, string Name, bool Deleted, int Order)>> ListValues(ListSource source, List<int>? ids)
    {
        switch (source)
        {
            case ListSource.LeadStatus:
                return (await db.LeadStatuses.AsNoTracking().ToListAsync()).ToDictionary(s => s.Id, s => (s.Id.ToString(), s.Name, s.Deleted, s.Rank));
            case ListSource.Category:
                return (await db.Categories.AsNoTracking().ToListAsync()).ToDictionary(c => c.Id, c => (c.Id.ToString(), c.Name, c.Deleted, c.Rank));
            case ListSource.CategoryGroup:
                return CategoryGroups.All.ToDictionary(g => (int)g, g => (g.Key(), g.DisplayName(), false, (int)g));
            case ListSource.SaleStatus:
                return SaleRules.Statuses.ToDictionary(x => (int)x, x => (x.Key(), x.DisplayName(), false, (int)x));
            case ListSource.Channel:
                return Attribution.Channels.All.Select((c, i) => (c, i)).ToDictionary(x => x.i + 1, x => (x.c, Attribution.Channels.Name(x.c), false, x.i));
            case ListSource.Form:
                var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync();
                return forms.Select((f, i) => (f, i)).ToDictionary(x => x.f.Id, x => (x.f.Id.ToString(), x.f.Name, false, x.i));
            case ListSource.YesNo:
                return new() { [1] = ("true", L.T("Yes", "Ja"), false, 0), [0] = ("false", L.T("No", "Nee"), false, 1) };
            case ListSource.InUse:
                return new() { [1] = ("true", L.T("In use", "In gebruik"), false, 0), [0] = ("false", L.T("Not in use", "Niet in gebruik"), false, 1) };
            case ListSource.User:
                var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
                return users.Select((u, i) => (u, i)).ToDictionary(x => x.u.Id, x => (x.u.Id.ToString(), x.u.DisplayName, x.u.Disabled, x.i));
            default:
                // Companies are too many to list; only the ones asked for.
                var wanted = ids ?? [];
                var companies = await db.Companies.AsNoTracking().Where(c => wanted.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync();
                return companies.Select((c, i) => (c, i)).ToDictionary(x => x.c.Id, x => (x.c.Id.ToString(), x.c.Name, false, x.i));
        }
    }

    public static List<string> CheckColumns(string entity, IReadOnlyList<string>? columns)
    {
        var wanted = columns is { Count: > 0 } ? columns : SearchFields.DefaultColumns(entity);
        var v = new Validation();
        var result = new List<string>();
        foreach (var column in wanted)
        {
            var field = SearchFields.Find(column);
            if (field is null || !field.AppliesTo(entity) || field.CriterionOnly)
            {
                v.Add("columns", L.T($"Unknown column “{column}”.", $"Onbekende kolom “{column}”."));
            }
            else
            {
                result.Add(field.Key);
            }
        }

        v.ThrowIfInvalid();
        return result;
    }

    private static (SearchField Field, bool Descending) CheckSort(string entity, string? sort)
    {
        var text = string.IsNullOrWhiteSpace(sort) ? SearchFields.DefaultSort(entity) : sort.Trim();
        var descending = text.StartsWith('-');
        var field = SearchFields.Find(text.TrimStart('-', '+'));
        if (field is null || !field.AppliesTo(entity) || field.CriterionOnly)
        {
            throw DomainException.Invalid("sort", L.T($"Cannot sort by “{sort}”.", $"Kan niet sorteren op “{sort}”."));
        }

        return (field, descending);
    }

    private static IQueryable<Hit<TRow>> Project<T, TRow>(IQueryable<T> query, Expression<Func<T, TRow>> row, LambdaExpression key)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var body = Expression.MemberInit(Expression.New(typeof(Hit<TRow>)),
            Expression.Bind(typeof(Hit<TRow>).GetProperty(nameof(Hit<TRow>.Row))!, CriteriaCompiler.Inline(row, x)),
            Expression.Bind(typeof(Hit<TRow>).GetProperty(nameof(Hit<TRow>.Key))!, Expression.Convert(CriteriaCompiler.Inline(key, x), typeof(object))));
        return query.Select(Expression.Lambda<Func<T, Hit<TRow>>>(body, x));
    }

    private static (List<Dictionary<string, object?>>, string?) Items<TRow>(List<Hit<TRow>> hits, int take, Func<Hit<TRow>, int> id,
        Func<Hit<TRow>, Dictionary<string, object?>> map)
    {
        var page = hits.Take(take).ToList();
        var next = hits.Count > take ? Cursor.Encode(new Position(page[^1].Key is null, EncodeKey(page[^1].Key), id(page[^1]))) : null;
        return (page.Select(map).ToList(), next);
    }

    private static Dictionary<string, object?> Row(PersonRow row, List<string> columns, Lookups lists)
    {
        var item = new Dictionary<string, object?> { ["id"] = row.Id };
        foreach (var column in columns)
        {
            item[column] = SearchColumns.Value(row, column, lists);
            if (SearchColumns.Id(row, column) is { } listId)
            {
                item[listId.Key] = listId.Id;
            }

            if (column == "person.leadStatus")
            {
                // Whether the status is in use or kept (R6); null without a status.
                item["person.leadStatusActive"] = row.LeadStatusId is null ? null : lists.InUse(row.CategoryId);
            }
        }

        return item;
    }

    private static Dictionary<string, object?> Row(CompanyRow row, List<string> columns, Lookups lists)
    {
        var item = new Dictionary<string, object?> { ["id"] = row.Id };
        foreach (var column in columns)
        {
            item[column] = SearchColumns.Value(row, column, lists);
            if (SearchColumns.Id(row, column) is { } listId)
            {
                item[listId.Key] = listId.Id;
            }
        }

        return item;
    }
}
