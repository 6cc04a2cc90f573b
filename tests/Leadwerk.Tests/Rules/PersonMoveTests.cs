using Leadwerk.Web.Common;
using Leadwerk.Web.Persons;

namespace Leadwerk.Tests.Rules;

/// <summary>R1 (effective category) and R5/R6 when a person joins, changes or leaves a company.</summary>
public sealed class PersonMoveTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Fact]
    public async Task PersonWithoutCompanyOrCategoryMovedToActiveCompanyGetsTheDefaultStatus()
    {
        var person = await db.NewPerson();
        var company = await db.NewCompany("Lead");

        var moved = await db.MoveToCompany(person.Id, company.Id);

        Assert.Equal(await db.DefaultStatusId(), moved.LeadStatusId);
        Assert.Equal(company.CategoryId, moved.CategoryId);
        Assert.True(moved.CategoryInherited);
    }

    [Fact]
    public async Task PersonMovedFromInactiveCompanyToActiveCompanyGetsTheDefaultStatus()
    {
        var person = await db.NewPerson((await db.NewCompany("Customer")).Id);
        var company = await db.NewCompany("Marketing qualified lead");

        var moved = await db.MoveToCompany(person.Id, company.Id);

        Assert.Equal(await db.DefaultStatusId(), moved.LeadStatusId);
        Assert.True(moved.LeadStatusActive);
    }

    [Fact]
    public async Task PersonWithAKeptValueMovedFromInactiveToActiveCompanyStartsOverWithTheDefault()
    {
        var qualified = await db.StatusId("Qualified");
        var person = await db.NewPerson((await db.NewCompany("Lead")).Id, leadStatusId: qualified);
        await db.MoveToCompany(person.Id, (await db.NewCompany("Opportunity")).Id);

        var moved = await db.MoveToCompany(person.Id, (await db.NewCompany("Lead")).Id);

        Assert.Equal(await db.DefaultStatusId(), moved.LeadStatusId);
    }

    [Fact]
    public async Task PersonMovedBetweenTwoActiveCompaniesKeepsItsStatusAndWritesNoHistory()
    {
        var qualified = await db.StatusId("Qualified");
        var person = await db.NewPerson((await db.NewCompany("Lead")).Id, leadStatusId: qualified);
        var company = await db.NewCompany("Marketing qualified lead");

        var moved = await db.MoveToCompany(person.Id, company.Id);

        Assert.Equal(qualified, moved.LeadStatusId);
        Assert.Equal(company.CategoryId, moved.CategoryId);
        Assert.Single(await db.History(person.Id));
    }

    /// <summary>
    /// LeadRules.MoveToCategory only gives the default when entering an active category from a
    /// non-active one, so a person whose own category is already active keeps its status.
    /// </summary>
    [Fact]
    public async Task PersonWithActiveOwnCategoryMovedToActiveCompanyKeepsItsStatusBecauseBothCategoriesAreActive()
    {
        var qualified = await db.StatusId("Qualified");
        var person = await db.NewPerson(categoryId: (await db.Category("Lead")).Id, leadStatusId: qualified);

        var moved = await db.MoveToCompany(person.Id, (await db.NewCompany("Marketing qualified lead")).Id);

        Assert.Equal(qualified, moved.LeadStatusId);
    }

    [Theory]
    [InlineData("Opportunity")]
    [InlineData("Customer")]
    public async Task PersonMovedFromActiveToInactiveCompanyKeepsItsValueLocked(string category)
    {
        using var _ = UiCulture.English();
        var qualified = await db.StatusId("Qualified");
        var person = await db.NewPerson((await db.NewCompany("Lead")).Id, leadStatusId: qualified);

        var moved = await db.MoveToCompany(person.Id, (await db.NewCompany(category)).Id);

        Assert.Equal(qualified, moved.LeadStatusId);
        Assert.False(moved.LeadStatusActive);
        Assert.Contains($"“{category}”", moved.LeadStatusInactiveReason, StringComparison.Ordinal);
        var contacting = await db.StatusId("Contacting");
        var refused = await Assert.ThrowsAsync<DomainException>(() => db.SetLeadStatus(person.Id, contacting));
        Assert.Equal(ErrorCodes.LeadStatusNotActive, refused.Code);
    }

    [Fact]
    public async Task PersonLeavingItsCompanyKeepsTheCompanysCategoryAndStatusAsItsOwn()
    {
        var qualified = await db.StatusId("Qualified");
        var company = await db.NewCompany("Lead");
        var person = await db.NewPerson(company.Id, leadStatusId: qualified);

        var left = await db.MoveToCompany(person.Id, null);

        Assert.Null(left.CompanyId);
        Assert.False(left.CategoryInherited);
        Assert.Equal(company.CategoryId, left.CategoryId);
        Assert.Equal(qualified, left.LeadStatusId);
        Assert.True(left.LeadStatusActive);
    }

    [Fact]
    public async Task PersonThatLeftItsCompanyCanChangeItsOwnCategory()
    {
        var person = await db.NewPerson((await db.NewCompany("Customer")).Id);
        await db.MoveToCompany(person.Id, null);
        var lead = await db.Category("Lead");

        var changed = await db.SetOwnCategory(person.Id, lead.Id);

        Assert.Equal(lead.Id, changed.CategoryId);
        Assert.Equal(await db.DefaultStatusId(), changed.LeadStatusId);
    }

    [Fact]
    public async Task PersonWithCompanyCannotHaveItsCategoryChangedAndIsPointedToTheCompany()
    {
        using var _ = UiCulture.English();
        var company = await db.NewCompany("Lead");
        var person = await db.NewPerson(company.Id);
        var customer = await db.Category("Customer");

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.SetOwnCategory(person.Id, customer.Id));

        Assert.Equal(ErrorCodes.CategoryInherited, refused.Code);
        Assert.Equal(409, refused.Status);
        Assert.Equal("categoryId", refused.Field);
        Assert.Contains($"“{company.Name}”", refused.Message, StringComparison.Ordinal);
        Assert.Equal(company.CategoryId, (await db.Person(person.Id)).CategoryId);
    }

    [Fact]
    public async Task PersonJoiningACompanyCannotTakeAnotherCategoryInTheSameChange()
    {
        var person = await db.NewPerson();
        var company = await db.NewCompany("Lead");
        var customer = await db.Category("Customer");

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.ChangePerson(person.Id, new PersonChanges
        {
            CompanyId = new Opt<int?>(true, company.Id),
            CategoryId = new Opt<int?>(true, customer.Id),
        }));

        Assert.Equal(ErrorCodes.CategoryInherited, refused.Code);
        Assert.Null((await db.Person(person.Id)).CompanyId);
    }

    [Fact]
    public async Task PersonCreatedUnderACompanyWithAnotherCategoryIsRefused()
    {
        var company = await db.NewCompany("Lead");
        var customer = await db.Category("Customer");

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.NewPerson(company.Id, customer.Id));

        Assert.Equal(ErrorCodes.CategoryInherited, refused.Code);
    }

    [Fact]
    public async Task PersonWithoutCompanyEnteringActiveOwnCategoryGetsTheDefaultStatus()
    {
        var person = await db.NewPerson(categoryId: (await db.Category("Customer")).Id);

        var changed = await db.SetOwnCategory(person.Id, (await db.Category("Lead")).Id);

        Assert.Equal(await db.DefaultStatusId(), changed.LeadStatusId);
        Assert.False(changed.CategoryInherited);
    }

    [Fact]
    public async Task PersonWithoutCompanyLeavingActiveOwnCategoryKeepsItsValueLocked()
    {
        var qualified = await db.StatusId("Qualified");
        var person = await db.NewPerson(categoryId: (await db.Category("Lead")).Id, leadStatusId: qualified);

        var changed = await db.SetOwnCategory(person.Id, (await db.Category("Partner")).Id);

        Assert.Equal(qualified, changed.LeadStatusId);
        Assert.False(changed.LeadStatusActive);
    }

    [Fact]
    public async Task PersonWithoutCompanyCanDropItsOwnCategoryAndKeepsItsValue()
    {
        var qualified = await db.StatusId("Qualified");
        var person = await db.NewPerson(categoryId: (await db.Category("Lead")).Id, leadStatusId: qualified);

        var changed = await db.SetOwnCategory(person.Id, null);

        Assert.Null(changed.CategoryId);
        Assert.Equal(qualified, changed.LeadStatusId);
        Assert.False(changed.LeadStatusActive);
    }
}
