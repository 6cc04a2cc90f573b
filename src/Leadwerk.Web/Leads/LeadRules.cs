using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Leads;

/// <summary>
/// The lead status rules R1–R7 in one place. Every channel (UI, API, board, bulk, import,
/// automation) changes categories and statuses through these methods.
/// </summary>
public static class LeadRules
{
    /// <summary>R2: a lead status is active only for a Potential customer category with lead status enabled.</summary>
    public static bool IsActive(Category? category) =>
        category is { Group: CategoryGroup.PotentialCustomer, LeadStatusEnabled: true };

    /// <summary>R3: only Potential customer categories may have lead status enabled.</summary>
    public static bool MayEnableLeadStatus(CategoryGroup group) => group == CategoryGroup.PotentialCustomer;

    /// <summary>R7: why a person with this category has no editable lead status; null when it has one.</summary>
    public static string? InactiveReason(Category? category)
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

    /// <summary>
    /// R5/R6: the person's effective category becomes <paramref name="to"/>. Entering an active
    /// category from a non-active one makes the person a new lead with the default status; between
    /// two active categories the status is kept; leaving an active category keeps the value, locked.
    /// </summary>
    public static void MoveToCategory(Person person, Category? from, Category? to, int defaultStatusId)
    {
        person.CategoryId = to?.Id;
        person.Category = to;
        if (IsActive(to) && !IsActive(from))
        {
            person.LeadStatusId = defaultStatusId;
        }
    }

    /// <summary>R5: a new person under an active category starts with the default status (or a chosen one).</summary>
    public static void StartAsNew(Person person, Category? category, int defaultStatusId, int? chosenStatusId = null)
    {
        person.CategoryId = category?.Id;
        person.Category = category;
        person.LeadStatusId = IsActive(category) ? chosenStatusId ?? defaultStatusId : null;
    }

    /// <summary>R5: enabling lead status on a category gives its persons without a status the default.</summary>
    public static bool ShouldGetDefaultOnEnable(Person person) => person.LeadStatusId is null;
}
