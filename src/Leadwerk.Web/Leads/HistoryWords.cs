using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Leads;

/// <summary>How a history row reads, on the person card and in its timeline.</summary>
public static class HistoryWords
{
    /// <summary>
    /// Null for a plain change of status; otherwise what happened to the lead itself: a row whose
    /// status stayed the same records that its category stopped or started being active (R5, R6).
    /// </summary>
    public static string? Event(int? from, int? to, bool wasActive, bool active, bool becameLead) => (from == to, wasActive, active) switch
    {
        (true, true, false) => L.T("No longer an active lead (category); status kept", "Geen actieve lead meer (categorie); status bewaard"),
        _ when becameLead => L.T("Became a lead", "Werd een lead"),
        _ => null,
    };
}
