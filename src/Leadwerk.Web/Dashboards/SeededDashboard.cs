using Leadwerk.Web.Lists;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// The "Leads" dashboard every user sees (F8), and the tile library new tiles start from: the same
/// definitions, so a user's copy of a seeded tile counts exactly what the seeded one does.
/// </summary>
public static class SeededDashboard
{
    public const string Key = "leads";
    public const int StaleDays = 14;

    private static Criteria Active => Criteria.For(Entities.Person, CriteriaLine.Of("person.leadActive", Operators.OneOf, true));

    private static TilePeriod BecameLead => new("person.becameLead", null, null, null);

    public static IReadOnlyList<TileSpec> Tiles { get; } =
    [
        new()
        {
            Id = "active-leads", Titles = new("Active leads", "Actieve leads"), Dataset = new(Active, null), Chart = Charts.BigNumber,
            Compare = "previousPeriod", Width = 3,
        },
        new()
        {
            Id = "leads-per-status", Titles = new("Leads per status", "Leads per status"),
            Dataset = new(Criteria.For(Entities.Person, CriteriaLine.Of("person.leadStatus", Operators.IsNotEmpty)), null),
            GroupBy = [new("person.leadStatus", null)], Chart = Charts.Column, Width = 5,
        },
        new()
        {
            Id = "speed-to-lead", Titles = new("Speed to lead", "Reactiesnelheid"), Measure = new("median", TileCheck.DaysToFirstChange),
            GroupBy = [new("person.owner", null)], Period = BecameLead, Chart = Charts.Bar, Width = 4,
        },
        new()
        {
            Id = "funnel", Titles = new("Qualification funnel", "Kwalificatietrechter"), Period = BecameLead, Chart = Charts.Funnel,
            Funnel = new([], "inOrder"), Width = 6,
        },
        new()
        {
            Id = "new-leads-per-week", Titles = new("New leads per week", "Nieuwe leads per week"), Period = BecameLead,
            GroupBy = [new("person.becameLead", "week")], Chart = Charts.Line, Compare = "previousPeriod", Width = 6,
        },
        new()
        {
            Id = "leads-per-owner", Titles = new("Leads per owner", "Leads per eigenaar"), Dataset = new(Active, null),
            GroupBy = [new("person.owner", null), new("person.leadStatus", null)], Chart = Charts.Bar, Limit = 10, Width = 6,
        },
        new()
        {
            Id = "time-in-status", Titles = new("Time in status", "Tijd in status"), Measure = new("median", TileCheck.DaysInStatus),
            Period = new("person.leadStatusChangedAt", null, null, null), Chart = Charts.Column, Width = 6,
        },
        new()
        {
            Id = "stale-leads", Titles = new("Stale leads", "Stilstaande leads"),
            Dataset = new(Active.And(CriteriaLine.Of("person.leadStatusChangedAt", Operators.MoreThanDaysAgo, StaleDays)), null),
            Chart = Charts.List, Limit = 50, Width = 12,
        },
    ];

    private static TilePeriod LeadCreated => new("person.leadCreation.at", null, null, null);

    /// <summary>Attribution tiles (B5, Marketing Premium): in the library, not on the seeded dashboard every edition sees.</summary>
    public static IReadOnlyList<TileSpec> AttributionTiles { get; } =
    [
        new()
        {
            Id = "new-leads-by-lead-creation-source", Titles = new("New leads by lead-creation source", "Nieuwe leads per bron van leadcreatie"),
            Period = LeadCreated, GroupBy = [new("person.leadCreation.source", null)], Chart = Charts.Bar, Limit = 10, Width = 6,
        },
        new()
        {
            Id = "new-leads-by-first-touch-source", Titles = new("New leads by first-touch source", "Nieuwe leads per bron van eerste contact"),
            Period = LeadCreated, GroupBy = [new("person.firstTouch.source", null)], Chart = Charts.Bar, Limit = 10, Width = 6,
        },
        new()
        {
            Id = "new-leads-by-campaign", Titles = new("New leads by campaign", "Nieuwe leads per campagne"),
            Period = LeadCreated, GroupBy = [new("person.leadCreation.campaign", null)], Chart = Charts.Bar, Limit = 10, Width = 6,
        },
        new()
        {
            Id = "new-leads-by-channel", Titles = new("New leads by channel", "Nieuwe leads per kanaal"),
            Period = LeadCreated, GroupBy = [new("person.leadCreation.channel", null)], Chart = Charts.Donut, Width = 6,
        },
        new()
        {
            Id = "top-forms", Titles = new("Top forms", "Beste formulieren"),
            Period = LeadCreated, GroupBy = [new("person.leadCreation.form", null)], Chart = Charts.Bar, Limit = 10, Width = 6,
        },
    ];

    public static Dashboard New() => new()
    {
        Key = Key, NameEn = "Leads", NameNl = "Leads", Visibility = Selections.Visibility.Everyone, Period = PeriodPresets.Last30Days,
        TilesJson = DashboardJson.Write(Tiles),
    };
}
