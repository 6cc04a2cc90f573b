using Leadwerk.Web.Common;

namespace Leadwerk.Tests.Rules;

/// <summary>R2, R4, R5 at creation and R6 afterwards, through <c>PersonService</c> on SQLite.</summary>
public sealed class PersonCreationTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Theory]
    [InlineData("Lead")]
    [InlineData("Marketing qualified lead")]
    public async Task PersonCreatedUnderCompanyWithActiveCategoryGetsTheDefaultStatus(string category)
    {
        var company = await db.NewCompany(category);
        var person = await db.NewPerson(company.Id);

        Assert.Equal(await db.DefaultStatusId(), person.LeadStatusId);
        Assert.Equal("Open", person.LeadStatus);
        Assert.True(person.LeadStatusActive);
        Assert.Null(person.LeadStatusInactiveReason);
        Assert.Equal(company.CategoryId, person.CategoryId);
        Assert.True(person.CategoryInherited);
    }

    [Theory]
    [InlineData("Opportunity")]
    [InlineData("Lost opportunity")]
    [InlineData("Customer")]
    [InlineData("Partner")]
    [InlineData("Other")]
    public async Task PersonCreatedUnderCompanyWithInactiveCategoryHasNoStatusAndSaysWhy(string category)
    {
        using var _ = UiCulture.English();
        var company = await db.NewCompany(category);
        var person = await db.NewPerson(company.Id);

        Assert.Null(person.LeadStatusId);
        Assert.False(person.LeadStatusActive);
        Assert.Contains($"“{category}”", person.LeadStatusInactiveReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonWithoutCompanyCreatedInActiveOwnCategoryGetsTheDefaultStatus()
    {
        var lead = await db.Category("Lead");
        var person = await db.NewPerson(categoryId: lead.Id);

        Assert.Equal(await db.DefaultStatusId(), person.LeadStatusId);
        Assert.Equal(lead.Id, person.CategoryId);
        Assert.False(person.CategoryInherited);
    }

    [Fact]
    public async Task PersonWithoutCompanyOrCategoryHasNoStatusAndSaysItHasNoCategory()
    {
        using var _ = UiCulture.English();
        var person = await db.NewPerson();

        Assert.Null(person.CategoryId);
        Assert.Null(person.LeadStatusId);
        Assert.StartsWith("No lead status: this person has no category.", person.LeadStatusInactiveReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonCreatedUnderActiveCategoryWithAChosenStatusStartsWithThatStatus()
    {
        var company = await db.NewCompany("Lead");
        var qualified = await db.StatusId("Qualified");
        var person = await db.NewPerson(company.Id, leadStatusId: qualified);

        Assert.Equal(qualified, person.LeadStatusId);
    }

    [Fact]
    public async Task PersonCreatedWithAStatusUnderInactiveCategoryIsRefusedWithTheReason()
    {
        using var _ = UiCulture.English();
        var company = await db.NewCompany("Customer");
        var qualified = await db.StatusId("Qualified");

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.NewPerson(company.Id, leadStatusId: qualified));

        Assert.Equal(ErrorCodes.LeadStatusNotActive, refused.Code);
        Assert.Equal(409, refused.Status);
        Assert.Equal("leadStatusId", refused.Field);
        Assert.Contains("“Customer” is in the group Customer", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivePersonsStatusCanBeChanged()
    {
        var company = await db.NewCompany("Lead");
        var person = await db.NewPerson(company.Id);
        var contacting = await db.StatusId("Contacting");

        var changed = await db.SetLeadStatus(person.Id, contacting);

        Assert.Equal(contacting, changed.LeadStatusId);
        Assert.Equal(contacting, (await db.Person(person.Id)).LeadStatusId);
    }

    [Fact]
    public async Task ActivePersonsStatusCannotBeCleared()
    {
        var company = await db.NewCompany("Lead");
        var person = await db.NewPerson(company.Id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => db.SetLeadStatus(person.Id, null));

        Assert.Contains("leadStatusId", refused.Errors.Keys);
        Assert.Equal(person.LeadStatusId, (await db.Person(person.Id)).LeadStatusId);
    }

    [Fact]
    public async Task InactivePersonsStatusCannotBeSetAndTheRefusalSaysWhy()
    {
        using var _ = UiCulture.English();
        var company = await db.NewCompany("Opportunity");
        var person = await db.NewPerson(company.Id);
        var qualified = await db.StatusId("Qualified");

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.SetLeadStatus(person.Id, qualified));

        Assert.Equal(ErrorCodes.LeadStatusNotActive, refused.Code);
        Assert.Contains("lead status is switched off for category “Opportunity”", refused.Message, StringComparison.Ordinal);
        Assert.Null((await db.Person(person.Id)).LeadStatusId);
    }

    [Fact]
    public async Task PersonsOfOneCompanyCanHaveDifferentStatuses()
    {
        var company = await db.NewCompany("Lead");
        var first = await db.NewPerson(company.Id);
        var second = await db.NewPerson(company.Id);
        var qualified = await db.StatusId("Qualified");

        await db.SetLeadStatus(second.Id, qualified);

        Assert.Equal(await db.DefaultStatusId(), (await db.Person(first.Id)).LeadStatusId);
        Assert.Equal(qualified, (await db.Person(second.Id)).LeadStatusId);
    }
}
