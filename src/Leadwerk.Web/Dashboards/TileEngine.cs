using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// Computes a tile (F8). Every figure is a count (or a measure) over the persons its criteria find,
/// and every figure carries the criteria of exactly those persons (B6), so a drill-down through
/// POST /api/search finds the same number: the tile counts with the very criteria it hands out.
/// Figures about the past come from the lead status history (B1), never from current values.
/// </summary>
public sealed partial class TileEngine(LeadwerkDbContext db, SearchService search, SelectionService selections, TimeProvider time,
    Licensing.LicenceState licence)
{
    public async Task<TileData> Run(TileSpec tile, DashboardFilters filters, string defaultPeriod, Actor actor)
    {
        var v = new Validation();
        TileCheck.Check(v, tile, "tile.");
        CheckFilters(v, filters);
        v.ThrowIfInvalid();
        // Fields a tile groups or periods by are a channel of their own (criteria gate in the compiler).
        foreach (var feature in (tile.GroupBy ?? []).Select(g => g.Field).Append(tile.Period?.Field)
            .Select(SearchFields.Find).Select(f => f?.Feature).OfType<string>().Distinct())
        {
            licence.Require(feature);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var asOfEnd = TilePeriods.ParseDay(filters.AsOf)?.AddDays(1);
        var today = asOfEnd?.AddDays(-1) ?? now.Date;
        var criteria = WithFilters(await Dataset(tile.Dataset, actor), filters, actor);
        var preset = filters.Period ?? tile.Period?.Preset ?? defaultPeriod;
        var period = tile.Period is { Field: not null } p ? TilePeriods.Resolve(preset, p.From, p.To, today) : null;
        var query = new TileQuery(tile, criteria, period, asOfEnd, now, actor.UserId);

        await using var snapshot = await Snapshot();
        var data = await Compute(query);
        var comparison = tile.Compare == "previousPeriod" ? await Compare(query, preset, today) : null;
        return data with
        {
            ComputedAt = now,
            AsOf = filters.AsOf is null ? null : DayRange.Day(today),
            Comparison = comparison,
            Definition = Definition(query, await search.Fields(Entities.Person)),
        };
    }

    /// <summary>
    /// On PostgreSQL a tile's queries read one snapshot (its figures and its total agree) without
    /// parallel workers: a dashboard asks for all its tiles at once, and workers per query then only
    /// compete for the same cores (the seeded page at 1M persons: p50 0.79 s with them, 0.65 s without;
    /// docs/performance.md). SQLite reads in one process and has neither.
    /// </summary>
    private async Task<IAsyncDisposable?> Snapshot()
    {
        if (!db.IsPostgres)
        {
            return null;
        }

        var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0");
        return transaction;
    }

    private Task<TileData> Compute(TileQuery query) => query.Tile switch
    {
        { Chart: Charts.Funnel } => Funnel(query),
        { Chart: Charts.List } => List(query),
        { Measure.Field: TileCheck.DaysInStatus } => DaysInStatus(query),
        { Measure.Field: TileCheck.DaysToFirstChange } => SpeedToLead(query),
        _ => Count(query),
    };

    /// <summary>
    /// The same tile a period earlier: a period tile over the period before, a snapshot tile as of
    /// as many days earlier as the dashboard's period is long ("vs 30 days ago").
    /// </summary>
    private async Task<TileComparison> Compare(TileQuery query, string preset, DateTime today)
    {
        if (query.Period is { } period)
        {
            var before = await Compute(query with { Period = period.Previous });
            return new TileComparison(L.T($"Previous period ({period.Previous.Describe()})", $"Vorige periode ({period.Previous.Describe()})"),
                before.Total, before.Series);
        }

        var days = TilePeriods.Resolve(preset, null, null, today)?.Days ?? 30;
        var end = today.AddDays(1 - days);
        var then = await Compute(query with { AsOfEnd = end });
        return new TileComparison(L.T($"{days} days earlier ({DayRange.Day(end.AddDays(-1))})", $"{days} dagen eerder ({DayRange.Day(end.AddDays(-1))})"),
            then.Total, then.Series);
    }

    private async Task<Criteria> Dataset(TileDataset? dataset, Actor actor)
    {
        if (dataset?.SelectionId is { } id)
        {
            var selection = await selections.Visible(id, actor);
            if (selection.Entity != Entities.Person || selection.Kind != SelectionKind.Dynamic)
            {
                throw DomainException.Invalid("tile.dataset.selectionId", L.T(
                    "A tile follows a dynamic selection of persons (its criteria); a static list of members cannot be drilled into yet.",
                    "Een tegel volgt een dynamische selectie van personen (haar criteria); op een vaste ledenlijst kan nog niet worden doorgeklikt."));
            }

            return SelectionService.CriteriaOf(selection)!;
        }

        return dataset?.Criteria ?? new Criteria(Entities.Person, []);
    }

    private static void CheckFilters(Validation v, DashboardFilters f)
    {
        if (f.Owner is not (null or "me" or "unassigned") && !int.TryParse(f.Owner, out _))
        {
            v.Add("owner", L.T("owner must be me, unassigned or a user id.", "owner moet me, unassigned of een gebruikers-id zijn."));
        }

        if (f.CategoryGroup is not null && Lists.CategoryGroups.FromKey(f.CategoryGroup) is null)
        {
            v.Add("categoryGroup", L.T("categoryGroup must be a category group such as potentialCustomer.",
                "categoryGroup moet een categoriegroep zijn, zoals potentialCustomer."));
        }

        if (f.Period is not null && (!PeriodPresets.All.Contains(f.Period) || f.Period == PeriodPresets.Custom))
        {
            v.Add("period", L.T("period must be a preset such as last30d.", "period moet een voorinstelling zijn, zoals last30d."));
        }

        if (f.AsOf is not null && TilePeriods.ParseDay(f.AsOf) is null)
        {
            v.Add("asOf", L.T("asOf must be a date (yyyy-mm-dd).", "asOf moet een datum zijn (jjjj-mm-dd)."));
        }

        if (f.Country is { Length: > CriteriaLimits.TextLength })
        {
            v.Add("country", L.T("country is too long.", "country is te lang."));
        }
    }

    /// <summary>The dashboard's quick filters are criteria lines too, so a drill-down carries them.</summary>
    private static Criteria WithFilters(Criteria criteria, DashboardFilters f, Actor actor)
    {
        var lines = new List<CriteriaLine>();
        if (f.Owner == "unassigned")
        {
            lines.Add(CriteriaLine.Of("person.owner", Operators.IsEmpty));
        }
        else if (f.Owner is not null)
        {
            lines.Add(CriteriaLine.Of("person.owner", Operators.OneOf, f.Owner == "me" ? actor.UserId ?? 0 : int.Parse(f.Owner)));
        }

        if (f.CategoryId is { } category)
        {
            lines.Add(CriteriaLine.Of("person.category", Operators.OneOf, category));
        }

        if (f.CategoryGroup is { } group)
        {
            lines.Add(CriteriaLine.Of("person.categoryGroup", Operators.OneOf, group));
        }

        if (!string.IsNullOrWhiteSpace(f.Country))
        {
            lines.Add(CriteriaLine.Of("company.country", Operators.EqualTo, f.Country.Trim()));
        }

        return lines.Count == 0 ? criteria : criteria.And([.. lines]);
    }

    private static CriteriaLine? PeriodLine(TileQuery query) => query.Period is { } period && query.Tile.Period?.Field is { } field
        ? CriteriaLine.Of(field, Operators.Between, period.FromText, period.LastDayText) : null;

    /// <summary>The criteria of the tile's persons, period included.</summary>
    private static Criteria Scope(TileQuery query, params CriteriaLine[] more)
    {
        var lines = new List<CriteriaLine>();
        if (PeriodLine(query) is { } period)
        {
            lines.Add(period);
        }

        lines.AddRange(more);
        return query.With([.. lines.Select(query.AsOf)]);
    }

    private IQueryable<Persons.Person> Persons(Criteria criteria, TileQuery query) => search.Persons(AsOfAll(criteria, query), query.UserId);

    /// <summary>As of a day, every line about a field with a history asks about that day.</summary>
    private static Criteria AsOfAll(Criteria criteria, TileQuery query) => query.AsOfEnd is null || query.Period is not null ? criteria
        : criteria with { Sets = criteria.Sets?.Select(s => new CriteriaSet(s.Lines?.Select(query.AsOf).ToList())).ToList() };

    private static string Definition(TileQuery query, IReadOnlyList<FieldDescription> fields)
    {
        var criteria = AsOfAll(Scope(query), query);
        var sets = CriteriaText.Sets(criteria, fields);
        var who = sets.Count == 0 ? L.T("All persons", "Alle personen") : string.Join($" {CriteriaText.Or} ", sets.Select(s => sets.Count > 1 ? $"({s})" : s));
        var measure = query.Tile.Measure switch
        {
            { Field: TileCheck.DaysInStatus } m => L.T($"{m.Fn} of days in status per stay", $"{m.Fn} van dagen in status per verblijf"),
            { Field: TileCheck.DaysToFirstChange } m => L.T($"{m.Fn} of days from becoming a lead to the first status change",
                $"{m.Fn} van dagen van lead worden tot de eerste statuswijziging"),
            _ => L.T("count of persons", "aantal personen"),
        };
        string Name(TileGroupBy x) => (SearchFields.Find(x.Field)?.Label() ?? x.Field) + (x.Bucket is null ? "" : $" ({x.Bucket})");
        var groups = query.Tile.GroupBy is { Count: > 0 } g
            ? L.T($"; grouped by {string.Join(", ", g.Select(Name))}", $"; gegroepeerd op {string.Join(", ", g.Select(Name))}")
            : "";
        var period = query.Period is { } p ? L.T($"; period {p.Describe()}", $"; periode {p.Describe()}") : "";
        return $"{who}. {measure}{groups}{period}.";
    }
}
