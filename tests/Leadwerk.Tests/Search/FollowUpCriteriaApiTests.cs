using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Leadwerk.Tests.FollowUps;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Search.Crit;

namespace Leadwerk.Tests.Search;

/// <summary>The follow-up fields of the engine (F15): next follow-up, last activity and open follow-ups as criteria, columns and sorts.</summary>
public abstract class FollowUpCriteriaApiTests(LeadwerkApp app)
{
    private DateTimeOffset Now => app.Clock.GetUtcNow();

    [Fact]
    public async Task NextFollowUpIsEmptyFindsTheActiveLeadsWithoutOneAndLastDaysFindsTheOverdueOnes()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Next");
        var lead = (await admin.CreateCompany("Lead")).Int("id");
        var planned = await Lead(admin, lead, "planned", m);
        var overdue = await Lead(admin, lead, "overdue", m);
        var done = await Lead(admin, lead, "done", m);
        var none = await Lead(admin, lead, "none", m);
        var customer = (await admin.Person(new { companyId = (await admin.CreateCompany("Customer")).Int("id"), firstName = "customer", lastName = m })).Int("id");
        await admin.PlanFollowUp(planned, Now.AddDays(3));
        await admin.PlanFollowUp(overdue, Now.AddDays(-2));
        await admin.PlanFollowUp(overdue, Now.AddDays(20));
        var finished = await admin.PlanFollowUp(done, Now.AddDays(-1));
        await (await admin.PostJson($"/api/follow-ups/{finished.Int("id")}/complete", new { outcome = "Reached" })).ShouldBe(200);

        async Task<List<int>> Find(params object[] lines) => await admin.Ids(Persons([Marked(m), .. lines]), "person.firstName");

