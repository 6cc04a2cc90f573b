using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Import;

/// <summary>Person imports: the dry run tells what the run does, persons are found by e-mail, and every row goes through the lead rules.</summary>
public abstract class ImportPersonsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task QuotesBracesBackslashesAndAccentsInTheFileAreStoredExactlyAsWritten()
    {
        var admin = await app.Admin();
        var names = new[] { "O'Brien", "{0} and {{1}}", @"back\slash \' end", "Ökten–Émile 😀", "'; DROP TABLE \"Persons\"; --" };
        var emails = names.Select((_, i) => Email($"odd{i}")).ToArray();
        // Quoted as a spreadsheet writes it: a field with a quote, comma or semicolon between double quotes, each quote doubled.
        var csv = "first name,last name,e-mail,title\n" + string.Concat(names.Select((name, i) =>
            $"Odd,\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{emails[i]},\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n"));

        var run = await admin.RunImport(Persons(dryRun: false, new { categoryId = await admin.CategoryId("Lead") }), csv);

        Assert.Equal((names.Length, 0, 0, 0), run.Counts());
        var stored = await app.PersonsByEmail(emails);
        Assert.Equal(names, emails.Select(e => stored.Single(p => string.Equals(p.Email, e, StringComparison.OrdinalIgnoreCase)).LastName));
        Assert.Equal(names, emails.Select(e => stored.Single(p => string.Equals(p.Email, e, StringComparison.OrdinalIgnoreCase)).Title));
    }

    [Fact]
    public async Task TheDryRunCountsWhatTheRunThenDoesAndWritesNothing()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var (companyId, companyName) = (company.Int("id"), company.Str("name"));
        var (updated, created, same) = (Email("updated"), Email("created"), Email("same"));
        await (await admin.PostJson("/api/persons", new { companyId, firstName = "Old", lastName = "Name", email = updated })).ShouldBe(201);
        await (await admin.PostJson("/api/persons", new { companyId, firstName = "Dirk", lastName = "Dekker", email = same })).ShouldBe(201);
        var csv = $"""
            first name,last name,e-mail,company
            Anna,Jansen,{updated},{companyName}
            Bert,Bakker,{created},{companyName}
            Dirk,Dekker,{same},{companyName}
            ,,{Email("nameless")},{companyName}
            Cees,Smit,not-an-email,{companyName}
            """;
        var before = await app.Snapshot();

        var dry = await admin.DryRun(Persons(dryRun: true), csv);

        await app.AssertUnchangedSince(before);
        Assert.Equal((5, 1, 1, 1, 2), (dry.Int("rows"), dry.Int("create"), dry.Int("update"), dry.Int("unchanged"), dry["errors"]!.AsArray().Count));
        Assert.Equal([5, 6], dry.Errors().Select(e => e.Line));
        var run = await admin.RunImport(Persons(dryRun: false), csv);
        Assert.Equal(dry.Counts(), run.Counts());
        Assert.Equal(dry.Errors(), run.Errors());
        Assert.Equal((5, 5), (run.Int("rows"), run.Int("done")));
        var persons = await app.PersonsByEmail(updated, created, same);
        Assert.Equal(["Anna Jansen", "Bert Bakker", "Dirk Dekker"], persons.Select(p => p.FullName));
        Assert.All(persons, p => Assert.Equal(companyId, p.CompanyId));
    }

    [Fact]
    public async Task ASecondImportOfTheSameFileFindsEveryPersonByEmailAndChangesNothing()
    {
        var admin = await app.Admin();
        var companyName = Unique.Name("Fair visitor");
        var emails = new[] { Email("one"), Email("two"), Email("three") };
        var csv = "First name,Last name,Email,Company,Phone\n" + string.Join("\n", emails.Select((e, i) => $"Person,Number {i},{e},{companyName},0{i}"));
        var first = await admin.RunImport(Persons(dryRun: false, new { categoryId = await admin.CategoryId("Lead") }), csv);
        var stored = await app.PersonsByEmail(emails);

        var second = await admin.RunImport(Persons(dryRun: false), csv);
        var upperCase = await admin.RunImport(Persons(dryRun: false), emails.Aggregate(csv, (text, e) => text.Replace(e, e.ToUpperInvariant())));

        Assert.Equal((3, 0, 0, 0), first.Counts());
        Assert.Equal((0, 0, 3, 0), second.Counts());
        Assert.Equal((0, 0, 3, 0), upperCase.Counts());
        Assert.Equal(stored.Select(p => p.Id), (await app.PersonsByEmail(emails)).Select(p => p.Id));
        Assert.Single((await admin.GetOk($"/api/companies?search={Uri.EscapeDataString(companyName)}"))["items"]!.AsArray());
    }

    [Fact]
    public async Task AMatchedPersonGetsOnlyTheNonEmptyValuesOfItsRow()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var email = Email("matched");
        var id = (await (await admin.PostJson("/api/persons", new
        {
            companyId = company.Int("id"), firstName = "Eva", lastName = "Vos", email, phone = "010-1", title = "CEO",
        })).ShouldBe(201)).Int("id");
        var csv = $"mail;telefoon;functie;achternaam\n{email.ToUpperInvariant()};020-2;;\n";

        var run = await admin.RunImport(Persons(dryRun: false, columns: new { mail = "email", telefoon = "phone", functie = "title", achternaam = "person.lastName" }), csv);

        Assert.Equal((0, 1, 0, 0), run.Counts());
        var person = await admin.GetPerson(id);
        Assert.Equal(("Eva", "Vos", "020-2", "CEO"), (person.Str("firstName"), person.Str("lastName"), person.Str("phone"), person.Str("title")));
        Assert.Equal(email, person.Str("email"));
    }

    [Fact]
    public async Task PersonsUnderAnActiveCategoryStartWithTheDefaultStatusUnlessTheFileGivesAValidOne()
    {
        var admin = await app.Admin();
        var lead = (await admin.CreateCompany("Lead")).Str("name");
        var customer = (await admin.CreateCompany("Customer")).Str("name");
        var (open, given, inCustomer) = (Email("open"), Email("given"), Email("customer"));
        var csv = $"""
            Last name,E-mail,Company,Lead status
            Default,{open},{lead},
            Given,{given},{lead},Gekwalificeerd
            Customer,{inCustomer},{customer},
            """;

        var run = await admin.RunImport(Persons(dryRun: false), csv);

        Assert.Equal((3, 0, 0, 0), run.Counts());
        var persons = await app.PersonsByEmail(open, given, inCustomer);
        Assert.Equal([await admin.DefaultStatusId(), await admin.StatusId("Qualified"), null], persons.Select(p => p.LeadStatusId));
        Assert.Equal(2, await app.ImportHistoryRows(persons.Select(p => p.Id)));
        var history = await admin.History(persons[1].Id);
        Assert.Equal(("Qualified", "import"), (history[0].Str("to"), history[0].Str("channel")));
        Assert.Equal((await admin.CategoryId("Customer"), null), (persons[2].CategoryId, persons[2].LeadStatusId));
    }

    [Fact]
    public async Task RowsThatErrAreReportedWithLineAndReasonWhileTheGoodRowsImport()
    {
        var admin = await app.Admin();
        var lead = (await admin.CreateCompany("Lead")).Str("name");
        var opportunity = (await admin.CreateCompany("Opportunity")).Str("name");
        var good = new[] { Email("good1"), Email("good2") };
        var csv = $"""
            First name,Last name,E-mail,Company,Lead status
            Good,One,{good[0]},{lead},Contacting
            Bad,Status,{Email("bad")},{lead},Warm-ish
            Off,Category,{Email("off")},{opportunity},Qualified
            Bad,Mail,not@an@address,{lead},
            ,,{Email("nameless")},{lead},
            Good,Two,{good[1]},{lead},
            Unknown,Company,{Email("nocompany")},{Unique.Name("No such company")},
            """;

        var run = await admin.RunImport(Persons(dryRun: false), csv);

        Assert.Equal((2, 0, 0, 5), run.Counts());
        var errors = run.Errors();
        Assert.Equal([3, 4, 5, 6, 8], errors.Select(e => e.Line));
        Assert.Contains("Warm-ish", errors[0].Reason);
        Assert.Contains("switched off", errors[1].Reason);
        Assert.Contains("e-mail", errors[2].Reason);
        Assert.Contains("first name or a last name", errors[3].Reason);
        Assert.Contains("does not exist", errors[4].Reason);
        Assert.Equal(2, (await app.PersonsByEmail(good)).Count);
        Assert.Equal(await admin.StatusId("Contacting"), (await app.PersonsByEmail(good[0])).Single().LeadStatusId);
    }
}

public sealed class ImportPersonsApiTestsOnSqlite(SqliteApp app) : ImportPersonsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportPersonsApiTestsOnPostgres(PostgresApp app) : ImportPersonsApiTests(app), IClassFixture<PostgresApp>;
