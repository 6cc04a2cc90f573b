using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Automation;

/// <summary>F10/R11–R17 through the API: the rule list, rules that apply at once, suggestions, the category history and the test box.</summary>
public abstract class AutomationRulesApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task AnAdminSavesOrderedRulesAndReadsThemBackWithTheirNames()
    {
        var admin = await app.Admin();
        var sold = await admin.Rule("saleSold", "Customer");
        var qualified = await admin.Rule("leadStatusSet", "Opportunity", ["Qualified"], askUser: true, onNonInteractive: "queue");

        var saved = await admin.PutRules(qualified, sold);
        var again = (await admin.GetOk(AutomationClient.Rules))["rules"]!.Items();

        Assert.Equal([1, 2], saved.Select(r => r.Int("order")));
        Assert.Equal(["Qualified → Opportunity", "Sale sold → Customer"], again.Select(r => r.Str("name")));
        Assert.Equal(("leadStatusSet", true, "queue"), (again[0].Str("trigger"), again[0].Bool("askUser"), again[0].Str("onNonInteractive")));
        var reordered = await admin.PutRules(new { id = again[1].Int("id"), order = 1, enabled = true, trigger = "saleSold", targetCategoryId = again[1].Int("targetCategoryId"), askUser = false, onNonInteractive = "apply" });
        Assert.Equal([again[1].Int("id")], reordered.Select(r => r.Int("id")));
    }

    [Fact]
    public async Task AnEnabledRuleWithoutATargetAndOtherBadRulesAreRefusedTogetherAndNothingIsSaved()
    {
        var admin = await app.Admin();
        await admin.PutRules(await admin.Rule("saleSold", "Customer"));

        var response = await admin.PutJson(AutomationClient.Rules, new
        {
            rules = new object[]
            {
                new { enabled = true, trigger = "leadStatusSet", leadStatusIds = new[] { await admin.StatusId("Qualified") }, targetCategoryId = (int?)null },
                new { enabled = true, trigger = "sometimes", targetCategoryId = await admin.CategoryId("Customer") },
                new { enabled = true, trigger = "anyPersonInStatus", leadStatusIds = Array.Empty<int>(), targetCategoryId = await admin.CategoryId("Customer") },
                new { enabled = false, trigger = "saleLost", targetCategoryId = await admin.CategoryId("Lost opportunity"), onNonInteractive = "maybe" },
            },
        });

        var problem = await response.ShouldBeProblem(422, "validationFailed");
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(["rules[0].targetCategoryId", "rules[1].trigger", "rules[2].leadStatusIds", "rules[3].onNonInteractive"], errors);
        Assert.Single((await admin.GetOk(AutomationClient.Rules))["rules"]!.Items());
    }

    [Fact]
    public async Task APlainUserCannotReadOrChangeTheRules()
    {
        var user = await app.NewUser();

        await (await user.Client.Get(AutomationClient.Rules)).ShouldBeProblem(403, "forbidden");
        await (await user.Client.PutJson(AutomationClient.Rules, new { rules = Array.Empty<object>() })).ShouldBeProblem(403, "forbidden");
    }

    [Fact]
    public async Task ARuleWithoutAskingMovesTheCompanyInTheSameChangeAndTheHistoryNamesIt()
    {
        var admin = await app.Admin();
        var user = await app.NewUser();
        await admin.PutRules(await admin.Rule("leadStatusSet", "Opportunity", ["Qualified"]));
        var (company, person) = await user.Client.LeadWithPerson();

        var changed = await user.Client.PatchPerson(person, new { leadStatusId = await admin.StatusId("Qualified") });

        Assert.Empty(changed["suggestions"]!.AsArray());
        Assert.Equal("Opportunity", await admin.CompanyCategory(company));
        Assert.Equal(("Opportunity", false, "Qualified"), (changed.Str("category"), changed.Bool("leadStatusActive"), changed.Str("leadStatus")));
        var row = (await admin.CategoryHistory(company))[0];
        Assert.Equal(("Lead", "Opportunity", "automation", "leadStatusSet", person, user.Id),
            (row.Str("from"), row.Str("to"), row.Str("channel"), row.Str("trigger"), row.IntOrNull("triggerPersonId"), row.IntOrNull("userId")));
        Assert.StartsWith("Category set to Opportunity by rule “Qualified → Opportunity” after Test ", row.Str("text"));
        Assert.Contains(" became Qualified on ", row.Str("text"));
        Assert.Equal("Created in category Lead by " + user.UserName, (await admin.CategoryHistory(company))[1].Str("text"));
    }

    [Fact]
    public async Task RulesFireOnlyForActiveLeadsNeverForCustomersNorForAnotherStatusNorADeletedTarget()
    {
        var admin = await app.Admin();
        var target = await admin.CreateCategory("potentialCustomer");
        await admin.PutRules(
            await admin.Rule("leadStatusSet", "Opportunity", ["Contacting"]),
            new { enabled = true, trigger = "leadStatusSet", leadStatusIds = new[] { await admin.StatusId("Re-nurture") }, targetCategoryId = target.Int("id") });
        await (await admin.Delete($"/api/categories/{target.Int("id")}")).ShouldBe(204);
        var (lead, leadPerson) = await admin.LeadWithPerson();
        var (other, otherPerson) = await admin.LeadWithPerson();

        await admin.PatchPerson(leadPerson, new { leadStatusId = await admin.StatusId("Qualified") });
        await admin.PatchPerson(otherPerson, new { leadStatusId = await admin.StatusId("Re-nurture") });
        var test = await (await admin.PostJson(AutomationClient.Rules + "/test", new { personId = leadPerson, leadStatusId = await admin.StatusId("Contacting") })).ShouldBe(200);
        var renurture = await (await admin.PostJson(AutomationClient.Rules + "/test", new { personId = leadPerson, leadStatusId = await admin.StatusId("Re-nurture") })).ShouldBe(200);
        await admin.PatchCompany(lead, new { categoryId = await admin.CategoryId("Customer") });
        var customerTest = await (await admin.PostJson(AutomationClient.Rules + "/test", new { personId = leadPerson, leadStatusId = await admin.StatusId("Contacting") })).ShouldBe(200);

        Assert.Equal("Customer", await admin.CompanyCategory(lead));
        Assert.Equal("Lead", await admin.CompanyCategory(other));
        Assert.True(test.Bool("fires"));
        var checks = test["rules"]!.Items();
        Assert.Equal([true, false], checks.Select(r => r.Bool("fires")));
        Assert.StartsWith("Fires: the company moves to “Opportunity”", checks[0].Str("reason"));
        Assert.False(renurture.Bool("fires"));
        Assert.Equal(["The new lead status is not one of the rule's statuses.", "The rule has no target category, or it has been deleted."],
            renurture["rules"]!.Items().Select(r => r.Str("reason")));
        Assert.False(customerTest.Bool("fires"));
        Assert.StartsWith("No lead status: category “Customer”", customerTest.Str("summary"));
    }

    [Fact]
    public async Task ARuleThatAsksGivesASuggestionTheUserAcceptsWithAnotherCategory()
    {
        var admin = await app.Admin();
        var user = await app.NewUser();
        await admin.PutRules(await admin.Rule("leadStatusSet", "Opportunity", ["Qualified"], askUser: true));
        var (company, person) = await user.Client.LeadWithPerson();

        var changed = await user.Client.PatchPerson(person, new { leadStatusId = await admin.StatusId("Qualified") });
        var suggestion = changed["suggestions"]!.Items().Single();
        var mine = (await user.Client.GetOk("/api/suggestions?mine=true")).Items();
        var notAdmins = (await admin.GetOk("/api/suggestions?mine=true")).Items();
        await (await user.Client.PostJson($"/api/suggestions/{suggestion.Str("token")}/accept",
            new { categoryId = await admin.CategoryId("Marketing qualified lead") })).ShouldBe(204);

        Assert.Equal("Qualified", changed.Str("leadStatus"));
        Assert.Equal(("companyCategory", company, await admin.CategoryId("Lead"), await admin.CategoryId("Opportunity")),
            (suggestion.Str("kind"), suggestion.Int("companyId"), suggestion.Int("fromCategoryId"), suggestion.Int("toCategoryId")));
        Assert.InRange(suggestion["expiresAt"]!.GetValue<DateTime>(), DateTime.UtcNow.AddDays(13), DateTime.UtcNow.AddDays(15));
        Assert.Equal([suggestion.Str("token")], mine.Select(s => s.Str("token")));
        Assert.DoesNotContain(notAdmins, s => s.Str("token") == suggestion.Str("token"));
        Assert.Equal("Marketing qualified lead", await admin.CompanyCategory(company));
        var row = (await admin.CategoryHistory(company))[0];
        Assert.Equal(("api", user.Id), (row.Str("channel"), row.IntOrNull("userId")));
        Assert.EndsWith($", confirmed by {user.UserName}", row.Str("text"));
        Assert.Empty((await user.Client.GetOk("/api/suggestions?mine=true")).Items());
        await (await user.Client.PostJson($"/api/suggestions/{suggestion.Str("token")}/accept", null)).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task ADismissedSuggestionChangesNothingAndAnOutdatedOneIsRefused()
    {
        var admin = await app.Admin();
        await admin.PutRules(await admin.Rule("leadStatusSet", "Opportunity", ["Qualified"], askUser: true));
        var (first, firstPerson) = await admin.LeadWithPerson();
        var (second, secondPerson) = await admin.LeadWithPerson();
        var dismissed = (await admin.PatchPerson(firstPerson, new { leadStatusId = await admin.StatusId("Qualified") }))["suggestions"]!.Items().Single();
        var outdated = (await admin.PatchPerson(secondPerson, new { leadStatusId = await admin.StatusId("Qualified") }))["suggestions"]!.Items().Single();
        await admin.PatchCompany(second, new { categoryId = await admin.CategoryId("Marketing qualified lead") });

        await (await admin.PostJson($"/api/suggestions/{dismissed.Str("token")}/dismiss", null)).ShouldBe(204);
        var refused = await (await admin.PostJson($"/api/suggestions/{outdated.Str("token")}/accept", null)).ShouldBeProblem(409, "suggestionOutdated");

        Assert.Equal("Lead", await admin.CompanyCategory(first));
        Assert.Equal("Marketing qualified lead", await admin.CompanyCategory(second));
        Assert.Contains("no longer in the category", refused.Str("detail"));
        await (await admin.PostJson("/api/suggestions/not-a-token/dismiss", null)).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task TheCategoryHistoryOfAnUnknownCompanyIsNotFound()
    {
        var admin = await app.Admin();

        await (await admin.Get("/api/companies/999999/category-history")).ShouldBeProblem(404, "notFound");
    }
}

public sealed class AutomationRulesApiTestsOnSqlite(SqliteApp app) : AutomationRulesApiTests(app), IClassFixture<SqliteApp>;

public sealed class AutomationRulesApiTestsOnPostgres(PostgresApp app) : AutomationRulesApiTests(app), IClassFixture<PostgresApp>;
