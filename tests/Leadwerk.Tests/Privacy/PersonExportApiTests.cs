using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Privacy;

/// <summary>B9, GDPR art. 15 and 20: everything about a person as JSON and as a readable page.</summary>
public abstract class PersonExportApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task TheJsonExportHoldsEveryPartOfThePersonsData()
    {
        var admin = await app.Admin();
        var traced = await admin.PersonWithEveryTrace();

        var response = await admin.Export(traced.Id);

        var export = await response.ShouldBe(200);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"person-{traced.Id}-personal-data.json", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(traced.Id, export.Int("personId"));
        Assert.Equal(["person", "leadStatusHistory", "categoryHistory", "sales", "followUps", "assignments", "touches", "formSubmissions", "selections", "suggestions", "bulkUpdateItems", "importRows"],
            export["parts"]!.Items().Select(p => p.Str("part")));

        var person = export["person"]!;
        Assert.Equal(traced.Email, person.Str("email"));
        Assert.Equal(traced.LastName, person.Str("lastName"));
        Assert.Equal("+31 6 1234 5678", person.Str("phone"));
        Assert.Equal("Buyer", person.Str("title"));
        Assert.Equal(traced.CompanyId, person.Int("companyId"));
        Assert.Equal("Opportunity", person.Str("category"));
        Assert.Equal("Qualified", person.Str("leadStatus"));

        // The last row: its company's rule moved it to Opportunity, where the status is kept but not active.
        Assert.Equal([null, "Open", "Contacting", "Qualified"], Rows(export, "leadStatusHistory").Select(h => h.Str("from")));
        Assert.Equal(["Open", "Contacting", "Qualified", "Qualified"], Rows(export, "leadStatusHistory").Select(h => h.Str("to")));
        Assert.Equal(["api", "api", "bulk"], Rows(export, "leadStatusHistory").Select(h => h.Str("channel")).Take(3));
        var change = Assert.Single(Rows(export, "categoryHistory"));
        Assert.Equal(("Lead", "Opportunity", "leadStatusSet"), (change.Str("from"), change.Str("to"), change.Str("trigger")));
        Assert.Equal(traced.SaleId, Assert.Single(Rows(export, "sales")).Int("id"));
        var followUps = Rows(export, "followUps");
        Assert.Equal([traced.DoneFollowUpId, traced.OpenFollowUpId], followUps.Select(f => f.Int("id")));
        var (done, open) = (followUps[0], followUps[1]);
        Assert.Equal(("Meeting", "Demo", true, "done", "Wants a quote"), (done.Str("type"), done.Str("title"), done.Bool("allDay"), done.Str("status"), done.Str("outcome")));
        Assert.False(string.IsNullOrEmpty(done.Str("completedBy")));
        Assert.NotNull(done.Str("completedAt"));
        Assert.Equal(("Call", "Call back", false, 15, "open"), (open.Str("type"), open.Str("title"), open.Bool("allDay"), open.Int("durationMinutes"), open.Str("status")));
        Assert.Equal(new DateTime(2031, 3, 4, 9, 0, 0, DateTimeKind.Utc), open["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal($"Mail {traced.Email} first", open.Str("notes"));
        Assert.Equal(open.Int("ownerId"), done.Int("completedById"));
        Assert.Null(open["completedAt"]);
        Assert.Equal([(traced.SelectionId, "static"), (traced.DynamicSelectionId, "dynamic")],
            Rows(export, "selections").Select(s => (s.Int("id"), s.Str("kind"))));
        var suggestion = Assert.Single(Rows(export, "suggestions"));
        Assert.Equal(("Lead", "Opportunity"), (suggestion.Str("from"), suggestion.Str("to")));
        Assert.Equal(traced.BulkUpdateId, Assert.Single(Rows(export, "bulkUpdateItems")).Int("bulkUpdateId"));
        var imports = Rows(export, "importRows");
        Assert.Equal([(traced.ImportId, "updated"), (traced.FailedImportId, "error")], imports.Select(r => (r.Int("importId"), r.Str("state"))));
        Assert.Equal("Buyer", imports[0]["values"]!.Str("title"));
    }

    [Fact]
    public async Task TheHtmlExportIsAReadablePageInTheRequestedLanguageThatEscapesEveryValue()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var person = (await (await admin.PostJson("/api/persons", new
        {
            companyId = company, firstName = "<script>alert(1)</script>", lastName = Unique.Name("Tom & \"Jerry\""), title = "<b>Chief</b>",
        })).ShouldBe(201)).Int("id");

        var response = await admin.Export(person, "format=html&language=nl");

        await response.ShouldBeHtml();
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Contains("<h1>Persoonsgegevens van &lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; &quot;Jerry&quot;", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Chief", html);
        Assert.Contains("&lt;b&gt;Chief&lt;/b&gt;", html);
        Assert.Contains("<h2 id=\"part-1\">Leadstatushistorie</h2>", html);
        Assert.Contains("<th scope=\"col\">Wanneer</th>", html);
        Assert.Contains("<dt>Achternaam</dt>", html);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task WithoutALanguageTheHtmlExportFollowsAcceptLanguage()
    {
        var admin = await app.Admin();
        var person = (await admin.CreatePerson(null)).Int("id");

        var english = await (await admin.Export(person, "format=html")).Content.ReadAsStringAsync();
        var dutch = await (await admin.Export(person, "format=html", language: "nl")).Content.ReadAsStringAsync();

        Assert.Contains("<h1>Personal data of Test ", english);
        Assert.Contains("<h2 id=\"part-2\">Company category changes it triggered</h2>\n<p>None.</p>", english);
        Assert.Contains("<h1>Persoonsgegevens van Test ", dutch);
    }

    [Fact]
    public async Task AnUnknownFormatOrLanguageIsRefusedNamingTheParameter()
    {
        var admin = await app.Admin();
        var person = (await admin.CreatePerson(null)).Int("id");

        await (await admin.Export(person, "format=xml")).ShouldBeInvalid("format");
        await (await admin.Export(person, "format=html&language=fr")).ShouldBeInvalid("language");
    }

    [Fact]
    public async Task ExportingAnUnknownPersonIsNotFound()
    {
        var admin = await app.Admin();

        await (await admin.Export(987_654_321)).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task PlainUsersMayNeitherExportNorErase()
    {
        var user = await app.NewUser();
        var person = (await user.Client.CreatePerson(null)).Int("id");
        var before = await app.Snapshot();

        await (await user.Client.Export(person)).ShouldBeProblem(403, "forbidden");
        await (await user.Client.Export(person, "format=html")).ShouldBeProblem(403, "forbidden");
        await (await user.Client.Erase(person)).ShouldBeProblem(403, "forbidden");
        await (await user.Client.Erase(person, dryRun: true)).ShouldBeProblem(403, "forbidden");

        await app.AssertUnchangedSince(before);
        await user.Client.GetPerson(person);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesExportErasureAndTheAuditLog()
    {
        using var anonymous = app.Anonymous();

        var paths = (await anonymous.GetOk("/openapi/v1.json"))["paths"]!.AsObject();

        var export = paths["/api/persons/{id}/export"]!["get"]!;
        Assert.NotNull(export["responses"]!["200"]!["content"]!["text/html"]);
        Assert.NotNull(export["responses"]!["200"]!["content"]!["application/json"]);
        Assert.NotNull(paths["/api/persons/{id}/erase"]!["post"]);
        Assert.NotNull(paths["/api/audit"]!["get"]);
    }

    private static List<JsonNode> Rows(JsonNode export, string part) => export[part]!.Items();
}

public sealed class PersonExportApiTestsOnSqlite(SqliteApp app) : PersonExportApiTests(app), IClassFixture<SqliteApp>;

public sealed class PersonExportApiTestsOnPostgres(PostgresApp app) : PersonExportApiTests(app), IClassFixture<PostgresApp>;
