using Leadwerk.Web.Leads;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;

namespace Leadwerk.Tests.Rules;

/// <summary>The category list: R5 on enabling, R6 on disabling, R3, and R9/R10 for categories.</summary>
public sealed class CategoryListTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Fact]
    public async Task CategoryGettingLeadStatusEnabledGivesTheDefaultToItsPersonsWithoutAStatusOnly()
    {
        var category = await db.NewCategory(CategoryGroup.PotentialCustomer, leadStatusEnabled: false);
        var company = await db.NewCompany(category.Id);
        var underCompany = await db.NewPerson(company.Id);
        var ownCategory = await db.NewPerson(categoryId: category.Id);
        var qualified = await db.StatusId("Qualified");
        var keptValue = await db.NewPerson((await db.NewCompany("Lead")).Id, leadStatusId: qualified);
        await db.MoveToCompany(keptValue.Id, company.Id);
        var userId = await db.NewUser();

        var saved = await db.Run<ListService, CategorySaved>(s => s.UpdateCategory(
            category.Id, category.Edited(CategoryGroup.PotentialCustomer, true), null), new Actor(userId, Role.Admin, Channel.Ui));

        Assert.True(saved.Category.LeadStatusEnabled);
        Assert.Equal(0, saved.LockedPersons);
        var defaultId = await db.DefaultStatusId();
        foreach (var id in new[] { underCompany.Id, ownCategory.Id })
        {
            Assert.Equal(defaultId, (await db.Person(id)).LeadStatusId);
            var row = Assert.Single(await db.History(id));
            Assert.Null(row.FromId);
            Assert.Equal(defaultId, row.ToId);
            Assert.Equal(userId, row.UserId);
            Assert.Equal(Channel.Ui, row.Channel);
        }

        // Its kept value became active again: the history says so, the status itself did not change.
        var kept = await db.Person(keptValue.Id);
        Assert.Equal(qualified, kept.LeadStatusId);
        Assert.True(kept.LeadStatusActive);
        var back = (await db.History(keptValue.Id))[0];
        Assert.Equal((qualified, qualified, true, true), (back.FromId, back.ToId, back.Active, back.BecameLead));
    }

    [Fact]
    public async Task CategoryLosingLeadStatusKeepsItsPersonsValuesLockedAndCountsThem()
    {
        var category = await db.NewCategory(CategoryGroup.PotentialCustomer, leadStatusEnabled: true);
        var company = await db.NewCompany(category.Id);
        var first = await db.NewPerson(company.Id);
        var qualified = await db.StatusId("Qualified");
        var second = await db.NewPerson(categoryId: category.Id, leadStatusId: qualified);

        var warned = await db.Run<ListService, int>(s => s.PersonsLockedBy(category.Id, CategoryGroup.PotentialCustomer, false));
        var saved = await db.Run<ListService, CategorySaved>(s => s.UpdateCategory(
            category.Id, category.Edited(CategoryGroup.PotentialCustomer, false), null));

        Assert.Equal(2, warned);
        Assert.Equal(2, saved.LockedPersons);
        Assert.Equal(await db.DefaultStatusId(), (await db.Person(first.Id)).LeadStatusId);
        var after = await db.Person(second.Id);
        Assert.Equal(qualified, after.LeadStatusId);
        Assert.False(after.LeadStatusActive);
        var refused = await Assert.ThrowsAsync<DomainException>(() => db.SetLeadStatus(second.Id, first.LeadStatusId));
        Assert.Equal(ErrorCodes.LeadStatusNotActive, refused.Code);
    }

    [Fact]
    public async Task EditThatKeepsCategoryActiveLocksNobody()
    {
        var category = await db.NewCategory(CategoryGroup.PotentialCustomer, leadStatusEnabled: true);
        await db.NewPerson(categoryId: category.Id);

        var warned = await db.Run<ListService, int>(s => s.PersonsLockedBy(category.Id, CategoryGroup.PotentialCustomer, true));

        Assert.Equal(0, warned);
    }

    [Theory]
    [InlineData(CategoryGroup.Customer)]
    [InlineData(CategoryGroup.Partner)]
    [InlineData(CategoryGroup.Lost)]
    [InlineData(CategoryGroup.Other)]
    public async Task LeadStatusCannotBeEnabledOnANewCategoryOutsidePotentialCustomer(CategoryGroup group)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => db.NewCategory(group, leadStatusEnabled: true));

        Assert.Equal(ErrorCodes.LeadStatusOnlyForPotentialCustomer, refused.Code);
        Assert.Equal("leadStatusEnabled", refused.Field);
    }

    [Fact]
    public async Task ActiveCategoryCannotMoveToAnotherGroupWithLeadStatusStillEnabled()
    {
        var category = await db.NewCategory(CategoryGroup.PotentialCustomer, leadStatusEnabled: true);

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.Run<ListService, CategorySaved>(s => s.UpdateCategory(
            category.Id, category.Edited(CategoryGroup.Customer, true), null)));

        Assert.Equal(ErrorCodes.LeadStatusOnlyForPotentialCustomer, refused.Code);
        var stored = await db.Run<ListService, Category>(s => s.Category(category.Id));
        Assert.Equal(CategoryGroup.PotentialCustomer, stored.Group);
        Assert.True(stored.LeadStatusEnabled);
    }

    [Fact]
    public async Task DeletedCategoryIsHiddenFromPickersButKeptOnCompaniesAndPersons()
    {
        var category = await db.NewCategory(CategoryGroup.Customer, leadStatusEnabled: false);
        var company = await db.NewCompany(category.Id);
        var person = await db.NewPerson(company.Id);

        await db.Run<ListService>(s => s.DeleteCategory(category.Id, null));

        Assert.DoesNotContain(await db.Run<ListService, List<Category>>(s => s.Categories()), c => c.Id == category.Id);
        Assert.Contains(await db.Run<ListService, List<Category>>(s => s.Categories(includeDeleted: true)), c => c.Id == category.Id && c.Deleted);
        Assert.Equal(category.Id, (await db.Run<CompanyService, CompanyDto>(s => s.Get(company.Id))).CategoryId);
        Assert.Equal(category.Name, (await db.Person(person.Id)).Category);
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => db.NewCompany(category.Id));
        Assert.Contains("categoryId", refused.Errors.Keys);
        await Assert.ThrowsAsync<ValidationFailedException>(() => db.NewPerson(categoryId: category.Id));
    }

    [Fact]
    public async Task RestoredCategoryCanBePickedAgain()
    {
        var category = await db.NewCategory(CategoryGroup.Partner, leadStatusEnabled: false);
        await db.Run<ListService>(s => s.DeleteCategory(category.Id, null));

        var restored = await db.Run<ListService, Category>(s => s.RestoreCategory(category.Id));

        Assert.False(restored.Deleted);
        Assert.Contains(await db.Run<ListService, List<Category>>(s => s.Categories()), c => c.Id == category.Id);
        Assert.Equal(category.Id, (await db.NewCompany(category.Id)).CategoryId);
    }

    [Fact]
    public async Task CategoryNamesAreUniqueIgnoringCase()
    {
        var name = RulesBuilders.Unique("Segment");
        await db.Run<ListService, Category>(s => s.CreateCategory(RulesBuilders.CategoryRequest(name, CategoryGroup.Other, false)));

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.Run<ListService, Category>(s =>
            s.CreateCategory(RulesBuilders.CategoryRequest(name.ToUpperInvariant(), CategoryGroup.Other, false))));

        Assert.Equal(ErrorCodes.NameNotUnique, refused.Code);
        Assert.Equal("names.en", refused.Field);
    }

    [Fact]
    public async Task SeededCategoryNameCannotBeTakenAgainInOtherCase()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => db.Run<ListService, Category>(s =>
            s.CreateCategory(RulesBuilders.CategoryRequest("lead", CategoryGroup.PotentialCustomer, true))));

        Assert.Equal(ErrorCodes.NameNotUnique, refused.Code);
    }

    [Fact]
    public async Task DutchCategoryNamesAreUniqueOnTheirOwn()
    {
        var dutch = RulesBuilders.Unique("Groep");
        await db.Run<ListService, Category>(s => s.CreateCategory(Named(RulesBuilders.Unique("A"), dutch)));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            db.Run<ListService, Category>(s => s.CreateCategory(Named(RulesBuilders.Unique("B"), dutch.ToLowerInvariant()))));

        Assert.Equal(ErrorCodes.NameNotUnique, refused.Code);
        Assert.Equal("names.nl", refused.Field);
    }

    [Fact]
    public async Task TheSameTextMayBeAnEnglishNameAndAnotherItemsDutchName()
    {
        var shared = RulesBuilders.Unique("Shared");
        await db.Run<ListService, Category>(s => s.CreateCategory(Named(shared, RulesBuilders.Unique("Nl"))));

        var created = await db.Run<ListService, Category>(s => s.CreateCategory(Named(RulesBuilders.Unique("En"), shared)));

        Assert.Equal(shared, created.NameNl);
    }

    [Fact]
    public async Task CategoryNameCannotBeRenamedToAnotherItemsName()
    {
        var first = await db.NewCategory(CategoryGroup.Other, false);
        var second = await db.NewCategory(CategoryGroup.Other, false);

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.Run<ListService, CategorySaved>(s => s.UpdateCategory(
            second.Id, RulesBuilders.CategoryRequest(first.NameEn, CategoryGroup.Other, false), null)));

        Assert.Equal(ErrorCodes.NameNotUnique, refused.Code);
    }

    [Fact]
    public async Task DeletedCategorysNameCanBeReusedAndThenItCannotBeRestored()
    {
        var old = await db.NewCategory(CategoryGroup.Other, false);
        await db.Run<ListService>(s => s.DeleteCategory(old.Id, null));

        var reused = await db.Run<ListService, Category>(s => s.CreateCategory(RulesBuilders.CategoryRequest(old.NameEn, CategoryGroup.Other, false)));
        var refused = await Assert.ThrowsAsync<DomainException>(() => db.Run<ListService, Category>(s => s.RestoreCategory(old.Id)));

        Assert.Equal(old.NameEn, reused.NameEn);
        Assert.Equal(ErrorCodes.NameNotUnique, refused.Code);
        Assert.True((await db.Run<ListService, Category>(s => s.Category(old.Id))).Deleted);
    }

    private static CategoryRequest Named(string en, string nl) =>
        new(null, new LocalizedText(en, nl), null, null, CategoryGroup.Other.Key(), false, null);
}
