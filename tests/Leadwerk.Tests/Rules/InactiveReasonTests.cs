using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;

namespace Leadwerk.Tests.Rules;

/// <summary>R7: where the lead status is hidden or locked, the reason says which category, which group, or that it is off.</summary>
public sealed class InactiveReasonTests
{
    private static readonly Category LostOpportunity = new()
    {
        Id = 4, NameEn = "Lost opportunity", NameNl = "Verloren kans", Group = CategoryGroup.Lost,
    };

    private static readonly Category Opportunity = new()
    {
        Id = 3, NameEn = "Opportunity", NameNl = "Kans", Group = CategoryGroup.PotentialCustomer, LeadStatusEnabled = false,
    };

    [Fact]
    public void ActiveCategoryNeedsNoReason()
    {
        using var _ = UiCulture.English();
        Assert.Null(LeadRules.InactiveReason(new Category { NameEn = "Lead", Group = CategoryGroup.PotentialCustomer, LeadStatusEnabled = true }));
    }

    [Fact]
    public void PersonWithoutCategoryIsToldItHasNoCategoryInEnglish()
    {
        using var _ = UiCulture.English();
        Assert.Equal(
            "No lead status: this person has no category. Lead status is used for categories in the group Potential customer.",
            LeadRules.InactiveReason(null));
    }

    [Fact]
    public void PersonWithoutCategoryIsToldItHasNoCategoryInDutch()
    {
        using var _ = UiCulture.Dutch();
        Assert.Equal(
            "Geen leadstatus: deze persoon heeft geen categorie. Leadstatus wordt gebruikt bij categorieën in de groep Potentiële klant.",
            LeadRules.InactiveReason(null));
    }

    [Fact]
    public void CategoryOutsidePotentialCustomerIsNamedWithItsGroupInEnglish()
    {
        using var _ = UiCulture.English();
        Assert.Equal(
            "No lead status: category “Lost opportunity” is in the group Lost. Lead status is used only for categories in the group Potential customer.",
            LeadRules.InactiveReason(LostOpportunity));
    }

    [Fact]
    public void CategoryOutsidePotentialCustomerIsNamedWithItsGroupInDutch()
    {
        using var _ = UiCulture.Dutch();
        Assert.Equal(
            "Geen leadstatus: categorie “Verloren kans” valt in de groep Verloren. Leadstatus wordt alleen gebruikt bij categorieën in de groep Potentiële klant.",
            LeadRules.InactiveReason(LostOpportunity));
    }

    [Theory]
    [InlineData(CategoryGroup.Customer, "Customer", "Klant")]
    [InlineData(CategoryGroup.Partner, "Partner", "Partner")]
    [InlineData(CategoryGroup.Lost, "Lost", "Verloren")]
    [InlineData(CategoryGroup.Other, "Other", "Overig")]
    public void EveryOtherGroupIsNamedInBothLanguages(CategoryGroup group, string english, string dutch)
    {
        var category = new Category { NameEn = "Some", NameNl = "Enige", Group = group };
        using (UiCulture.English())
        {
            Assert.Contains($"“Some” is in the group {english}.", LeadRules.InactiveReason(category), StringComparison.Ordinal);
        }

        using (UiCulture.Dutch())
        {
            Assert.Contains($"“Enige” valt in de groep {dutch}.", LeadRules.InactiveReason(category), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PotentialCustomerCategoryWithLeadStatusOffSaysItIsSwitchedOffInEnglish()
    {
        using var _ = UiCulture.English();
        Assert.Equal(
            "No lead status: lead status is switched off for category “Opportunity”. An administrator can switch it on under Company – Category.",
            LeadRules.InactiveReason(Opportunity));
    }

    [Fact]
    public void PotentialCustomerCategoryWithLeadStatusOffSaysItIsSwitchedOffInDutch()
    {
        using var _ = UiCulture.Dutch();
        Assert.Equal(
            "Geen leadstatus: leadstatus staat uit voor categorie “Kans”. Een beheerder kan dit aanzetten onder Bedrijf – Categorie.",
            LeadRules.InactiveReason(Opportunity));
    }
}
