using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Tests.Rules;

/// <summary>Small builders so each test creates, in a few lines, the companies and persons it asserts on.</summary>
internal static class RulesBuilders
{
    public static readonly Actor Api = new(null, Role.Admin, Channel.Api);

    /// <summary>Names are unique per test so tests sharing one database never meet (and R10 never bites by accident).</summary>
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}";

    public static Task<Category> Category(this RulesDatabase db, string nameEn) =>
        db.Run<LeadwerkDbContext, Category>(d => d.Categories.AsNoTracking().SingleAsync(c => c.NameEn == nameEn));

    public static Task<int> StatusId(this RulesDatabase db, string nameEn) =>
        db.Run<LeadwerkDbContext, int>(d => d.LeadStatuses.Where(s => s.NameEn == nameEn).Select(s => s.Id).SingleAsync());

    public static Task<int> DefaultStatusId(this RulesDatabase db) => db.Run<ListService, int>(l => l.DefaultStatusId());

    public static async Task<CompanyDto> NewCompany(this RulesDatabase db, string categoryNameEn) =>
        await db.NewCompany((await db.Category(categoryNameEn)).Id);

    public static Task<CompanyDto> NewCompany(this RulesDatabase db, int categoryId) =>
        db.Run<CompanyService, CompanyDto>(s => s.Create(new CompanyRequest(Unique("Company"), categoryId, null, null, null, null, null, null)));

    public static Task<PersonDto> NewPerson(
        this RulesDatabase db, int? companyId = null, int? categoryId = null, int? leadStatusId = null, Actor? actor = null) =>
        db.Run<PersonService, PersonDto>(s => s.Create(
            new PersonRequest(companyId, "Test", Unique("Person"), null, null, null, null, categoryId, leadStatusId)), actor);

    public static Task<PersonDto> Person(this RulesDatabase db, int id) => db.Run<PersonService, PersonDto>(s => s.Get(id));

    public static Task<PersonDto> ChangePerson(this RulesDatabase db, int id, PersonChanges changes, Actor? actor = null) =>
        db.Run<PersonService, PersonDto>(s => s.Update(id, changes, null), actor);

    public static Task<PersonDto> SetLeadStatus(this RulesDatabase db, int personId, int? statusId, Actor? actor = null) =>
        db.ChangePerson(personId, new PersonChanges { LeadStatusId = new Opt<int?>(true, statusId) }, actor);

    public static Task<PersonDto> MoveToCompany(this RulesDatabase db, int personId, int? companyId, Actor? actor = null) =>
        db.ChangePerson(personId, new PersonChanges { CompanyId = new Opt<int?>(true, companyId) }, actor);

    public static Task<PersonDto> SetOwnCategory(this RulesDatabase db, int personId, int? categoryId, Actor? actor = null) =>
        db.ChangePerson(personId, new PersonChanges { CategoryId = new Opt<int?>(true, categoryId) }, actor);

    public static Task<CompanyDto> SetCompanyCategory(this RulesDatabase db, int companyId, int categoryId, Actor? actor = null) =>
        db.Run<CompanyService, CompanyDto>(s => s.Update(companyId, new CompanyChanges { CategoryId = categoryId }, null), actor);

    public static Task<List<LeadStatusChangeDto>> History(this RulesDatabase db, int personId) =>
        db.Run<PersonService, List<LeadStatusChangeDto>>(s => s.History(personId));

    public static Task<Category> NewCategory(this RulesDatabase db, CategoryGroup group, bool leadStatusEnabled) =>
        db.Run<ListService, Category>(s => s.CreateCategory(CategoryRequest(Unique("Category"), group, leadStatusEnabled)));

    public static CategoryRequest CategoryRequest(string name, CategoryGroup group, bool leadStatusEnabled) =>
        new(name, null, null, null, group.Key(), leadStatusEnabled, null);

    /// <summary>The request that saves a category as it is, but with another group and flag.</summary>
    public static CategoryRequest Edited(this Category category, CategoryGroup group, bool leadStatusEnabled) =>
        new(null, new LocalizedText(category.NameEn, category.NameNl), null,
            new LocalizedText(category.DescriptionEn, category.DescriptionNl), group.Key(), leadStatusEnabled, category.Rank);

    public static Task<LeadStatus> NewLeadStatus(this RulesDatabase db, bool isDefault = false) =>
        db.Run<ListService, LeadStatus>(s => s.CreateLeadStatus(new LeadStatusRequest(Unique("Status"), null, "Made by a test.", null, null, isDefault)));

    public static async Task<int> NewUser(this RulesDatabase db) =>
        (await db.Run<UserService, User>(s => s.Create(new UserRequest(Unique("user").Replace(' ', '-'), "correct horse battery", "Rules tester", "user", "en")))).Id;
}
