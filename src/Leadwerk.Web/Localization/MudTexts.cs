using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Leadwerk.Web.Localization;

/// <summary>
/// MudBlazor's own texts (aria-labels such as "Toggle {0}" on a navigation group, "Close" on a
/// dialog, pager and date picker labels) in Dutch. MudBlazor asks this localizer only when the UI
/// culture is not English; a key missing here falls back to its English text.
/// </summary>
public sealed class MudTexts : MudLocalizer
{
    private static readonly Dictionary<string, string> Dutch = new()
    {
        ["Converter_InvalidBoolean"] = "Geen geldige ja/nee-waarde",
        ["Converter_InvalidDateTime"] = "Geen geldige datum en tijd",
        ["Converter_InvalidNumber"] = "Geen geldig getal",
        ["Converter_InvalidTimeSpan"] = "Geen geldige tijdsduur",
        ["Converter_InvalidType"] = "Geen geldige {0}",
        ["Converter_NotValueOf"] = "Geen waarde van {0}",
        ["MudAlert_Close"] = "Sluiten",
        ["MudBaseDatePicker_NextMonth"] = "Volgende maand {0}",
        ["MudBaseDatePicker_NextYear"] = "Volgend jaar {0}",
        ["MudBaseDatePicker_Open"] = "Openen",
        ["MudBaseDatePicker_PrevMonth"] = "Vorige maand {0}",
        ["MudBaseDatePicker_PrevYear"] = "Vorig jaar {0}",
        ["MudBreadcrumbs_Label"] = "Kruimelpad",
        ["MudChip_Close"] = "Sluiten",
        ["MudDataGridPager_AllItems"] = "Alle",
        ["MudDataGridPager_FirstPage"] = "Eerste pagina",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} van {2}",
        ["MudDataGridPager_LastPage"] = "Laatste pagina",
        ["MudDataGridPager_NextPage"] = "Volgende pagina",
        ["MudDataGridPager_PreviousPage"] = "Vorige pagina",
        ["MudDataGridPager_RowsPerPage"] = "Rijen per pagina:",
        ["MudDataGrid_Loading"] = "Laden…",
        ["MudDataGrid_SelectAllRows"] = "Alle rijen kiezen",
        ["MudDataGrid_SelectRow"] = "Rij kiezen",
        ["MudDateRangePicker_End"] = "Einddatum",
        ["MudDateRangePicker_Start"] = "Begindatum",
        ["MudDialog_Close"] = "Sluiten",
        ["MudFormComponent_Required"] = "Verplicht",
        ["MudInput_Clear"] = "Wissen",
        ["MudInput_Decrement"] = "Verlagen",
        ["MudInput_Increment"] = "Verhogen",
        ["MudNavGroup_ToggleExpand"] = "{0} in- of uitklappen",
        ["MudPagination_CurrentPage"] = "Huidige pagina {0}",
        ["MudPagination_FirstPage"] = "Eerste pagina",
        ["MudPagination_LastPage"] = "Laatste pagina",
        ["MudPagination_NextPage"] = "Volgende pagina",
        ["MudPagination_PageIndex"] = "Pagina {0}",
        ["MudPagination_PreviousPage"] = "Vorige pagina",
        ["MudRangeInput_End"] = "Einde",
        ["MudRangeInput_Start"] = "Begin",
        ["MudSelect_SelectAll"] = "Alles kiezen",
        ["MudSnackbar_Close"] = "Sluiten",
        ["MudTablePager_FirstPage"] = "Eerste pagina",
        ["MudTablePager_LastPage"] = "Laatste pagina",
        ["MudTablePager_NextPage"] = "Volgende pagina",
        ["MudTablePager_PreviousPage"] = "Vorige pagina",
        ["MudTable_CollapseGroup"] = "Groep inklappen",
        ["MudTable_ExpandGroup"] = "Groep uitklappen",
        ["MudTable_Loading"] = "Laden…",
        ["MudTable_SelectAllRows"] = "Alle rijen kiezen",
        ["MudTable_SelectGroup"] = "Groep kiezen",
        ["MudTable_SelectRow"] = "Rij kiezen",
        ["MudTabs_CloseTab"] = "Tabblad sluiten",
        ["MudTabs_ScrollDown"] = "Tabbladen omlaag schuiven",
        ["MudTabs_ScrollLeft"] = "Tabbladen naar links schuiven",
        ["MudTabs_ScrollRight"] = "Tabbladen naar rechts schuiven",
        ["MudTabs_ScrollUp"] = "Tabbladen omhoog schuiven",
        ["MudTimePicker_Open"] = "Openen",
    };

    public override LocalizedString this[string key] =>
        L.IsDutch && Dutch.TryGetValue(key, out var text) ? new LocalizedString(key, text) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return text.ResourceNotFound ? text : new LocalizedString(key, string.Format(System.Globalization.CultureInfo.CurrentCulture, text.Value, arguments));
        }
    }
}
