using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.Extensions.DependencyInjection;
using static Leadwerk.Tests.Search.Crit;

namespace Leadwerk.Tests.Search;

/// <summary>GET /api/selections/{id}/export.csv: UTF-8 with BOM, the user's separator and labels, no formulas.</summary>
public abstract class SelectionExportApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task EnglishExportHasABomCommasEnglishLabelsAndAFileName()
    {
        var user = await app.NewUser(language: "en");
        var m = Unique.Name("Csv");
        var company = await user.Client.CreateCompany("Lead", "Bakker, Zonen & Co");
        await user.Client.Person(new { companyId = company.Int("id"), firstName = "Lotte", lastName = m, email = "lotte@example.com" });
        var selection = await user.Client.CreateSelection(new { name = "Q3 leads: NL/BE", kind = "dynamic", criteria = Persons(Marked(m)) });

        var response = await user.Client.Get($"/api/selections/{selection.Int("id")}/export.csv");
        var bytes = await response.ShouldBe200Csv();
        var rows = Parse(bytes, ",");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Q3-leads--NL-BE.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(["id", "First name", "Last name", "Company", "E-mail", "Category", "Lead status", "Our contact"], rows[0]);
        Assert.Equal(["Lotte", m, "Bakker, Zonen & Co", "lotte@example.com", "Lead", "Open", ""], rows[1][1..]);
        Assert.Contains("\"Bakker, Zonen & Co\"", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task DutchUsersGetSemicolonsAndDutchLabels()
    {
        var user = await app.NewUser();
        await (await user.Client.PatchJson("/api/users/me", new { language = "nl" })).ShouldBe(200);
        var m = Unique.Name("Csv");
        await user.Client.Person(new { firstName = "Jan", lastName = m, title = "Inkoop; verkoop" });
        var selection = await user.Client.CreateSelection(new { name = m, kind = "dynamic", criteria = Persons(Marked(m)) });

        var bytes = await (await user.Client.Get($"/api/selections/{selection.Int("id")}/export.csv?columns=person.firstName,person.title,person.leadStatus"))
            .ShouldBe200Csv();
        var rows = Parse(bytes, ";");

        Assert.Equal(["id", "Voornaam", "Functie", "Leadstatus"], rows[0]);
        Assert.Equal(["Jan", "Inkoop; verkoop", ""], rows[1][1..]);
        Assert.StartsWith("id;Voornaam;Functie;Leadstatus", Encoding.UTF8.GetString(bytes[3..]));
        Assert.Contains("\"Inkoop; verkoop\"", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task CellsThatASpreadsheetWouldRunAsAFormulaAreEscaped()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Csv");
        string[] evil = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1", "-2", "@x", "=1+1"];
        var ids = new List<int>();
        foreach (var name in evil)
        {
            ids.Add((await admin.Person(new { firstName = name, lastName = m })).Int("id"));
        }

        var selection = await admin.CreateSelection(new { name = m, kind = "static", memberIds = ids });
        var bytes = await (await admin.Get($"/api/selections/{selection.Int("id")}/export.csv?columns=person.firstName")).ShouldBe200Csv();
        var cells = Parse(bytes, ",").Skip(1).Select(r => r[1]).ToList();

        Assert.Equal(evil.Select(e => "'" + e).Order(StringComparer.Ordinal), cells.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("\n=", Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain(",=", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task SeparatorsQuotesAndLineBreaksInCellsAreQuoted()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Csv");
        var person = await admin.Person(new { firstName = "Ann", lastName = m, title = "Sales, \"Key\" accounts\nEurope" });
        var selection = await admin.CreateSelection(new { name = m, kind = "static", memberIds = new[] { person.Int("id") } });

        var bytes = await (await admin.Get($"/api/selections/{selection.Int("id")}/export.csv?columns=person.title,person.firstName")).ShouldBe200Csv();
        var rows = Parse(bytes, ",");

        Assert.Equal(2, rows.Count);
        Assert.Equal([person.Int("id") + "", "Sales, \"Key\" accounts\nEurope", "Ann"], rows[1]);
        Assert.Contains("\"Sales, \"\"Key\"\" accounts\nEurope\",Ann", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task AnUnknownColumnIs422BeforeAnythingIsWritten()
    {
        var admin = await app.Admin();
        var selection = await admin.CreateSelection(new { name = Unique.Name("Csv"), kind = "static", memberIds = Array.Empty<int>() });

        await (await admin.Get($"/api/selections/{selection.Int("id")}/export.csv?columns=person.secret")).ShouldBeInvalid("columns");
    }

    [Fact]
    public async Task AnExportWalksPastOnePageOfTheEngine()
    {
        var admin = await app.Admin();
        var m = Unique.Name("Csv");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // More rows than one engine page (200): written directly, 205 API calls would be slow.
            var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
            db.Persons.AddRange(Enumerable.Range(0, 205).Select(i => new Person { FirstName = $"P{i:000}", LastName = m }));
            await db.SaveChangesAsync();
        }

        var selection = await admin.CreateSelection(new { name = m, kind = "dynamic", criteria = Persons(Marked(m)) });
        var rows = Parse(await (await admin.Get($"/api/selections/{selection.Int("id")}/export.csv?columns=person.firstName")).ShouldBe200Csv(), ",");

        Assert.Equal(206, rows.Count);
        Assert.Equal(205, rows.Skip(1).Select(r => r[1]).Distinct().Count());
    }

    private static List<string[]> Parse(byte[] bytes, string delimiter)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter });
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }
}

public static class CsvCalls
{
    /// <summary>Asserts 200 with a CSV content type and returns the raw bytes (BOM included).</summary>
    public static async Task<byte[]> ShouldBe200Csv(this HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True((int)response.StatusCode == 200, $"expected 200, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return bytes;
    }
}

public sealed class SelectionExportApiTestsOnSqlite(SqliteApp app) : SelectionExportApiTests(app), IClassFixture<SqliteApp>;

public sealed class SelectionExportApiTestsOnPostgres(PostgresApp app) : SelectionExportApiTests(app), IClassFixture<PostgresApp>;
