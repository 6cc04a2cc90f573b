using Leadwerk.Tests.Rules;
using Leadwerk.Web.Automation;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Automation;

/// <summary>R14: a category the user sets by hand in the same change wins over a rule that the same change triggers.</summary>
public sealed class HandSetCategoryWinsTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Fact]
    public async Task ARuleDoesNotOverrideACompanyCategorySetByHandInTheSameChange()
    {
        var lead = await db.Category("Lead");
        var handPicked = await db.Category("Marketing qualified lead");
        var qualified = await db.StatusId("Qualified");
        await db.Run<LeadwerkDbContext>(async context =>
        {
            context.AutomationRules.Add(new AutomationRule
            {
                Order = 1, Enabled = true, Trigger = AutomationTrigger.LeadStatusSet, LeadStatusIds = [qualified],
                TargetCategoryId = (await db.Category("Opportunity")).Id,
            });
            await context.SaveChangesAsync();
        });
        var company = await db.NewCompany(lead.Id);
        var person = await db.NewPerson(company.Id);

        await db.Run<IServiceProvider>(async scope =>
        {
            var context = scope.GetRequiredService<LeadwerkDbContext>();
            var transitions = scope.GetRequiredService<LeadTransitions>();
            var tracked = await context.Persons.Include(p => p.Category).Include(p => p.Company).ThenInclude(c => c!.Category).SingleAsync(p => p.Id == person.Id);
            await transitions.ChangeCompanyCategory(tracked.Company!, handPicked.Id);
            await transitions.SetStatus(tracked, qualified);
            await context.SaveChangesAsync();
        });

        Assert.Equal(handPicked.Id, (await db.Run<LeadwerkDbContext, int>(c => c.Companies.Where(x => x.Id == company.Id).Select(x => x.CategoryId).SingleAsync())));
        var history = await db.Run<CategoryHistory, List<CategoryChangeDto>>(h => h.Of(company.Id));
        Assert.Equal([null, null], history.Select(h => h.RuleId));
        Assert.Equal("api", history[0].Channel);
        Assert.Equal(qualified, (await db.Person(person.Id)).LeadStatusId);
    }
}
