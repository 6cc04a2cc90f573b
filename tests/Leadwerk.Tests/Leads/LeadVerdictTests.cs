using Leadwerk.Tests.Rules;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;

namespace Leadwerk.Tests.Leads;

/// <summary>Every verdict of the lead transition core (<see cref="LeadRules"/>), as one table: what each case decides, with which code and status.</summary>
public sealed class LeadVerdictTests
{
    private static readonly Category Lead = new() { Id = 1, NameEn = "Lead", NameNl = "Lead", Group = CategoryGroup.PotentialCustomer, LeadStatusEnabled = true };
    private static readonly Category Opportunity = new() { Id = 3, NameEn = "Opportunity", NameNl = "Kans", Group = CategoryGroup.PotentialCustomer };
    private static readonly Category Customer = new() { Id = 5, NameEn = "Customer", NameNl = "Klant", Group = CategoryGroup.Customer };
    private static readonly Category Partner = new() { Id = 6, NameEn = "Partner", NameNl = "Partner", Group = CategoryGroup.Partner };
    private static readonly Category Gone = new() { Id = 9, NameEn = "Gone", NameNl = "Weg", Group = CategoryGroup.PotentialCustomer, LeadStatusEnabled = true, Deleted = true };
    private static readonly LeadStatus Open = new() { Id = 1, NameEn = "Open", NameNl = "Open", IsDefault = true };
    private static readonly LeadStatus Qualified = new() { Id = 3, NameEn = "Qualified", NameNl = "Gekwalificeerd" };
    private static readonly LeadStatus Retired = new() { Id = 8, NameEn = "Retired", NameNl = "Oud", Deleted = true };

