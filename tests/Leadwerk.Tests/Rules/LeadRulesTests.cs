using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;

namespace Leadwerk.Tests.Rules;

/// <summary>R2, R3, R5, R6 on <see cref="LeadRules"/> itself, without a database.</summary>
public sealed class LeadRulesTests
{
    private const int Open = 1;
    private const int Qualified = 3;

    private static readonly Category Lead = Make(1, "Lead", CategoryGroup.PotentialCustomer, true);
    private static readonly Category Mql = Make(2, "Marketing qualified lead", CategoryGroup.PotentialCustomer, true);
    private static readonly Category Opportunity = Make(3, "Opportunity", CategoryGroup.PotentialCustomer, false);
    private static readonly Category Customer = Make(5, "Customer", CategoryGroup.Customer, false);

    private static readonly Dictionary<string, Category?> Inactive = new()
    {
        ["none"] = null,
        ["opportunity"] = Opportunity,
        ["customer"] = Customer,
    };

    [Fact]
    public void PotentialCustomerCategoryWithLeadStatusEnabledIsActive() => Assert.True(LeadRules.IsActive(Lead));

    [Fact]
    public void PotentialCustomerCategoryWithLeadStatusOffIsNotActive() => Assert.False(LeadRules.IsActive(Opportunity));

    [Fact]
    public void NoCategoryIsNotActive() => Assert.False(LeadRules.IsActive(null));

    [Theory]
    [InlineData(CategoryGroup.Customer)]
    [InlineData(CategoryGroup.Partner)]
    [InlineData(CategoryGroup.Lost)]
    [InlineData(CategoryGroup.Other)]
    public void CategoryOutsidePotentialCustomerIsNotActiveEvenWithTheFlagSet(CategoryGroup group) =>
        Assert.False(LeadRules.IsActive(Make(9, "Odd", group, true)));

    [Theory]
    [InlineData(CategoryGroup.PotentialCustomer, true)]
    [InlineData(CategoryGroup.Customer, false)]
    [InlineData(CategoryGroup.Partner, false)]
    [InlineData(CategoryGroup.Lost, false)]
    [InlineData(CategoryGroup.Other, false)]
    public void OnlyPotentialCustomerCategoriesMayEnableLeadStatus(CategoryGroup group, bool allowed) =>
        Assert.Equal(allowed, LeadRules.MayEnableLeadStatus(group));

    [Fact]
    public void PersonCreatedUnderActiveCategoryStartsWithTheDefaultStatus()
    {
        var person = new Person();
        LeadRules.StartAsNew(person, Lead, Open);
        Assert.Equal(Open, person.LeadStatusId);
        Assert.Equal(Lead.Id, person.CategoryId);
        Assert.Same(Lead, person.Category);
    }

    [Fact]
    public void PersonCreatedUnderActiveCategoryWithAChosenStatusStartsWithThatStatus()
    {
        var person = new Person();
        LeadRules.StartAsNew(person, Lead, Open, Qualified);
        Assert.Equal(Qualified, person.LeadStatusId);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("opportunity")]
    [InlineData("customer")]
    public void PersonCreatedUnderInactiveCategoryHasNoStatusEvenWhenOneIsChosen(string category)
    {
        var plain = new Person();
        var chosen = new Person();
        LeadRules.StartAsNew(plain, Inactive[category], Open);
        LeadRules.StartAsNew(chosen, Inactive[category], Open, Qualified);
        Assert.Null(plain.LeadStatusId);
        Assert.Null(chosen.LeadStatusId);
        Assert.Equal(Inactive[category]?.Id, plain.CategoryId);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("opportunity")]
    [InlineData("customer")]
    public void PersonEnteringActiveCategoryFromInactiveOneGetsTheDefaultStatus(string from)
    {
        var person = new Person { CategoryId = Inactive[from]?.Id, Category = Inactive[from] };
        LeadRules.MoveToCategory(person, Inactive[from], Lead, Open);
        Assert.Equal(Open, person.LeadStatusId);
        Assert.Equal(Lead.Id, person.CategoryId);
        Assert.Same(Lead, person.Category);
    }

    [Fact]
    public void PersonEnteringActiveCategoryStartsOverWithTheDefaultEvenWhenItKeptAnOldValue()
    {
        var person = new Person { CategoryId = Customer.Id, Category = Customer, LeadStatusId = Qualified };
        LeadRules.MoveToCategory(person, Customer, Lead, Open);
        Assert.Equal(Open, person.LeadStatusId);
    }

    [Fact]
    public void PersonMovedBetweenTwoActiveCategoriesKeepsItsStatusAsItIs()
    {
        var person = new Person { CategoryId = Lead.Id, Category = Lead, LeadStatusId = Qualified };
        LeadRules.MoveToCategory(person, Lead, Mql, Open);
        Assert.Equal(Qualified, person.LeadStatusId);
        Assert.Equal(Mql.Id, person.CategoryId);
    }

    [Fact]
    public void PersonMovedWithinTheSameActiveCategoryKeepsItsStatus()
    {
        var person = new Person { CategoryId = Lead.Id, Category = Lead, LeadStatusId = Qualified };
        LeadRules.MoveToCategory(person, Lead, Lead, Open);
        Assert.Equal(Qualified, person.LeadStatusId);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("opportunity")]
    [InlineData("customer")]
    public void PersonLeavingActiveCategoryKeepsItsValue(string to)
    {
        var person = new Person { CategoryId = Lead.Id, Category = Lead, LeadStatusId = Qualified };
        LeadRules.MoveToCategory(person, Lead, Inactive[to], Open);
        Assert.Equal(Qualified, person.LeadStatusId);
        Assert.Equal(Inactive[to]?.Id, person.CategoryId);
        Assert.False(LeadRules.IsActive(person.Category));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Qualified)]
    public void PersonMovedBetweenTwoInactiveCategoriesKeepsWhateverItHas(int? status)
    {
        var person = new Person { CategoryId = Customer.Id, Category = Customer, LeadStatusId = status };
        LeadRules.MoveToCategory(person, Customer, Opportunity, Open);
        Assert.Equal(status, person.LeadStatusId);
        Assert.Equal(Opportunity.Id, person.CategoryId);
    }

    [Fact]
    public void PersonWithoutStatusGetsTheDefaultWhenItsCategoryGetsLeadStatusEnabled() =>
        Assert.True(LeadRules.ShouldGetDefaultOnEnable(new Person { LeadStatusId = null }));

    [Fact]
    public void PersonWithAKeptValueKeepsItWhenItsCategoryGetsLeadStatusEnabled() =>
        Assert.False(LeadRules.ShouldGetDefaultOnEnable(new Person { LeadStatusId = Qualified }));

    private static Category Make(int id, string name, CategoryGroup group, bool leadStatusEnabled) =>
        new() { Id = id, NameEn = name, NameNl = name, Group = group, LeadStatusEnabled = leadStatusEnabled };
}