        Assert.Equal([done, none], await Find(Line("person.nextFollowUp", "isEmpty"), Line("person.categoryGroup", "oneOf", "potentialCustomer"),
            Line("person.leadStatus", "isNotEmpty")));
        Assert.Equal([customer, done, none], await Find(Line("person.nextFollowUp", "isEmpty")));
        Assert.Equal([overdue, planned], await Find(Line("person.nextFollowUp", "isNotEmpty")));
        Assert.Equal([overdue], await Find(Line("person.nextFollowUp", "lastDays", 7)));
        Assert.Equal([overdue], await Find(Line("person.nextFollowUp", "before", Day(Now))));
        Assert.Equal([planned], await Find(Line("person.nextFollowUp", "after", Day(Now))));
        Assert.Equal([planned], await Find(Line("person.nextFollowUp", "between", Day(Now.AddDays(2)), Day(Now.AddDays(4)))));
    }

    [Fact]
    public async Task OpenFollowUpsCountsAndLastActivityIsWhenOneWasDone()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Count");
        var two = (await admin.Person(new { firstName = "two", lastName = m })).Int("id");
        var one = (await admin.Person(new { firstName = "one", lastName = m })).Int("id");
        var zero = (await admin.Person(new { firstName = "zero", lastName = m })).Int("id");
        await admin.PlanFollowUp(two, Now.AddDays(1));
        await admin.PlanFollowUp(two, Now.AddDays(2));
        await admin.PlanFollowUp(one, Now.AddDays(1));
        var completed = await admin.PlanFollowUp(zero, Now.AddDays(-1));
        await (await admin.PostJson($"/api/follow-ups/{completed.Int("id")}/complete", new { outcome = "Done" })).ShouldBe(200);

        async Task<List<int>> Find(params object[] lines) => await admin.Ids(Persons([Marked(m), .. lines]), "person.firstName");

        Assert.Equal([two], await Find(Line("person.openFollowUps", "equals", 2)));
        Assert.Equal([one, two], await Find(Line("person.openFollowUps", "greaterThan", 0)));
        Assert.Equal([zero], await Find(Line("person.openFollowUps", "lessThan", "1")));
        Assert.Equal([zero], await Find(Line("person.lastActivity", "today")));
        Assert.Equal([zero], await Find(Line("person.lastActivity", "lastDays", 1)));
        Assert.Equal([one, two], await Find(Line("person.lastActivity", "isEmpty")));
        var items = (await admin.Search(Persons(Marked(m)), ["person.firstName", "person.openFollowUps", "person.lastActivity"], "-person.openFollowUps"))["items"]!.Items();
        Assert.Equal([2, 1, 0], items.Select(i => i.Int("person.openFollowUps")));
        Assert.Null(items[0]["person.lastActivity"]);
        Assert.NotNull(items[2]["person.lastActivity"]);
    }

    [Fact]
    public async Task SortingByNextFollowUpPagesThroughEveryPersonOnceInBothDirectionsWithTheEmptyOnesLast()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Sort");
        var ids = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await admin.Person(new { firstName = $"p{i}", lastName = m })).Int("id"));
        }

        // Two share a moment, so the id has to break the tie; two have none.
        var due = Now.AddDays(5);
        DateTimeOffset[] dues = [due.AddDays(2), due, due.AddDays(-4), due, due.AddDays(9)];
        for (var i = 0; i < dues.Length; i++)
        {
            await admin.PlanFollowUp(ids[i], dues[i]);
        }

        var ascending = await Walk(admin, m, "person.nextFollowUp");
        var descending = await Walk(admin, m, "-person.nextFollowUp");

        Assert.Equal([ids[2], ids[1], ids[3], ids[0], ids[4], ids[5], ids[6]], ascending.Select(i => i.Int("id")));
        Assert.Equal([ids[4], ids[0], ids[3], ids[1], ids[2], ids[6], ids[5]], descending.Select(i => i.Int("id")));
        Assert.StartsWith(due.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), ascending[1].Str("person.nextFollowUp"));
        Assert.Null(ascending[^1]["person.nextFollowUp"]);
        var byCount = await Walk(admin, m, "-person.openFollowUps");
        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0], ids[6], ids[5]], byCount.Select(i => i.Int("id")));
    }

    [Fact]
    public async Task WrongOperatorsAndValuesForTheFollowUpFieldsAreRefusedByLine()
    {
        var admin = await app.Admin();

        await (await admin.PostSearch(Persons(Line("person.openFollowUps", "lastDays", 3)))).ShouldBeInvalidCriteria("sets[0].lines[0].operator");
        var many = await (await admin.PostSearch(Persons(Line("person.openFollowUps", "greaterThan", "many")))).ShouldBeInvalidCriteria("sets[0].lines[0].values");
        Assert.Contains("whole number", many.ToJsonString());
        await (await admin.PostSearch(Persons(Line("person.openFollowUps", "equals", -1)))).ShouldBeInvalidCriteria("sets[0].lines[0].values");
        await (await admin.PostSearch(Persons(Line("person.openFollowUps", "equals")))).ShouldBeInvalidCriteria("sets[0].lines[0].values");
        await (await admin.PostSearch(Persons(Line("person.nextFollowUp", "greaterThan", 1)))).ShouldBeInvalidCriteria("sets[0].lines[0].operator");
        await (await admin.PostSearch(Persons(Line("person.nextFollowUp", "isNotEmpty", "2026-01-01")))).ShouldBeInvalidCriteria("sets[0].lines[0].values");
        await (await admin.PostSearch(Persons(Line("person.lastActivity", "before", "soon")))).ShouldBeInvalidCriteria("sets[0].lines[0].values");
    }

    [Fact]
    public async Task TheFieldsAreDescribedInBothLanguagesWithTheirOperators()
    {
        var admin = await app.Admin();

        var fields = (await admin.GetOk("/api/search/fields?entity=person")).Items();
        var dutch = (await admin.GetOk("/api/search/fields?entity=person", "nl")).Items();

        JsonNode Field(List<JsonNode> list, string key) => list.Single(f => f.Str("key") == key);
        Assert.Equal("Next follow-up", Field(fields, "person.nextFollowUp").Str("label"));
        Assert.Equal("Volgende vervolgactie", Field(dutch, "person.nextFollowUp").Str("label"));
        Assert.Equal("Open vervolgacties", Field(dutch, "person.openFollowUps").Str("label"));
        Assert.Equal("Laatste activiteit", Field(dutch, "person.lastActivity").Str("label"));
        Assert.Equal("number", Field(fields, "person.openFollowUps").Str("type"));
        Assert.Equal(["equals", "greaterThan", "lessThan"], Field(fields, "person.openFollowUps")["operators"]!.Items().Select(o => o.GetValue<string>()));
        Assert.Contains("isNotEmpty", Field(fields, "person.nextFollowUp")["operators"]!.Items().Select(o => o.GetValue<string>()));
        Assert.True(Field(fields, "person.nextFollowUp").Bool("column"));
    }

    [Fact]
    public async Task TheContactsTabShowsAndFiltersTheFollowUpColumns()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var with = (await admin.Person(new { companyId = company, firstName = "With", lastName = Unique.Name("C") })).Int("id");
        var without = (await admin.Person(new { companyId = company, firstName = "Without", lastName = Unique.Name("C") })).Int("id");
        await admin.PlanFollowUp(with, Now.AddDays(1));
        var filter = Uri.EscapeDataString(new JsonArray(JsonNode.Parse("""{ "field": "person.openFollowUps", "operator": "equals", "values": [0] }""")).ToJsonString());

        var all = await admin.GetOk($"/api/companies/{company}/persons?columns=person.firstName,person.nextFollowUp,person.openFollowUps&sort=person.nextFollowUp");
        var filtered = await admin.GetOk($"/api/companies/{company}/persons?columns=person.firstName&filter={filter}");

        Assert.Equal([with, without], all["items"]!.Items().Select(i => i.Int("id")));
        Assert.Equal(1, all["items"]![0]!.Int("person.openFollowUps"));
        Assert.NotNull(all["items"]![0]!["person.nextFollowUp"]);
        Assert.Equal([without], filtered["items"]!.Items().Select(i => i.Int("id")));
    }

    [Fact]
    public async Task ASelectionExportsTheFollowUpColumnsWithTheirLabels()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Csv");
        var person = (await admin.Person(new { firstName = "Ann", lastName = m })).Int("id");
        var due = new DateTimeOffset(2031, 3, 4, 9, 30, 0, TimeSpan.Zero);
        await admin.PlanFollowUp(person, due);
        var selection = await admin.CreateSelection(new { name = m, kind = "dynamic", criteria = Persons(Marked(m), Line("person.openFollowUps", "greaterThan", 0)) });

        var bytes = await (await admin.Get($"/api/selections/{selection.Int("id")}/export.csv?columns=person.firstName,person.nextFollowUp,person.openFollowUps,person.lastActivity"))
            .ShouldBe200Csv();
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal("id,First name,Next follow-up,Open follow-ups,Last activity", lines[0]);
        Assert.Equal($"{person},Ann,2031-03-04 09:30,1,", lines[1]);
    }

    private static async Task<int> Lead(HttpClient admin, int companyId, string firstName, string marker) =>
        (await admin.Person(new { companyId, firstName, lastName = marker })).Int("id");

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Task<List<JsonNode>> Walk(HttpClient admin, string marker, string sort) =>
        SearchCalls.Walk(cursor => admin.Search(Persons(Marked(marker)), ["person.nextFollowUp", "person.openFollowUps"], sort, limit: 2, cursor: cursor));
}

public sealed class FollowUpCriteriaApiTestsOnSqlite(SqliteApp app) : FollowUpCriteriaApiTests(app), IClassFixture<SqliteApp>;

public sealed class FollowUpCriteriaApiTestsOnPostgres(PostgresApp app) : FollowUpCriteriaApiTests(app), IClassFixture<PostgresApp>;
