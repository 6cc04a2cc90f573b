using System.Text;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Search.Crit;

namespace Leadwerk.Tests.Search;

/// <summary>
/// R6: a lead status held in a category whose statuses are not active is a kept value; results, CSV and
/// the board mark it "not in use", and Find finds in-use and kept statuses apart.
/// </summary>
public abstract class KeptStatusApiTests(LeadwerkApp app)
{
    private async Task<(HttpClient User, string Marker, int Live, int Kept, int None)> ThreePersons(string language = "en")
    {
        var user = (await app.NewUser(language: language)).Client;
        var m = Unique.Name("Kept");
        var live = await user.CreatePerson((await user.CreateCompany("Lead")).Int("id"), m);
        var customer = await user.CreateCompany("Lead");
        var kept = await user.CreatePerson(customer.Int("id"), m);
        var contacting = await user.StatusId("Contacting");
        await user.PatchPerson(live.Int("id"), new { leadStatusId = contacting });
        await user.PatchPerson(kept.Int("id"), new { leadStatusId = contacting });
        await user.PatchCompany(customer.Int("id"), new { categoryId = await user.CategoryId("Customer") });
        var none = await user.CreatePerson((await user.CreateCompany("Partner")).Int("id"), m);
        return (user, m, live.Int("id"), kept.Int("id"), none.Int("id"));
    }

    [Fact]
    public async Task AKeptStatusIsMarkedNotInUseInTheResultsWithItsFlag()
    {
        var (user, m, live, kept, _) = await ThreePersons();

        var page = await user.Search(Persons(Marked(m), Line("person.leadStatus", "oneOf", await user.StatusId("Contacting"))),
            ["person.lastName", "person.leadStatus"], sort: "person.lastName");

        var rows = page["items"]!.Items().ToDictionary(i => i.Int("id"));
        Assert.Equal(new[] { live, kept }.Order(), rows.Keys.Order());
        Assert.Equal("Contacting", rows[live].Str("person.leadStatus"));
        Assert.True(rows[live].Bool("person.leadStatusActive"));
        Assert.Equal("Contacting (not in use)", rows[kept].Str("person.leadStatus"));
        Assert.False(rows[kept].Bool("person.leadStatusActive"));
    }

    [Fact]
    public async Task LeadStatusActiveFindsStatusesInUseOrKeptAndNeverPersonsWithoutAStatus()
    {
        var (user, m, live, kept, none) = await ThreePersons();

        Assert.Equal([live], await user.Ids(Persons(Marked(m), Line("person.leadStatusActive", "oneOf", true))));
        Assert.Equal([kept], await user.Ids(Persons(Marked(m), Line("person.leadStatusActive", "oneOf", "false"))));
        Assert.Equal([live, kept], (await user.Ids(Persons(Marked(m), Line("person.leadStatusActive", "oneOf", true, false)))).Order());
        Assert.DoesNotContain(none, await user.Ids(Persons(Marked(m), Line("person.leadStatusActive", "oneOf", false))));
        await (await user.PostSearch(Persons(Line("person.leadStatusActive", "notOneOf", true)))).ShouldBeInvalidCriteria("sets[0].lines[0].operator");
        await (await user.PostSearch(Persons(Line("person.leadStatusActive", "oneOf", "yes")))).ShouldBeInvalidCriteria("sets[0].lines[0].values");
    }

    [Fact]
    public async Task TheFieldListOffersInUseAndNotInUseInTheUsersLanguage()
    {
        var admin = await app.Admin();

        var fields = (await admin.GetOk("/api/search/fields?entity=person", "nl")).Items().ToDictionary(f => f.Str("key")!);

        var field = fields["person.leadStatusActive"];
        Assert.Equal(["oneOf"], field["operators"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["In gebruik", "Niet in gebruik"], field["values"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));
        Assert.Equal(["true", "false"], field["values"]!.AsArray().Select(v => v!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheContactsTabCountsKeptStatusesApartInItsLeadStatusGroups()
    {
        var user = (await app.NewUser()).Client;
        var company = (await user.CreateCompany("Lead")).Int("id");
        var contacting = await user.StatusId("Contacting");
        foreach (var name in new[] { "Ann", "Bo" })
        {
            await user.PatchPerson((await user.CreatePerson(company, name)).Int("id"), new { leadStatusId = contacting });
        }

        await user.CreatePerson(company, "Cas");
        var url = $"/api/companies/{company}/persons?groupBy=person.leadStatus";
        Assert.All((await user.GetOk(url))["groups"]!.Items(), g => Assert.Equal(0, g.Int("kept")));

        await user.PatchCompany(company, new { categoryId = await user.CategoryId("Customer") });

        var groups = (await user.GetOk(url))["groups"]!.Items().Select(g => (g.Str("name"), g.Int("count"), g.Int("kept")));
        Assert.Equal([("Open", 1, 1), ("Contacting", 2, 2)], groups);
    }

    [Fact]
    public async Task TheCsvExportMarksAKeptStatusInTheReadersLanguage()
    {
        var (user, m, _, _, _) = await ThreePersons("nl");
        var selection = await user.CreateSelection(new { name = m, kind = "dynamic", criteria = Persons(Marked(m)) });

        var csv = Encoding.UTF8.GetString(await (await user.Get(
            $"/api/selections/{selection.Int("id")}/export.csv?columns=person.lastName,person.leadStatus")).ShouldBe200Csv());

        Assert.Contains("Contact opnemen (niet in gebruik)", csv);
        Assert.Single(csv.Split('\n'), l => l.Contains("Contact opnemen") && !l.Contains("niet in gebruik"));
    }
}

public sealed class KeptStatusApiTestsOnSqlite(SqliteApp app) : KeptStatusApiTests(app), IClassFixture<SqliteApp>;

public sealed class KeptStatusApiTestsOnPostgres(PostgresApp app) : KeptStatusApiTests(app), IClassFixture<PostgresApp>;
