using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Leads;

/// <summary>The one wording of each reason the lead rules give, in English and Dutch (R7): every channel shows these.</summary>
public static class LeadReasons
{
    /// <summary>R7: why a person with this category has no editable lead status; null when it has one.</summary>
    public static string? Inactive(Category? category)
    {
        if (category is null)
        {
            return L.T(
                "No lead status: this person has no category. Lead status is used for categories in the group Potential customer.",
                "Geen leadstatus: deze persoon heeft geen categorie. Leadstatus wordt gebruikt bij categorieën in de groep Potentiële klant.");
        }

        if (category.Group != CategoryGroup.PotentialCustomer)
        {
            var group = category.Group.DisplayName();
            return L.T(
                $"No lead status: category “{category.Name}” is in the group {group}. Lead status is used only for categories in the group Potential customer.",
                $"Geen leadstatus: categorie “{category.Name}” valt in de groep {group}. Leadstatus wordt alleen gebruikt bij categorieën in de groep Potentiële klant.");
        }

        if (!category.LeadStatusEnabled)
        {
            return L.T(
                $"No lead status: lead status is switched off for category “{category.Name}”. An administrator can switch it on under Company – Category.",
                $"Geen leadstatus: leadstatus staat uit voor categorie “{category.Name}”. Een beheerder kan dit aanzetten onder Bedrijf – Categorie.");
        }

        return null;
    }

    public static string CategoryInherited(string? companyName) => L.T(
        $"The category of this person is inherited from its company “{companyName}”. Change the company's category instead.",
        $"De categorie van deze persoon komt van het bedrijf “{companyName}”. Wijzig de categorie van het bedrijf.");

    public static string StatusRequired() => L.T("A lead has a lead status: pick one.", "Een lead heeft een leadstatus: kies er een.");

    public static string StatusUnknown() => L.T(
        "The lead status does not exist or has been deleted.", "De leadstatus bestaat niet of is verwijderd.");

    public static string CategoryUnknown() => L.T(
        "The category does not exist or has been deleted.", "De categorie bestaat niet of is verwijderd.");

    public static string CustomerKept(string companyName, Category to, Channel channel) => L.T(
        $"“{companyName}” is a customer; a change through {channel.DisplayName()} never moves a company out of the Customer group (to “{to.Name}”).",
        $"“{companyName}” is klant; een wijziging via {channel.DisplayName()} haalt een bedrijf nooit uit de groep Klant (naar “{to.Name}”).");
}
