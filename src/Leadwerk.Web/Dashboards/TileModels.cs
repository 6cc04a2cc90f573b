using System.Text.Json.Serialization;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// One tile of a dashboard, as the API takes and gives it. A tile counts (or measures) the persons
/// of its dataset, optionally within a period on a date field, grouped by up to two fields.
/// </summary>
public sealed record TileSpec
{
    /// <summary>Stable within its dashboard; given by the server when absent.</summary>
    public string? Id { get; init; }
    public string? Title { get; init; }
    public LocalizedText? Titles { get; init; }
    public TileDataset? Dataset { get; init; }
    public TileMeasure? Measure { get; init; }
    public List<TileGroupBy>? GroupBy { get; init; }
    public TilePeriod? Period { get; init; }

    /// <summary>null or "previousPeriod".</summary>
    public string? Compare { get; init; }

    /// <summary>bigNumber, column, bar, line, pie, donut, funnel, list, table.</summary>
    public string? Chart { get; init; }
    public TileFunnel? Funnel { get; init; }

    /// <summary>Top N groups (the rest is "Other"), or the rows of a list.</summary>
    public int? Limit { get; init; }

    /// <summary>Columns of a 12-column grid the tile spans on a wide screen (3 to 12).</summary>
    public int? Width { get; init; }
}

/// <summary>Either criteria or a selection the tile follows (a dynamic one's criteria, a static one's members).</summary>
public sealed record TileDataset(Criteria? Criteria, int? SelectionId);

/// <param name="Fn">count, avg, median, p90 or sum.</param>
/// <param name="Field">For count: none. For the others: a measure field (<see cref="TileFields"/>).</param>
public sealed record TileMeasure(string? Fn, string? Field);

/// <param name="Bucket">day, week or month for a date field.</param>
public sealed record TileGroupBy(string? Field, string? Bucket);

/// <param name="Field">The date field the period applies to, e.g. person.becameLead.</param>
/// <param name="Preset">last7d, last30d, last90d, last365d, thisMonth, thisQuarter, ytd, custom.</param>
public sealed record TilePeriod(string? Field, string? Preset, string? From, string? To);

/// <param name="Steps">Lead status ids; empty means the statuses flagged "funnel step".</param>
/// <param name="Mode">inOrder or any.</param>
public sealed record TileFunnel(List<int>? Steps, string? Mode);

/// <summary>The dashboard-wide quick filters; each narrows every tile.</summary>
/// <param name="Owner">"me", "unassigned" or a user id.</param>
/// <param name="AsOf">yyyy-mm-dd: snapshot tiles show their value at the end of that day, from history.</param>
public sealed record DashboardFilters(string? Owner, int? CategoryId, string? CategoryGroup, string? Country, string? Period, string? AsOf)
{
    public static DashboardFilters None { get; } = new(null, null, null, null, null, null);
}

/// <summary>What a tile shows: GET /api/dashboards/{id}/tiles/{tileId}/data.</summary>
public sealed record TileData
{
    public required IReadOnlyList<TileSeries> Series { get; init; }

    /// <summary>The tile's whole number: all groups (the count of its dataset, or the overall median).</summary>
    public double? Total { get; init; }

    /// <summary>What the top-N cut off, summed into one "Other" entry; null when nothing was cut.</summary>
    public TileSeries? Other { get; init; }

    /// <summary>The previous period's figures when the tile compares.</summary>
    public TileComparison? Comparison { get; init; }
    public required DateTime ComputedAt { get; init; }
    public string? AsOf { get; init; }

    /// <summary>The tile's definition as readable criteria, period and measure.</summary>
    public required string Definition { get; init; }

    /// <summary>The records behind the whole tile.</summary>
    public TileDrill? Drill { get; init; }
    public string? Unit { get; init; }
}

/// <param name="Key">The group's id (or "week:2026-W10"), stable for links.</param>
/// <param name="Group">The second grouping's key for stacked charts; null with one grouping.</param>
/// <param name="Values">More figures of the same group (time in status: median and p90).</param>
public sealed record TileSeries(string Key, string Label, double Value, TileDrill? Drill)
{
    public string? Group { get; init; }
    public string? GroupLabel { get; init; }
    public Dictionary<string, double>? Values { get; init; }

    /// <summary>How many records the value is about (persons counted, stays measured).</summary>
    public int? Count { get; init; }
}

/// <summary>The previous period: the same series keys with their values, and its total.</summary>
public sealed record TileComparison(string Label, double? Total, IReadOnlyList<TileSeries> Series);

/// <summary>Criteria that find exactly the records behind a figure; they run unchanged through POST /api/search.</summary>
public sealed record TileDrill(Criteria Criteria);

/// <summary>Body of POST /api/dashboards/evaluate.</summary>
public sealed record EvaluateRequest(TileSpec? Tile, DashboardFilters? Filters);

/// <summary>Body of POST and PUT /api/dashboards.</summary>
public sealed record DashboardRequest(string? Name, LocalizedText? Names, string? Visibility, string? Period, List<TileSpec>? Tiles);

public sealed record DashboardDto(
    int Id, string? Key, string Name, LocalizedText Names, int? OwnerId, string? OwnerName, string Visibility, string Period,
    IReadOnlyList<TileSpec> Tiles, bool Editable, int Version);

public sealed record DashboardSummary(int Id, string? Key, string Name, int? OwnerId, string? OwnerName, string Visibility, bool Editable);

public static class PeriodPresets
{
    public const string Last7Days = "last7d";
    public const string Last30Days = "last30d";
    public const string Last90Days = "last90d";
    public const string Last365Days = "last365d";
    public const string ThisMonth = "thisMonth";
    public const string ThisQuarter = "thisQuarter";
    public const string YearToDate = "ytd";
    public const string Custom = "custom";

    public static IReadOnlyList<string> All { get; } = [Last7Days, Last30Days, Last90Days, Last365Days, ThisMonth, ThisQuarter, YearToDate, Custom];
}

public static class Charts
{
    public const string BigNumber = "bigNumber";
    public const string Column = "column";
    public const string Bar = "bar";
    public const string Line = "line";
    public const string Pie = "pie";
    public const string Donut = "donut";
    public const string Funnel = "funnel";
    public const string List = "list";
    public const string Table = "table";

    public static IReadOnlyList<string> All { get; } = [BigNumber, Column, Bar, Line, Pie, Donut, Funnel, List, Table];
}

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum MeasureFn
{
    Count,
    Avg,
    Median,
    P90,
    Sum,
}
