using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Search.Crit;

namespace Leadwerk.Tests.Search;

/// <summary>Bad criteria are one 422 naming the set and line; the field list tells clients what is valid.</summary>
public abstract class SearchCriteriaApiTests(LeadwerkApp app)
{
    private static readonly object Ok = Line("person.lastName", "equals", "x");

    public static TheoryData<string, string> BadLines => new()
    {
        { """{ "field": "person.password", "operator": "equals", "values": ["x"] }""", "field" },
        { """{ "field": "company.name", "operator": "before", "values": ["2024-01-01"] }""", "operator" },
        { """{ "field": "person.leadStatus", "operator": "contains", "values": ["x"] }""", "operator" },
        { """{ "field": "person.createdAt", "operator": "oneOf", "values": [1] }""", "operator" },
        { """{ "field": "person.firstName", "operator": "equals", "values": [42] }""", "values" },
        { """{ "field": "person.firstName", "operator": "contains", "values": ["  "] }""", "values" },
        { """{ "field": "person.firstName", "operator": "equals", "values": [] }""", "values" },
        { """{ "field": "person.leadStatus", "operator": "oneOf", "values": ["Open"] }""", "values" },
        { """{ "field": "person.leadStatus", "operator": "oneOf", "values": [] }""", "values" },
        { """{ "field": "person.owner", "operator": "oneOf", "values": ["myself"] }""", "values" },
        { """{ "field": "person.categoryGroup", "operator": "oneOf", "values": [2] }""", "values" },
        { """{ "field": "person.leadStatus", "operator": "isEmpty", "values": [1] }""", "values" },
        { """{ "field": "person.createdAt", "operator": "before", "values": ["10-03-2024"] }""", "values" },
        { """{ "field": "person.createdAt", "operator": "between", "values": ["2024-01-01"] }""", "values" },
        { """{ "field": "person.createdAt", "operator": "lastDays", "values": [0] }""", "values" },
        { """{ "field": "person.createdAt", "operator": "lastDays", "values": ["week"] }""", "values" },
        { """{ "field": "person.createdAt", "operator": "lastDays", "values": [1000000000] }""", "values" },
        { """{ "field": "person.createdAt", "operator": "after", "values": ["9999-12-31"] }""", "values" },
        { """{ "field": "person.createdAt", "operator": "between", "values": ["2024-01-01", "9999-12-31"] }""", "values" },
        { """{ "field": "person.createdAt", "operator": "today", "values": ["2024-01-01"] }""", "values" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task ABadLineIs422InvalidCriteriaNamingItsSetAndLine(string line, string part)
    {
        var admin = await app.Admin();
        var criteria = new { entity = "person", sets = new object[] { new { lines = new[] { Ok } }, new { lines = new[] { Ok, JsonNode.Parse(line) } } } };

        var problem = await (await admin.PostSearch(criteria)).ShouldBeInvalidCriteria($"sets[1].lines[1].{part}");

        Assert.Single(problem["errors"]!.AsObject());
        Assert.Contains("Set 2, line 2", problem.Str("detail"));
        await (await admin.PostJson("/api/search/count", criteria)).ShouldBeInvalidCriteria($"sets[1].lines[1].{part}");
    }

    [Fact]
    public async Task EveryBadSetAndLineIsNamedInOneAnswerInTheUsersLanguage()
    {
        var admin = await app.Admin();
        var criteria = new
        {
            entity = "person",
            sets = new object[] { new { lines = Array.Empty<object>() }, new { lines = new[] { Ok, Line("person.nope", "equals", "x") } } },
        };

        var problem = await (await admin.PostSearch(criteria, language: "nl")).ShouldBeInvalidCriteria("sets[0]");

        Assert.True(problem["errors"]!.AsObject().ContainsKey("sets[1].lines[1].field"));
        Assert.Contains("Groep 2, regel 2", problem.Str("detail"));
        Assert.Contains("Groep 1 heeft geen regels", problem.Str("detail"));
    }

    [Theory]
    [InlineData("en", "Set 1, line 1, “Created in the last N days”: give a value.", "lastDays", "[]")]
    [InlineData("nl", "Groep 1, regel 1, “Aangemaakt in de laatste N dagen”: geef een waarde.", "lastDays", "[]")]
    [InlineData("en", "Set 1, line 1, “Lead status is one of”: pick at least one value.", "oneOf", "[]")]
    [InlineData("nl", "Groep 1, regel 1, “Aangemaakt tussen”: geef beide datums, van en tot en met.", "between", "[\"2024-01-01\"]")]
    public async Task ACriteriaErrorNamesTheFieldAndTheOperatorAsTheUserSeesThem(string language, string message, string op, string values)
    {
        var admin = await app.Admin();
        var field = op == "oneOf" ? "person.leadStatus" : "person.createdAt";
        var line = JsonNode.Parse($$"""{ "field": "{{field}}", "operator": "{{op}}", "values": {{values}} }""");

        var problem = await (await admin.PostSearch(Persons(line!), language: language)).ShouldBeInvalidCriteria("sets[0].lines[0].values");

        Assert.Equal(message, problem["errors"]!["sets[0].lines[0].values"]![0]!.GetValue<string>());
        Assert.DoesNotContain(op, message);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1e5")]
    [InlineData("2.5")]
    [InlineData("36501")]
    public async Task ANumberOfDaysIsRefusedRatherThanChanged(string typed)
    {
        var admin = await app.Admin();

        var problem = await (await admin.PostSearch(Persons(Line("person.createdAt", "lastDays", typed)))).ShouldBeInvalidCriteria("sets[0].lines[0].values");

        Assert.Contains("the value must be a number of days from 1 to 36500", problem.Str("detail"));
        await admin.Search(Persons(Line("person.createdAt", "lastDays", "5")));
    }

    [Fact]
    public async Task MissingOrUnknownEntityAndMissingCriteriaAre422()
    {
        var admin = await app.Admin();

        await (await admin.PostSearch(new { sets = new[] { new { lines = new[] { Ok } } } })).ShouldBeInvalidCriteria("entity");
        await (await admin.PostSearch(new { entity = "invoice", sets = new[] { new { lines = new[] { Ok } } } })).ShouldBeInvalidCriteria("entity");
        await (await admin.PostJson("/api/search", new { columns = new[] { "person.lastName" } })).ShouldBeInvalid("criteria");
    }

    [Fact]
    public async Task APersonFieldIsUnknownInCompanyCriteria()
    {
        var admin = await app.Admin();
        var criteria = new { entity = "company", sets = new[] { new { lines = new[] { Line("person.firstName", "equals", "x") } } } };

        await (await admin.PostSearch(criteria)).ShouldBeInvalidCriteria("sets[0].lines[0].field");
    }

    [Fact]
    public async Task FieldsListTypesOperatorsAndLocalizedListValues()
    {
        var admin = await app.Admin();

        var fields = (await admin.GetOk("/api/search/fields?entity=person", "nl")).Items().ToDictionary(f => f.Str("key")!);

        Assert.Equal("Voornaam", fields["person.firstName"].Str("label"));
        Assert.Equal("text", fields["person.firstName"].Str("type"));
        Assert.Contains("notContains", fields["person.firstName"]["operators"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Null(fields["person.firstName"]["values"]);
        Assert.Equal("Leadstatus", fields["person.leadStatus"].Str("label"));
        Assert.Equal(["oneOf", "notOneOf", "isEmpty", "isNotEmpty"], fields["person.leadStatus"]["operators"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["Open", "Contact opnemen", "Gekwalificeerd", "Gediskwalificeerd", "Opnieuw benaderen"],
            fields["person.leadStatus"]["values"]!.AsArray().Where(v => !v!["deleted"]!.GetValue<bool>()).Select(v => v!["name"]!.GetValue<string>()).Take(5));
        Assert.Equal(await admin.StatusId("Contacting") + "", fields["person.leadStatus"]["values"]![1]!.Str("id"));
        Assert.Contains(fields["person.categoryGroup"]["values"]!.AsArray(), v => v!["id"]!.GetValue<string>() == "potentialCustomer" && v["name"]!.GetValue<string>() == "Potentiële klant");
        var me = await admin.GetOk("/api/users/me");
        Assert.Contains(fields["person.owner"]["values"]!.AsArray(), v => v!["id"]!.GetValue<string>() == me.Int("id") + "" && v["name"]!.GetValue<string>() == me.Str("displayName"));
        Assert.Equal("date", fields["person.createdAt"].Str("type"));
        Assert.Contains("lastDays", fields["person.createdAt"]["operators"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("Bedrijf", fields["company.name"].Str("label"));
        Assert.DoesNotContain("person.company", fields.Keys);
    }

    [Fact]
    public async Task CompanyFieldsHoldOnlyCompanyFieldsAndAnUnknownEntityIs422()
    {
        var admin = await app.Admin();

        var fields = (await admin.GetOk("/api/search/fields?entity=company")).Items();

        Assert.All(fields, f => Assert.StartsWith("company.", f.Str("key")));
        Assert.Contains(fields, f => f.Str("key") == "company.owner" && f.Str("label") == "Company: our contact");
        await (await admin.Get("/api/search/fields?entity=invoice")).ShouldBeInvalid("entity");
    }

    [Fact]
    public async Task SearchNeedsALogin()
    {
        using var anonymous = app.Anonymous();

        await (await anonymous.PostSearch(Persons(Ok))).ShouldBeProblem(401, "unauthorized");
        await (await anonymous.Get("/api/search/fields?entity=person")).ShouldBeProblem(401, "unauthorized");
    }
}

public sealed class SearchCriteriaApiTestsOnSqlite(SqliteApp app) : SearchCriteriaApiTests(app), IClassFixture<SqliteApp>;

public sealed class SearchCriteriaApiTestsOnPostgres(PostgresApp app) : SearchCriteriaApiTests(app), IClassFixture<PostgresApp>;
