using System.Data.Common;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Tests.Automation;
using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Import;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Tests.Sales;
using Leadwerk.Tests.Search;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Privacy;

/// <summary>A person with a trace in every table that holds person data today, and the ids of those traces.</summary>
public sealed record TracedPerson(int Id, int CompanyId, string Email, string LastName, int SaleId, int SelectionId, int DynamicSelectionId,
    int BulkUpdateId, int ImportId, int FailedImportId, int OpenFollowUpId, int DoneFollowUpId);

/// <summary>Export, erasure and the checks around them, over the API and (for "nothing is left") straight in the database.</summary>
public static class PrivacyData
{
    public static Task<HttpResponseMessage> Erase(this HttpClient client, int personId, bool dryRun = false, string? language = null) =>
        client.PostJson($"/api/persons/{personId}/erase{(dryRun ? "?dryRun=true" : "")}", null, language);

    public static Task<HttpResponseMessage> Export(this HttpClient client, int personId, string? query = null, string? language = null) =>
        client.Get($"/api/persons/{personId}/export{(query is null ? "" : "?" + query)}", language);

    /// <summary>
    /// A person (with a "+" in its address, which JSON escapes) under a Lead company, with: status history, a suggestion and a
    /// company category change it triggered (two rules), a bulk update row, a sale, a static and a dynamic selection, an import
    /// row that updated it and an error row of another import that only carries its address (in capitals), a follow-up still
    /// open whose notes hold its address and one done with an outcome.
    /// The two rules stay (removing a rule removes its suggestions): a later Contacting or Qualified in the same fixture fires them.
    /// </summary>
    public static async Task<TracedPerson> PersonWithEveryTrace(this HttpClient admin)
    {
        var lastName = Unique.Name("Traced");
        var email = $"traced+{Guid.NewGuid():N}@example.com";
        var companyId = (await admin.CreateCompany("Lead")).Int("id");
        var id = (await (await admin.PostJson("/api/persons", new { companyId, firstName = "Tess", lastName, email, phone = "+31 6 1234 5678" }))
            .ShouldBe(201)).Int("id");

        await admin.PutRules(
            await admin.Rule("leadStatusSet", "Opportunity", ["Contacting"], askUser: true),
            await admin.Rule("leadStatusSet", "Opportunity", ["Qualified"]));
        var patched = await admin.PatchPerson(id, new { leadStatusId = await admin.StatusId("Contacting") });
        Assert.NotEmpty(patched["suggestions"]!.AsArray());
        var bulk = await admin.RunBulk(BulkClient.Ids("person", id), BulkClient.Set("person.leadStatus", await admin.StatusId("Qualified")));
        Assert.Equal("Opportunity", await admin.CompanyCategory(companyId));

        var sale = (await admin.CreateSale(companyId, id)).Int("id");
        var selection = (await admin.CreateSelection(new { name = Unique.Name("Static"), kind = "static", entity = "person", memberIds = new[] { id } })).Int("id");
        var dynamic = (await admin.CreateSelection(new { name = Unique.Name("Dynamic"), kind = "dynamic", criteria = Crit.Persons(Crit.Marked(lastName)) })).Int("id");
        var import = await admin.RunImport(ImportClient.Persons(dryRun: false), $"email,lastName,title\n{email.ToUpperInvariant()},{lastName},Buyer\n");
        Assert.Equal(1, import.Int("update"));
        var failed = await admin.RunImport(ImportClient.Persons(dryRun: false), $"email,lastName,leadStatus\n{email.ToUpperInvariant()},{lastName},No such status\n");
        Assert.Single(failed["errors"]!.AsArray());
        var open = await (await admin.PostJson("/api/follow-ups", new
        {
            personId = id, type = "call", title = "Call back", dueAt = "2031-03-04T10:00:00+01:00", durationMinutes = 15, notes = $"Mail {email} first",
        })).ShouldBe(201);
        var done = await (await admin.PostJson("/api/follow-ups", new { personId = id, type = "meeting", title = "Demo", dueAt = "2031-02-01", allDay = true }))
            .ShouldBe(201);
        await (await admin.PostJson($"/api/follow-ups/{done.Int("id")}/complete", new { outcome = "Wants a quote" })).ShouldBe(200);
        return new TracedPerson(id, companyId, email, lastName, sale, selection, dynamic, bulk.Int("id"), import.Int("id"), failed.Int("id"),
            open.Int("id"), done.Int("id"));
    }

    public static async Task<T> InDatabase<T>(this LeadwerkApp app, Func<LeadwerkDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>());
    }

    /// <summary>
    /// Every table of the database as the catalog lists it (so also tables added after this test was written, and SQLite's
    /// e-mail trigram index), and in each the text columns whose values contain the address, in any case, plain or as JSON
    /// escapes it: "table.column" per hit.
    /// </summary>
    public static async Task<List<string>> WhereTextAppears(this LeadwerkApp app, string email)
    {
        var needles = new[] { email, JsonSerializer.Serialize(email)[1..^1] }.Select(n => n.ToLowerInvariant()).Distinct().ToList();
        return await app.InDatabase(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = db.IsPostgres
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                    : "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var hits = new List<string>();
            foreach (var table in tables)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    hits.AddRange(Hits(reader, table, needles));
                }
            }

            return hits.Distinct().ToList();
        });
    }

    private static IEnumerable<string> Hits(DbDataReader reader, string table, List<string> needles)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var text = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
            {
                string s => s,
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                _ => null,
            };
            if (text is not null && needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{table}.{reader.GetName(i)}";
            }
        }
    }

    public static List<string> PartKeys(this JsonNode summary) =>
        summary["parts"]!.Items().Select(p => p.Str("part")!).ToList();

    public static int Count(this JsonNode summary, string part) =>
        summary["parts"]!.Items().Single(p => p.Str("part") == part).Int("count");
}
