using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Search.Crit;

namespace Leadwerk.Tests.Search;

/// <summary>Every operator class through POST /api/search, on persons each test makes for itself.</summary>
public abstract class SearchOperatorsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ListOperatorsFindByLeadStatusAndAPersonWithoutStatusIsNotOneOfAnything()
    {
        var admin = await app.Admin();
        var m = Unique.Name("List");
        var lead = (await admin.CreateCompany("Lead")).Int("id");
        var contacting = await admin.StatusId("Contacting");
        var calling = (await admin.Person(new { companyId = lead, firstName = "A", lastName = m, leadStatusId = contacting })).Int("id");
        var open = (await admin.Person(new { companyId = lead, firstName = "B", lastName = m })).Int("id");
        var none = (await admin.Person(new { firstName = "C", lastName = m })).Int("id");

        Assert.Equal([calling], await admin.Ids(Persons(Marked(m), Line("person.leadStatus", "oneOf", contacting))));
        Assert.Equal([open, calling], await admin.Ids(Persons(Marked(m), Line("person.leadStatus", "oneOf", contacting, await admin.DefaultStatusId())), "person.leadStatus"));
        Assert.Equal([open, none], await admin.Ids(Persons(Marked(m), Line("person.leadStatus", "notOneOf", contacting)), "person.firstName"));
        Assert.Equal([none], await admin.Ids(Persons(Marked(m), Line("person.leadStatus", "isEmpty"))));
        Assert.Equal([calling, open], await admin.Ids(Persons(Marked(m), Line("person.leadStatus", "isNotEmpty")), "person.firstName"));
        Assert.Equal([calling, open], await admin.Ids(Persons(Marked(m), Line("person.categoryGroup", "oneOf", "potentialCustomer")), "person.firstName"));
        Assert.Equal([calling, open], await admin.Ids(Persons(Marked(m), Line("company.category", "oneOf", await admin.CategoryId("Lead"))), "person.firstName"));
        Assert.Equal([none], await admin.Ids(Persons(Marked(m), Line("person.company", "isEmpty"))));
    }

    [Fact]
    public async Task ACompanysCategoryFindsItsPersonsAfterAMoveAndNeverAPersonWithoutACompany()
    {
        var admin = await app.Admin();
        var m = Unique.Name("CompanyCategory");
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var member = (await admin.Person(new { companyId = company, firstName = "A", lastName = m })).Int("id");
        // Its own category is Lead too, but it has no company, so no company category.
        await admin.Person(new { firstName = "B", lastName = m, categoryId = await admin.CategoryId("Lead") });

        Assert.Equal([member], await admin.Ids(Persons(Marked(m), Line("company.categoryGroup", "oneOf", "potentialCustomer"))));
        Assert.Equal([member], await admin.Ids(Persons(Marked(m), Line("company.category", "oneOf", await admin.CategoryId("Lead")))));

        await admin.PatchCompany(company, new { categoryId = await admin.CategoryId("Customer") });

        Assert.Empty(await admin.Ids(Persons(Marked(m), Line("company.categoryGroup", "oneOf", "potentialCustomer"))));
        Assert.Equal([member], await admin.Ids(Persons(Marked(m), Line("company.categoryGroup", "oneOf", "customer"))));
        Assert.Equal([member], await admin.Ids(Persons(Marked(m), Line("company.category", "isNotEmpty")), "-company.category"));
    }

    [Fact]
    public async Task TextOperatorsIgnoreCaseAlsoForAccentedLetters()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Text");
        var emile = (await admin.Person(new { firstName = "Émile", lastName = m, title = "Head of Sales" })).Int("id");
        var emma = (await admin.Person(new { firstName = "emma", lastName = m, title = "CEO" })).Int("id");
        var bob = (await admin.Person(new { firstName = "Bob", lastName = m })).Int("id");

        async Task<List<int>> Find(string field, string op, params object[] values) =>
            await admin.Ids(Persons(Marked(m), Line(field, op, values)), "person.firstName");

        Assert.Equal([emile], await Find("person.firstName", "contains", "MIL"));
        Assert.Equal([emile], await Find("person.firstName", "startsWith", "émi"));
        Assert.Equal([emile], await Find("person.firstName", "startsWith", "ÉMI"));
        Assert.Equal([emile], await Find("person.firstName", "startsWith", "emi"));
        Assert.Equal([emile], await Find("person.firstName", "equals", "EMILE"));
        Assert.Equal([emma], await Find("person.firstName", "endsWith", "MA"));
        Assert.Equal([bob], await Find("person.firstName", "equals", "BOB"));
        Assert.Equal([bob, emile], await Find("person.firstName", "notEquals", "EMMA"));
        Assert.Equal([bob, emile], await Find("person.title", "notContains", "ceo"));
        Assert.Equal([emile], await Find("person.title", "contains", "of s"));
        Assert.Equal([bob], await Find("person.title", "isEmpty"));
        Assert.Equal([emile, emma], await Find("person.title", "isNotEmpty"));
        Assert.Empty(await Find("person.title", "contains", "%"));
        Assert.Empty(await Find("person.firstName", "startsWith", "_"));
    }

    [Fact]
    public async Task DatesCountWholeUtcDaysAndTimesWhenGiven()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Date");
        var day = new DateTime(2024, 3, 10, 0, 0, 0, DateTimeKind.Utc);
        var ids = new List<int>();
        foreach (var (name, at) in new[] { ("a", day.AddSeconds(-1)), ("b", day), ("c", day.AddDays(1).AddSeconds(-1)), ("d", day.AddDays(1)) })
        {
            var id = (await admin.Person(new { firstName = name, lastName = m })).Int("id");
            await app.SetPersonDates(id, createdAt: at);
            ids.Add(id);
        }

        async Task<List<int>> Find(string op, params object[] values) =>
            await admin.Ids(Persons(Marked(m), Line("person.createdAt", op, values)), "person.firstName");

        Assert.Equal([ids[0]], await Find("before", "2024-03-10"));
        Assert.Equal([ids[3]], await Find("after", "2024-03-10"));
        Assert.Equal([ids[1], ids[2]], await Find("between", "2024-03-10", "2024-03-10"));
        Assert.Equal(ids, await Find("between", "2024-03-09", "2024-03-11"));
        Assert.Equal([ids[0], ids[1]], await Find("before", "2024-03-10T12:00:00Z"));
        Assert.Equal([ids[2], ids[3]], await Find("after", "2024-03-10T12:00:00Z"));
        Assert.Empty(await Find("isEmpty"));
    }

    [Fact]
    public async Task LastDaysAndTodayCountFromNow()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Recent");
        var now = (await admin.Person(new { firstName = "now", lastName = m })).Int("id");
        var week = (await admin.Person(new { firstName = "week", lastName = m })).Int("id");
        var month = (await admin.Person(new { firstName = "month", lastName = m })).Int("id");
        await app.SetPersonDates(week, createdAt: DateTime.UtcNow.AddDays(-6.5), leadStatusChangedAt: DateTime.UtcNow);
        await app.SetPersonDates(month, createdAt: DateTime.UtcNow.AddDays(-29));
        await app.SetPersonDates(now, createdAt: DateTime.UtcNow);

        async Task<List<int>> Find(string field, string op, params object[] values) =>
            await admin.Ids(Persons(Marked(m), Line(field, op, values)), "person.firstName");

        Assert.Equal([now, week], await Find("person.createdAt", "lastDays", 7));
        Assert.Equal([month, now, week], await Find("person.createdAt", "lastDays", "30"));
        Assert.Equal([now], await Find("person.createdAt", "today"));
        Assert.Equal([week], await Find("person.leadStatusChangedAt", "today"));
        Assert.Equal([month, now], await Find("person.leadStatusChangedAt", "isEmpty"));
    }

    [Fact]
    public async Task OwnerMeIsTheCallerOnPersonsAndCompanies()
    {
        var anna = await app.NewUser();
        var bert = await app.NewUser();
        var m = Unique.Name("Owner");
        var company = await (await anna.Client.PostJson("/api/companies", new { name = Unique.Name("Co"), categoryId = await anna.Client.CategoryId("Lead"), ownerId = bert.Id })).ShouldBe(201);
        var annas = (await anna.Client.Person(new { firstName = "a", lastName = m, ownerId = anna.Id, companyId = company.Int("id") })).Int("id");
        var berts = (await anna.Client.Person(new { firstName = "b", lastName = m, ownerId = bert.Id })).Int("id");
        var nobodys = (await anna.Client.Person(new { firstName = "c", lastName = m })).Int("id");

        Assert.Equal([annas], await anna.Client.Ids(Persons(Marked(m), Line("person.owner", "oneOf", "me"))));
        Assert.Equal([berts], await bert.Client.Ids(Persons(Marked(m), Line("person.owner", "oneOf", "me"))));
        Assert.Equal([annas, berts], await bert.Client.Ids(Persons(Marked(m), Line("person.owner", "oneOf", "me", anna.Id)), "person.firstName"));
        Assert.Equal([annas, nobodys], await bert.Client.Ids(Persons(Marked(m), Line("person.owner", "notOneOf", "me")), "person.firstName"));
        Assert.Equal([annas], await bert.Client.Ids(Persons(Marked(m), Line("company.owner", "oneOf", "me"))));
        Assert.Empty(await anna.Client.Ids(Persons(Marked(m), Line("company.owner", "oneOf", "me"))));
    }

    [Fact]
    public async Task SetsAreOredAndLinesInASetAnded()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Or");
        var ann = (await admin.Person(new { firstName = "Ann", lastName = m, title = "Buyer" })).Int("id");
        var ceo = (await admin.Person(new { firstName = "Carl", lastName = m, title = "CEO" })).Int("id");
        await admin.Person(new { firstName = "Dirk", lastName = m, title = "Buyer" });

        var criteria = AnyOf(
            [Marked(m), Line("person.firstName", "equals", "ann"), Line("person.title", "equals", "buyer")],
            [Marked(m), Line("person.title", "equals", "ceo")]);

        Assert.Equal([ann, ceo], await admin.Ids(criteria, "person.firstName"));
        Assert.Equal(2, (await (await admin.PostJson("/api/search/count", criteria)).ShouldBe(200)).Int("count"));
    }

    [Fact]
    public async Task ValuesKeptOnPersonsWhoseLeadStatusIsNotActiveAreFound()
    {
        var admin = await app.Admin();
        var m = Unique.Name("R6");
        var company = await admin.CreateCompany("Lead");
        var qualified = await admin.StatusId("Qualified");
        var person = (await admin.Person(new { companyId = company.Int("id"), firstName = "Kept", lastName = m, leadStatusId = qualified })).Int("id");
        await admin.PatchCompany(company.Int("id"), new { categoryId = await admin.CategoryId("Customer") });
        Assert.False((await admin.GetPerson(person)).Bool("leadStatusActive"));

        Assert.Equal([person], await admin.Ids(Persons(Marked(m), Line("person.leadStatus", "oneOf", qualified))));
        Assert.Equal([person], await admin.Ids(Persons(Marked(m), Line("person.categoryGroup", "oneOf", "customer"), Line("person.leadStatus", "isNotEmpty"))));
        var item = (await admin.Search(Persons(Marked(m)), ["person.leadStatus"]))["items"]![0]!;
        Assert.Equal("Qualified (not in use)", item.Str("person.leadStatus"));
        Assert.Equal(qualified, item.Int("person.leadStatusId"));
        Assert.False(item.Bool("person.leadStatusActive"));
    }
}

public sealed class SearchOperatorsApiTestsOnSqlite(SqliteApp app) : SearchOperatorsApiTests(app), IClassFixture<SqliteApp>;

public sealed class SearchOperatorsApiTestsOnPostgres(PostgresApp app) : SearchOperatorsApiTests(app), IClassFixture<PostgresApp>;
