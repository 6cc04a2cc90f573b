using Leadwerk.Web.Common;
using Leadwerk.Web.Lists;

namespace Leadwerk.Tests.Rules;

/// <summary>The lead status list: R9 (default undeletable, soft delete, restore) and R10.</summary>
public sealed class LeadStatusListTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Fact]
    public async Task DefaultStatusCannotBeDeleted()
    {
        var defaultId = await db.DefaultStatusId();

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.Run<ListService>(s => s.DeleteLeadStatus(defaultId, null)));

        Assert.Equal(ErrorCodes.DefaultStatusUndeletable, refused.Code);
        Assert.Equal(409, refused.Status);
        Assert.False((await db.Run<ListService, LeadStatus>(s => s.LeadStatus(defaultId))).Deleted);
    }

    [Fact]
    public async Task DefaultStatusCannotStopBeingTheDefaultOnItsOwn()
    {
        var open = await db.Run<ListService, LeadStatus>(async s => await s.LeadStatus(await s.DefaultStatusId()));

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.Run<ListService, LeadStatus>(s => s.UpdateLeadStatus(
            open.Id, new LeadStatusRequest(null, new LocalizedText(open.NameEn, open.NameNl), null, null, open.Rank, IsDefault: false), null)));

        Assert.Equal(ErrorCodes.DefaultStatusUndeletable, refused.Code);
        Assert.Equal(open.Id, await db.DefaultStatusId());
    }

    [Fact]
    public async Task DeletedStatusIsHiddenFromPickersButKeptOnPersonsAndInTheirHistory()
    {
        var status = await db.NewLeadStatus();
        var company = await db.NewCompany("Lead");
        var person = await db.NewPerson(company.Id, leadStatusId: status.Id);

        await db.Run<ListService>(s => s.DeleteLeadStatus(status.Id, null));

        Assert.DoesNotContain(await db.Run<ListService, List<LeadStatus>>(s => s.LeadStatuses()), s => s.Id == status.Id);
        Assert.Contains(await db.Run<ListService, List<LeadStatus>>(s => s.LeadStatuses(includeDeleted: true)), s => s.Id == status.Id && s.Deleted);
        var kept = await db.Person(person.Id);
        Assert.Equal(status.Id, kept.LeadStatusId);
        Assert.Equal(status.NameEn, kept.LeadStatus);
        Assert.Equal(status.NameEn, Assert.Single(await db.History(person.Id)).To);
    }

    [Fact]
    public async Task DeletedStatusCannotBePickedForAPerson()
    {
        var status = await db.NewLeadStatus();
        await db.Run<ListService>(s => s.DeleteLeadStatus(status.Id, null));
        var company = await db.NewCompany("Lead");
        var person = await db.NewPerson(company.Id);

        var onChange = await Assert.ThrowsAsync<ValidationFailedException>(() => db.SetLeadStatus(person.Id, status.Id));
        var onCreate = await Assert.ThrowsAsync<ValidationFailedException>(() => db.NewPerson(company.Id, leadStatusId: status.Id));

        Assert.Contains("leadStatusId", onChange.Errors.Keys);
        Assert.Contains("leadStatusId", onCreate.Errors.Keys);
        Assert.Equal(await db.DefaultStatusId(), (await db.Person(person.Id)).LeadStatusId);
    }

    [Fact]
    public async Task RestoredStatusCanBePickedAgain()
    {
        var status = await db.NewLeadStatus();
        await db.Run<ListService>(s => s.DeleteLeadStatus(status.Id, null));
        var person = await db.NewPerson((await db.NewCompany("Lead")).Id);

        var restored = await db.Run<ListService, LeadStatus>(s => s.RestoreLeadStatus(status.Id));

        Assert.False(restored.Deleted);
        Assert.Contains(await db.Run<ListService, List<LeadStatus>>(s => s.LeadStatuses()), s => s.Id == status.Id);
        Assert.Equal(status.Id, (await db.SetLeadStatus(person.Id, status.Id)).LeadStatusId);
    }

    [Fact]
    public async Task StatusNamesAreUniqueIgnoringCase()
    {
        var status = await db.NewLeadStatus();

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.Run<ListService, LeadStatus>(s => s.CreateLeadStatus(
            new LeadStatusRequest(status.NameEn.ToUpperInvariant(), null, null, null, null, false))));

        Assert.Equal(ErrorCodes.NameNotUnique, refused.Code);
    }

    [Fact]
    public async Task SeededStatusNameCannotBeTakenAgainInDutchInOtherCase()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => db.Run<ListService, LeadStatus>(s => s.CreateLeadStatus(
            new LeadStatusRequest(null, new LocalizedText(RulesBuilders.Unique("Fresh"), "GEKWALIFICEERD"), null, null, null, false))));

        Assert.Equal(ErrorCodes.NameNotUnique, refused.Code);
        Assert.Equal("names.nl", refused.Field);
    }

    [Fact]
    public async Task DeletedStatusNameCanBeReusedAndThenItCannotBeRestored()
    {
        var old = await db.NewLeadStatus();
        await db.Run<ListService>(s => s.DeleteLeadStatus(old.Id, null));

        var reused = await db.Run<ListService, LeadStatus>(s => s.CreateLeadStatus(new LeadStatusRequest(old.NameEn, null, null, null, null, false)));
        var refused = await Assert.ThrowsAsync<DomainException>(() => db.Run<ListService, LeadStatus>(s => s.RestoreLeadStatus(old.Id)));

        Assert.Equal(old.NameEn, reused.NameEn);
        Assert.Equal(ErrorCodes.NameNotUnique, refused.Code);
    }

    /// <summary>Changes the default, so it runs on a database of its own.</summary>
    [Fact]
    public async Task MakingAnotherStatusTheDefaultLetsTheOldDefaultBeDeletedAndNewLeadsStartWithTheNewOne()
    {
        await using var own = await RulesDatabase.Start();
        var oldDefault = await own.DefaultStatusId();
        var newDefault = await own.NewLeadStatus(isDefault: true);

        await own.Run<ListService>(s => s.DeleteLeadStatus(oldDefault, null));

        Assert.Equal(newDefault.Id, await own.DefaultStatusId());
        var defaults = (await own.Run<ListService, List<LeadStatus>>(s => s.LeadStatuses(includeDeleted: true))).Where(s => s.IsDefault);
        Assert.Equal(newDefault.Id, Assert.Single(defaults).Id);
        Assert.Equal(newDefault.Id, (await own.NewPerson((await own.NewCompany("Lead")).Id)).LeadStatusId);
    }
}
