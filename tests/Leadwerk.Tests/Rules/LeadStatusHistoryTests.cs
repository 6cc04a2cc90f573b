using Leadwerk.Web.Leads;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Tests.Rules;

/// <summary>R13: every lead status change, by hand or automatic, leaves exactly one history row.</summary>
public sealed class LeadStatusHistoryTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Theory]
    [InlineData(Channel.Ui)]
    [InlineData(Channel.Api)]
    [InlineData(Channel.Board)]
    [InlineData(Channel.Bulk)]
    [InlineData(Channel.Import)]
    [InlineData(Channel.Automation)]
    [InlineData(Channel.Form)]
    public async Task ManualChangeWritesOneRowWithFromToUserAndTheActorsChannel(Channel channel)
    {
        var userId = await db.NewUser();
        var person = await db.NewPerson((await db.NewCompany("Lead")).Id);
        var qualified = await db.StatusId("Qualified");

        var changed = await db.SetLeadStatus(person.Id, qualified, new Actor(userId, Role.User, channel));

        var history = await db.History(person.Id);
        Assert.Equal(2, history.Count);
        var row = history[0];
        Assert.Equal(person.LeadStatusId, row.FromId);
        Assert.Equal("Open", row.From);
        Assert.Equal(qualified, row.ToId);
        Assert.Equal("Qualified", row.To);
        Assert.Equal(userId, row.UserId);
        Assert.Equal("Rules tester", row.UserName);
        Assert.Equal(channel, row.Channel);
        Assert.Equal(row.At, changed.LeadStatusChangedAt);
    }

    [Fact]
    public async Task CreationUnderActiveCategoryWritesOneRowFromNothingToTheDefault()
    {
        var person = await db.NewPerson((await db.NewCompany("Lead")).Id, actor: new Actor(null, Role.Admin, Channel.Import));

        var row = Assert.Single(await db.History(person.Id));

        Assert.Null(row.FromId);
        Assert.Equal(await db.DefaultStatusId(), row.ToId);
        Assert.Null(row.UserId);
        Assert.Equal(Channel.Import, row.Channel);
        Assert.Equal(row.At, person.LeadStatusChangedAt);
    }

    [Fact]
    public async Task CreationUnderInactiveCategoryWritesNoRow()
    {
        var person = await db.NewPerson((await db.NewCompany("Customer")).Id);

        Assert.Empty(await db.History(person.Id));
        Assert.Null(person.LeadStatusChangedAt);
    }

    [Fact]
    public async Task ChangingOtherFieldsOrSettingTheSameStatusWritesNoRow()
    {
        var person = await db.NewPerson((await db.NewCompany("Lead")).Id);

        await db.ChangePerson(person.Id, new PersonChanges { Title = "Buyer" });
        await db.SetLeadStatus(person.Id, person.LeadStatusId);

        Assert.Single(await db.History(person.Id));
    }

    [Fact]
    public async Task RefusedChangeWritesNoRow()
    {
        var person = await db.NewPerson((await db.NewCompany("Opportunity")).Id);
        var qualified = await db.StatusId("Qualified");

        await Assert.ThrowsAsync<DomainException>(() => db.SetLeadStatus(person.Id, qualified));

        Assert.Empty(await db.History(person.Id));
    }

    [Fact]
    public async Task MoveToActiveCompanyWritesOneRowWithTheActorsChannel()
    {
        var person = await db.NewPerson((await db.NewCompany("Customer")).Id);

        await db.MoveToCompany(person.Id, (await db.NewCompany("Lead")).Id, new Actor(null, Role.User, Channel.Board));

        var row = Assert.Single(await db.History(person.Id));
        Assert.Null(row.FromId);
        Assert.Equal(await db.DefaultStatusId(), row.ToId);
        Assert.Equal(Channel.Board, row.Channel);
    }

    [Fact]
    public async Task KeptValueReplacedByTheDefaultIsRecordedFromTheKeptValue()
    {
        var qualified = await db.StatusId("Qualified");
        var company = await db.NewCompany("Lead");
        var person = await db.NewPerson(company.Id, leadStatusId: qualified);
        await db.SetCompanyCategory(company.Id, (await db.Category("Opportunity")).Id);

        await db.SetCompanyCategory(company.Id, (await db.Category("Lead")).Id, new Actor(null, Role.Admin, Channel.Automation));

        // Created (Qualified), no longer active (kept), a new lead again with the default (R5).
        var history = await db.History(person.Id);
        Assert.Equal(3, history.Count);
        Assert.Equal((qualified, qualified, false), (history[1].FromId, history[1].ToId, history[1].Active));
        Assert.Equal(qualified, history[0].FromId);
        Assert.Equal(await db.DefaultStatusId(), history[0].ToId);
        Assert.Equal(Channel.Automation, history[0].Channel);
        Assert.True(history[0].BecameLead);
    }

    [Fact]
    public async Task HistoryListsChangesNewestFirst()
    {
        var person = await db.NewPerson((await db.NewCompany("Lead")).Id);
        var contacting = await db.StatusId("Contacting");
        var qualified = await db.StatusId("Qualified");

        await db.SetLeadStatus(person.Id, contacting);
        await db.SetLeadStatus(person.Id, qualified);

        var history = await db.History(person.Id);
        Assert.Equal([qualified, contacting, person.LeadStatusId], history.Select(h => h.ToId));
        Assert.Equal([contacting, person.LeadStatusId, null], history.Select(h => h.FromId));
    }

    [Fact]
    public async Task StatusChangeInAScopeWithoutAnActorThrowsAndSavesNothing()
    {
        var person = await db.NewPerson((await db.NewCompany("Lead")).Id);
        var qualified = await db.StatusId("Qualified");

        await db.RunWithoutActor<LeadwerkDbContext>(async context =>
        {
            var tracked = await context.Persons.SingleAsync(p => p.Id == person.Id);
            tracked.LeadStatusId = qualified;
            await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        });

        Assert.Equal(person.LeadStatusId, (await db.Person(person.Id)).LeadStatusId);
        Assert.Single(await db.History(person.Id));
    }

    [Fact]
    public async Task NewPersonWithAStatusAddedInAScopeWithoutAnActorThrows()
    {
        var company = await db.NewCompany("Lead");
        var open = await db.DefaultStatusId();

        await db.RunWithoutActor<LeadwerkDbContext>(async context =>
        {
            context.Persons.Add(new Person { LastName = RulesBuilders.Unique("Sneaky"), CompanyId = company.Id, CategoryId = company.CategoryId, LeadStatusId = open });
            await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        });

        Assert.Empty((await db.Run<PersonService, Page<PersonDto>>(s => s.List(null, company.Id, null, null))).Items);
    }
}
