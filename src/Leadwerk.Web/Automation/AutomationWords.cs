using Leadwerk.Web.Companies;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Automation;

/// <summary>How lead categorization rules and their decisions read, in English and Dutch.</summary>
public static class AutomationWords
{
    /// <summary>"Qualified → Opportunity", "Sale sold → Customer", "Every person Disqualified → Lost opportunity".</summary>
    public static string RuleName(AutomationRule rule, IReadOnlyDictionary<int, LeadStatus> statuses)
    {
        var names = string.Join(L.T(" or ", " of "), rule.LeadStatusIds.Select(id => statuses.GetValueOrDefault(id)?.Name ?? $"#{id}"));
        var when = rule.Trigger switch
        {
            AutomationTrigger.LeadStatusSet => names,
            AutomationTrigger.SaleRegistered => L.T("Sale registered", "Verkoop geregistreerd"),
            AutomationTrigger.SaleSold => L.T("Sale sold", "Verkoop verkocht"),
            AutomationTrigger.SaleLost => L.T("Sale lost", "Verkoop verloren"),
            AutomationTrigger.AllPersonsInStatus => L.T($"Every person {names}", $"Elke persoon {names}"),
            _ => L.T($"Any person {names}", $"Een persoon {names}"),
        };
        return $"{when} → {rule.TargetCategory?.Name ?? L.T("(no target)", "(geen doel)")}";
    }

    public static string Fires(AutomationRule rule) => L.T(
        $"Fires: the company moves to “{rule.TargetCategory?.Name}”{(rule.AskUser ? " after the user confirms" : "")}.",
        $"Gaat af: het bedrijf gaat naar “{rule.TargetCategory?.Name}”{(rule.AskUser ? " nadat de gebruiker bevestigt" : "")}.");

    public static string SwitchedOff() => L.T("The rule is switched off.", "De regel staat uit.");

    public static string StatusNotInRule() => L.T("The new lead status is not one of the rule's statuses.", "De nieuwe leadstatus is niet een van de statussen van de regel.");

    public static string NoPersonInStatus() => L.T("No person of the company is in one of the rule's statuses.", "Geen persoon van het bedrijf staat op een van de statussen van de regel.");

    public static string NotEveryPersonInStatus() => L.T(
        "Not every person of the company is in one of the rule's statuses.", "Niet elke persoon van het bedrijf staat op een van de statussen van de regel.");

    public static string NotALead(Company company) => L.T(
        $"The company's category “{company.Category.Name}” is not an active Potential customer category; rules only move leads (R14, R12).",
        $"De categorie “{company.Category.Name}” van het bedrijf is geen actieve categorie van Potentiële klant; regels verplaatsen alleen leads (R14, R12).");

    public static string NoTarget() => L.T("The rule has no target category, or it has been deleted.", "De regel heeft geen doelcategorie, of die is verwijderd.");

    public static string AlreadyThere(Category target) => L.T($"The company is in “{target.Name}” already.", $"Het bedrijf staat al op “{target.Name}”.");
}
