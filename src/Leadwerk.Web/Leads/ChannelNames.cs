using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Leads;

/// <summary>The names of the channels of R13 as people read them in the history.</summary>
public static class ChannelNames
{
    public static string DisplayName(this Channel channel) => channel switch
    {
        Channel.Ui => L.T("UI", "UI"),
        Channel.Api => L.T("API", "API"),
        Channel.Board => L.T("Board", "Bord"),
        Channel.Bulk => L.T("Bulk update", "Bulkwijziging"),
        Channel.Import => L.T("Import", "Import"),
        Channel.Automation => L.T("Automation", "Automatisering"),
        Channel.Form => L.T("Form", "Formulier"),
        _ => channel.ToString(),
    };
}