    public static TheoryData<string, VerdictKind, string?, int> Cases => new()
    {
        { "status: the same status again", VerdictKind.Unchanged, null, 409 },
        { "status: under an active category", VerdictKind.Allowed, null, 409 },
        { "status: under a customer category", VerdictKind.Refused, ErrorCodes.LeadStatusNotActive, 409 },
        { "status: under a potential customer category with lead status off", VerdictKind.Refused, ErrorCodes.LeadStatusNotActive, 409 },
        { "status: without any category", VerdictKind.Refused, ErrorCodes.LeadStatusNotActive, 409 },
        { "status: the kept value of a customer, unchanged", VerdictKind.Unchanged, null, 409 },
        { "status: cleared under an active category", VerdictKind.Refused, ErrorCodes.ValidationFailed, 422 },
        { "status: an unknown status", VerdictKind.Refused, ErrorCodes.ValidationFailed, 422 },
        { "status: a deleted status", VerdictKind.Refused, ErrorCodes.ValidationFailed, 422 },
        { "person category: the same category again", VerdictKind.Unchanged, null, 409 },
        { "person category: a person with a company", VerdictKind.Refused, ErrorCodes.CategoryInherited, 409 },
        { "person category: a person without company", VerdictKind.Allowed, null, 409 },
        { "person category: cleared on a person without company", VerdictKind.Allowed, null, 409 },
        { "person category: an unknown category", VerdictKind.Refused, ErrorCodes.ValidationFailed, 422 },
        { "person category: a deleted category", VerdictKind.Refused, ErrorCodes.ValidationFailed, 422 },
        { "company category: the same category again", VerdictKind.Unchanged, null, 409 },
        { "company category: lead to customer by import", VerdictKind.Allowed, null, 409 },
        { "company category: customer to lead by a user", VerdictKind.Allowed, null, 409 },
        { "company category: customer to lead by bulk update", VerdictKind.Allowed, null, 409 },
        { "company category: customer to lead by import", VerdictKind.Refused, ErrorCodes.CustomerKept, 409 },
        { "company category: customer to lead by automation", VerdictKind.Refused, ErrorCodes.CustomerKept, 409 },
        { "company category: customer to lead by form", VerdictKind.Refused, ErrorCodes.CustomerKept, 409 },
        { "company category: customer to another customer category by import", VerdictKind.Allowed, null, 409 },
        { "company category: an unknown category", VerdictKind.Refused, ErrorCodes.ValidationFailed, 422 },
        { "company category: a deleted category", VerdictKind.Refused, ErrorCodes.ValidationFailed, 422 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachCaseGetsItsVerdictCodeAndStatus(string name, VerdictKind kind, string? code, int status)
    {
        var verdict = Judge(name);

        Assert.Equal(kind, verdict.Kind);
        Assert.Equal(code, verdict.Code);
        if (verdict.IsRefused)
        {
            Assert.Equal(status, verdict.Status);
            Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
            Assert.NotNull(verdict.Field);
        }
        else
        {
            Assert.Null(verdict.Reason);
        }
    }

    [Fact]
    public void ARefusedStatusGivesTheSameReasonAsThePersonCardShows()
    {
        using var _ = UiCulture.English();

        var verdict = LeadRules.StatusChange(Customer, Qualified.Id, Open.Id, Open);

        Assert.Equal(LeadReasons.Inactive(Customer), verdict.Reason);
        Assert.Contains("“Customer” is in the group Customer", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReasonsComeInDutchWhenTheUserReadsDutch()
    {
        using var _ = UiCulture.Dutch();

        Assert.StartsWith("Geen leadstatus: categorie “Klant”", LeadRules.StatusChange(Customer, null, Open.Id, Open).Reason, StringComparison.Ordinal);
        Assert.StartsWith("De categorie van deze persoon komt van het bedrijf “Acme”",
            LeadRules.PersonCategoryChange(Lead.Id, 7, "Acme", Partner.Id, Partner).Reason, StringComparison.Ordinal);
        Assert.Contains("haalt een bedrijf nooit uit de groep Klant", LeadRules.CompanyCategoryChange(
            CustomerCompany(), Lead.Id, Lead, Channel.Import).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStatusTargetsAreExactlyTheStatusesTheVerdictAllows()
    {
        LeadStatus[] statuses = [Open, Qualified, Retired];

        Assert.Equal([Qualified.Id], LeadRules.StatusTargets(Lead, Open.Id, statuses).Select(s => s.Id));
        Assert.Empty(LeadRules.StatusTargets(Customer, Open.Id, statuses));
        Assert.Equal([Lead.Id, Partner.Id], LeadRules.CategoryTargets(Customer.Id, null, [Lead, Customer, Partner, Gone]).Select(c => c.Id));
        Assert.Empty(LeadRules.CategoryTargets(Customer.Id, 7, [Lead, Customer, Partner]));
    }

    [Fact]
    public void UndoingACompanyMovePutsBackStatusesAndSinceDatesButKeepsALaterChange()
    {
        var since = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        var company = CustomerCompany();
        var kept = new Person { Id = 1, CategoryId = Customer.Id, Category = Customer, LeadStatusId = Qualified.Id, LeadStatusChangedAt = since };
        var none = new Person { Id = 2, CategoryId = Customer.Id, Category = Customer };
        var laterChanged = new Person { Id = 3, CategoryId = Customer.Id, Category = Customer, LeadStatusId = Qualified.Id, LeadStatusChangedAt = since };

        var moved = LeadRules.MoveCompany(company, Opportunity, [kept, none, laterChanged], Open.Id);
        var movedAgain = LeadRules.MoveCompany(company, Lead, [kept, none, laterChanged], Open.Id);
        laterChanged.LeadStatusId = Qualified.Id;
        LeadRules.UndoCompanyMove(company, Opportunity, [kept, none, laterChanged], movedAgain, Open.Id);
        LeadRules.UndoCompanyMove(company, Customer, [kept, none, laterChanged], moved, Open.Id);

        Assert.Equal(Customer.Id, company.CategoryId);
        Assert.Equal((Qualified.Id, since), (kept.LeadStatusId, kept.LeadStatusChangedAt));
        Assert.Null(none.LeadStatusId);
        Assert.Equal(Qualified.Id, laterChanged.LeadStatusId);
    }

    private static Company CustomerCompany() => new() { Id = 7, Name = "Acme", CategoryId = Customer.Id, Category = Customer };

    private static LeadVerdict Judge(string name) => name switch
    {
        "status: the same status again" => LeadRules.StatusChange(Lead, Open.Id, Open.Id, Open),
        "status: under an active category" => LeadRules.StatusChange(Lead, Open.Id, Qualified.Id, Qualified),
        "status: under a customer category" => LeadRules.StatusChange(Customer, Open.Id, Qualified.Id, Qualified),
        "status: under a potential customer category with lead status off" => LeadRules.StatusChange(Opportunity, Open.Id, Qualified.Id, Qualified),
        "status: without any category" => LeadRules.StatusChange(null, null, Open.Id, Open),
        "status: the kept value of a customer, unchanged" => LeadRules.StatusChange(Customer, Qualified.Id, Qualified.Id, Qualified),
        "status: cleared under an active category" => LeadRules.StatusChange(Lead, Open.Id, null, null),
        "status: an unknown status" => LeadRules.StatusChange(Lead, Open.Id, 999, null),
        "status: a deleted status" => LeadRules.StatusChange(Lead, Open.Id, Retired.Id, Retired),
        "person category: the same category again" => LeadRules.PersonCategoryChange(Lead.Id, 7, "Acme", Lead.Id, Lead),
        "person category: a person with a company" => LeadRules.PersonCategoryChange(Lead.Id, 7, "Acme", Partner.Id, Partner),
        "person category: a person without company" => LeadRules.PersonCategoryChange(Lead.Id, null, null, Partner.Id, Partner),
        "person category: cleared on a person without company" => LeadRules.PersonCategoryChange(Lead.Id, null, null, null, null),
        "person category: an unknown category" => LeadRules.PersonCategoryChange(Lead.Id, null, null, 999, null),
        "person category: a deleted category" => LeadRules.PersonCategoryChange(Lead.Id, null, null, Gone.Id, Gone),
        "company category: the same category again" => LeadRules.CompanyCategoryChange(CustomerCompany(), Customer.Id, Customer, Channel.Import),
        "company category: lead to customer by import" => LeadRules.CompanyCategoryChange(
            new Company { Name = "Lead Co", CategoryId = Lead.Id, Category = Lead }, Customer.Id, Customer, Channel.Import),
        "company category: customer to lead by a user" => LeadRules.CompanyCategoryChange(CustomerCompany(), Lead.Id, Lead, Channel.Ui),
        "company category: customer to lead by bulk update" => LeadRules.CompanyCategoryChange(CustomerCompany(), Lead.Id, Lead, Channel.Bulk),
        "company category: customer to lead by import" => LeadRules.CompanyCategoryChange(CustomerCompany(), Lead.Id, Lead, Channel.Import),
        "company category: customer to lead by automation" => LeadRules.CompanyCategoryChange(CustomerCompany(), Lead.Id, Lead, Channel.Automation),
        "company category: customer to lead by form" => LeadRules.CompanyCategoryChange(CustomerCompany(), Lead.Id, Lead, Channel.Form),
        "company category: customer to another customer category by import" => LeadRules.CompanyCategoryChange(CustomerCompany(), 55,
            new Category { Id = 55, NameEn = "Key account", NameNl = "Grote klant", Group = CategoryGroup.Customer }, Channel.Import),
        "company category: an unknown category" => LeadRules.CompanyCategoryChange(CustomerCompany(), 999, null, Channel.Ui),
        "company category: a deleted category" => LeadRules.CompanyCategoryChange(CustomerCompany(), Gone.Id, Gone, Channel.Ui),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such case."),
    };
}
