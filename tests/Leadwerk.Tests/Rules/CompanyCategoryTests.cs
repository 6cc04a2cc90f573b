using Leadwerk.Web.Leads;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;

namespace Leadwerk.Tests.Rules;

/// <summary>R1, R5, R6: a company's category change carries its persons along.</summary>
public sealed class CompanyCategoryTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Theory]
    [InlineData("Customer", "Lead")]
    [InlineData("Opportunity", "Marketing qualified lead")]
    [InlineData("Lost opportunity", "Lead")]
    public async Task CompanyEnteringActiveCategoryGivesAllItsPersonsTheDefaultStatus(string from, string to)
    {
        var company = await db.NewCompany(from);
        var fresh = await db.NewPerson(company.Id);
        var keptValue = await db.NewPerson((await db.NewCompany("Lead")).Id, leadStatusId: await db.StatusId("Qualified"));
        await db.MoveToCompany(keptValue.Id, company.Id);
        var target = await db.Category(to);

        var changed = await db.SetCompanyCategory(company.Id, target.Id);

        Assert.True(changed.LeadStatusActive);
        var defaultId = await db.DefaultStatusId();
        foreach (var id in new[] { fresh.Id, keptValue.Id })
        {
            var person = await db.Person(id);
            Assert.Equal(defaultId, person.LeadStatusId);
            Assert.Equal(target.Id, person.CategoryId);
            Assert.True(person.LeadStatusActive);
        }
    }

    [Fact]
    public async Task CompanyMovedBetweenTwoActiveCategoriesKeepsEachPersonsStatus()
    {
        var company = await db.NewCompany("Lead");
        var open = await db.NewPerson(company.Id);
        var qualified = await db.StatusId("Qualified");
        var advanced = await db.NewPerson(company.Id, leadStatusId: qualified);
        var mql = await db.Category("Marketing qualified lead");

        await db.SetCompanyCategory(company.Id, mql.Id);

        Assert.Equal(await db.DefaultStatusId(), (await db.Person(open.Id)).LeadStatusId);
        var after = await db.Person(advanced.Id);
        Assert.Equal(qualified, after.LeadStatusId);
        Assert.Equal(mql.Id, after.CategoryId);
        Assert.Single(await db.History(advanced.Id));
    }

    [Fact]
    public async Task CompanyLeavingActiveCategoryKeepsItsPersonsValuesButLocksThem()
    {
        using var _ = UiCulture.English();
        var company = await db.NewCompany("Lead");
        var qualified = await db.StatusId("Qualified");
        var person = await db.NewPerson(company.Id, leadStatusId: qualified);
        var lost = await db.Category("Lost opportunity");

        var changed = await db.SetCompanyCategory(company.Id, lost.Id);

        Assert.False(changed.LeadStatusActive);
        var after = await db.Person(person.Id);
        Assert.Equal(qualified, after.LeadStatusId);
        Assert.Equal("Qualified", after.LeadStatus);
        Assert.Equal(lost.Id, after.CategoryId);
        Assert.False(after.LeadStatusActive);

        var contacting = await db.StatusId("Contacting");
        var refused = await Assert.ThrowsAsync<DomainException>(() => db.SetLeadStatus(person.Id, contacting));
        Assert.Equal(ErrorCodes.LeadStatusNotActive, refused.Code);
        Assert.Equal(409, refused.Status);
        Assert.Contains("category “Lost opportunity” is in the group Lost", refused.Message, StringComparison.Ordinal);
        Assert.Equal(qualified, (await db.Person(person.Id)).LeadStatusId);
    }

    [Fact]
    public async Task LockedStatusRefusalNamesTheCategoryAndGroupInDutch()
    {
        var company = await db.NewCompany("Lead");
        var person = await db.NewPerson(company.Id);
        await db.SetCompanyCategory(company.Id, (await db.Category("Customer")).Id);
        var contacting = await db.StatusId("Contacting");

        using var _ = UiCulture.Dutch();
        var refused = await Assert.ThrowsAsync<DomainException>(() => db.SetLeadStatus(person.Id, contacting));

        Assert.Equal(ErrorCodes.LeadStatusNotActive, refused.Code);
        Assert.Contains("categorie “Klant” valt in de groep Klant", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompanyMovedBetweenTwoInactiveCategoriesLeavesItsPersonsWithoutStatus()
    {
        var company = await db.NewCompany("Customer");
        var person = await db.NewPerson(company.Id);
        var partner = await db.Category("Partner");

        await db.SetCompanyCategory(company.Id, partner.Id);

        var after = await db.Person(person.Id);
        Assert.Null(after.LeadStatusId);
        Assert.Equal(partner.Id, after.CategoryId);
        Assert.Empty(await db.History(person.Id));
    }

    [Fact]
    public async Task CompanyCategoryChangeLeavesPersonsOfOtherCompaniesAlone()
    {
        var company = await db.NewCompany("Customer");
        var other = await db.NewCompany("Customer");
        var bystander = await db.NewPerson(other.Id);

        await db.SetCompanyCategory(company.Id, (await db.Category("Lead")).Id);

        var after = await db.Person(bystander.Id);
        Assert.Null(after.LeadStatusId);
        Assert.Equal(other.CategoryId, after.CategoryId);
    }

    [Fact]
    public async Task CompanyEnteringActiveCategoryWritesOneHistoryRowPerPersonWithTheActorsUserAndChannel()
    {
        var userId = await db.NewUser();
        var company = await db.NewCompany("Opportunity");
        var first = await db.NewPerson(company.Id);
        var second = await db.NewPerson(company.Id);

        await db.SetCompanyCategory(company.Id, (await db.Category("Lead")).Id, new Actor(userId, Role.User, Channel.Bulk));

        var defaultId = await db.DefaultStatusId();
        foreach (var id in new[] { first.Id, second.Id })
        {
            var row = Assert.Single(await db.History(id));
            Assert.Null(row.FromId);
            Assert.Equal(defaultId, row.ToId);
            Assert.Equal(userId, row.UserId);
            Assert.Equal("Rules tester", row.UserName);
            Assert.Equal(Channel.Bulk, row.Channel);
        }
    }
}
