using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Licensing;

/// <summary>
/// The editions an organisation licenses Leadwerk in (F13), lowest first: each holds every
/// feature of the ones before it.
/// </summary>
public static class Editions
{
    public const string SalesEssentials = "salesEssentials";
    public const string MarketingPremium = "marketingPremium";

    /// <summary>The configuration key of the edition a new database starts in; admins change it later.</summary>
    public const string Setting = "Leadwerk:Edition";

    public static IReadOnlyList<string> All { get; } = [SalesEssentials, MarketingPremium];

    /// <summary>Position in <see cref="All"/>: a higher edition holds everything of a lower one.</summary>
    public static int Level(string edition) => All.ToList().IndexOf(edition);

    public static bool Known(string? edition) => edition is not null && All.Contains(edition);

    public static string Name(string edition) => edition switch
    {
        SalesEssentials => "Sales Essentials",
        MarketingPremium => "Marketing Premium",
        _ => edition,
    };

    public static string Description(string edition) => edition switch
    {
        SalesEssentials => L.T("Leads, companies, Find, the board, dashboards, automation, web forms and record source.",
            "Leads, bedrijven, Zoeken, het bord, dashboards, automatisering, webformulieren en herkomst van records."),
        _ => L.T("Everything in Sales Essentials, plus UTM attribution, lead distribution and form webhooks.",
            "Alles van Sales Essentials, plus UTM-attributie, leadverdeling en formulier-webhooks."),
    };
}

/// <summary>
/// The feature matrix: every feature and the lowest edition that has it. The one place that says
/// what an edition holds; gates ask <see cref="LicenceService.Require"/>, never the edition.
/// </summary>
public static class Features
{
    public const string UtmAttribution = "utmAttribution";
    public const string Distribution = "distribution";
    public const string FormWebhooks = "formWebhooks";
    public const string Forms = "forms";
    public const string RecordSource = "recordSource";
    public const string Board = "board";
    public const string Dashboards = "dashboards";
    public const string Automation = "automation";

    public static IReadOnlyList<(string Feature, string Edition)> Matrix { get; } =
    [
        (Forms, Editions.SalesEssentials), (RecordSource, Editions.SalesEssentials), (Board, Editions.SalesEssentials),
        (Dashboards, Editions.SalesEssentials), (Automation, Editions.SalesEssentials),
        (UtmAttribution, Editions.MarketingPremium), (Distribution, Editions.MarketingPremium), (FormWebhooks, Editions.MarketingPremium),
    ];

    public static string RequiredEdition(string feature) =>
        Matrix.Where(m => m.Feature == feature).Select(m => m.Edition).FirstOrDefault()
        ?? throw new ArgumentException($"Unknown feature '{feature}'.", nameof(feature));

    public static bool In(string feature, string edition) =>
        Editions.Level(edition) >= Editions.Level(RequiredEdition(feature));

    public static string Name(string feature) => feature switch
    {
        UtmAttribution => L.T("UTM attribution", "UTM-attributie"),
        Distribution => L.T("Lead distribution", "Leadverdeling"),
        FormWebhooks => L.T("Form webhooks", "Formulier-webhooks"),
        Forms => L.T("Web forms", "Webformulieren"),
        RecordSource => L.T("Record source", "Herkomst van records"),
        Board => L.T("Board", "Bord"),
        Dashboards => L.T("Dashboards", "Dashboards"),
        Automation => L.T("Automation", "Automatisering"),
        _ => feature,
    };
}
