using System.Security.Cryptography;
using System.Text;
using Leadwerk.Tests.Import;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Tests.Privacy;

/// <summary>B9, GDPR art. 17: erasing a person removes every trace, keeps a keyed hash of its address and logs only the id.</summary>
public abstract class PersonEraseApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ErasingRemovesEveryTraceTableByTableAndKeepsTheCompanyAndItsSale()
    {
        var admin = await app.Admin();
        var traced = await admin.PersonWithEveryTrace();
        Assert.NotEmpty(await app.WhereTextAppears(traced.Email));

        var summary = await (await admin.Erase(traced.Id)).ShouldBe(200);

        Assert.False(summary.Bool("dryRun"));
        Assert.True(summary.Bool("emailSuppressed"));
        Assert.Equal((1, 4, 1, 1, 1, 1, 1, 2), (summary.Count("person"), summary.Count("leadStatusHistory"), summary.Count("categoryHistory"),
            summary.Count("sales"), summary.Count("selections"), summary.Count("suggestions"), summary.Count("bulkUpdateItems"), summary.Count("importRows")));
        Assert.Equal(2, summary.Count("followUps"));
        Assert.DoesNotContain(traced.LastName, summary.ToJsonString());
        Assert.DoesNotContain("traced+", summary.ToJsonString());

        var id = traced.Id;
        await app.InDatabase(async db =>
        {
            Assert.False(await db.Persons.AnyAsync(p => p.Id == id), "Persons");
            Assert.False(await db.LeadStatusChanges.AnyAsync(h => h.PersonId == id), "LeadStatusChanges");
            Assert.False(await db.CompanyCategoryChanges.AnyAsync(c => c.TriggerPersonId == id), "CompanyCategoryChanges");
            Assert.False(await db.Sales.AnyAsync(s => s.PersonId == id), "Sales");
            Assert.False(await db.FollowUps.AnyAsync(f => f.PersonId == id), "FollowUps");
            Assert.False(await db.SelectionMembers.AnyAsync(m => m.EntityId == id && db.Selections.Any(s => s.Id == m.SelectionId && s.Entity == "person")), "SelectionMembers");
            Assert.False(await db.Suggestions.AnyAsync(s => s.TriggerPersonId == id), "Suggestions");
            Assert.False(await db.BulkUpdateItems.AnyAsync(i => i.EntityId == id && db.BulkUpdates.Any(b => b.Id == i.BulkUpdateId && b.Entity == "person")), "BulkUpdateItems");
            Assert.False(await db.ImportRows.AnyAsync(r => r.EntityId == id && db.Imports.Any(j => j.Id == r.ImportId && j.Entity == "person")), "ImportRows");
            if (!db.IsPostgres)
            {
                Assert.False(await db.Set<PersonEmailTrigram>().AnyAsync(t => t.RowId == id), "PersonEmailTrigrams");
            }

            // What was the company's stays: the company, its category history and its sale, without the person.
            Assert.True(await db.Companies.AnyAsync(c => c.Id == traced.CompanyId));
            Assert.True(await db.CompanyCategoryChanges.AnyAsync(c => c.CompanyId == traced.CompanyId && c.TriggerPersonId == null && c.RuleId != null));
            Assert.True(await db.Sales.AnyAsync(s => s.Id == traced.SaleId && s.PersonId == null));
            return true;
        });
        Assert.Empty(await app.WhereTextAppears(traced.Email));
        await (await admin.Get($"/api/persons/{id}")).ShouldBeProblem(404, "notFound");
        Assert.Null((await admin.GetOk($"/api/sales/{traced.SaleId}")).IntOrNull("personId"));
    }

    [Fact]
    public async Task TheErasureIsLoggedWithWhoWhenAndTheIdButNeverTheNameOrAddress()
    {
        var actor = await app.NewUser(role: "admin");
        var email = ImportClient.Email("logged");
        var lastName = Unique.Name("Logged");
        var person = (await (await actor.Client.PostJson("/api/persons", new { firstName = "Lou", lastName, email })).ShouldBe(201)).Int("id");

        await (await actor.Client.Erase(person)).ShouldBe(200);

        var entry = Assert.Single((await actor.Client.GetOk($"/api/audit?actor={actor.Id}&action=person.erased"))["items"]!.Items());
        Assert.Equal(("person", person, actor.UserName), (entry.Str("targetType"), entry.Int("targetId"), entry.Str("actorName")));
        Assert.Equal(1, entry["changes"]!["person"]!.Int("from"));
        Assert.DoesNotContain(lastName, entry.ToJsonString());
        Assert.DoesNotContain(email, entry.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ADryRunCountsWhatWouldGoAndChangesNothing()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Int("id");
        var person = (await admin.CreatePerson(company)).Int("id");
        await admin.PatchPerson(person, new { leadStatusId = await admin.StatusId("Contacting") });
        var before = await app.Snapshot();

        var summary = await (await admin.Erase(person, dryRun: true, language: "nl")).ShouldBe(200);

        Assert.True(summary.Bool("dryRun"));
        Assert.Equal(2, summary.Count("leadStatusHistory"));
        Assert.Equal(0, summary.Count("sales"));
        Assert.Equal("Leadstatushistorie", summary["parts"]!.Items().Single(p => p.Str("part") == "leadStatusHistory").Str("label"));
        Assert.Equal("unlinked", summary["parts"]!.Items().Single(p => p.Str("part") == "sales").Str("erasure"));
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task AnErasedAddressIsNotReCreatedByAnImportButAUserMayAddThePersonAgain()
    {
        var admin = await app.Admin();
        var email = ImportClient.Email("Comeback");
        var person = (await (await admin.PostJson("/api/persons", new { firstName = "Cora", lastName = "Comeback", email })).ShouldBe(201)).Int("id");
        await (await admin.Erase(person)).ShouldBe(200);
        var csv = $"firstName,lastName,email\nCora,Comeback,{email.ToUpperInvariant()}\nNew,Person,{ImportClient.Email("other")}\n";

        var preview = await (await admin.PostImport(ImportClient.Persons(dryRun: true), csv)).ShouldBe(200);
        var run = await admin.RunImport(ImportClient.Persons(dryRun: false), csv);

        foreach (var result in new[] { preview, run })
        {
            Assert.Equal(1, result.Int("create"));
            var error = Assert.Single(result["errors"]!.Items());
            Assert.Equal((2, "erasedPerson"), (error.Int("line"), error.Str("code")));
            Assert.Contains("erased at their request", error.Str("reason"));
        }

        Assert.Empty(await app.PersonsByEmail(email));
        using var dutch = await app.LogIn(LeadwerkApp.AdminUserName, LeadwerkApp.AdminPassword);
        dutch.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        var inDutch = await (await dutch.PostImport(ImportClient.Persons(dryRun: true), csv)).ShouldBe(200);
        Assert.Contains("op eigen verzoek gewist", inDutch["errors"]!.Items().Single().Str("reason"));

        // A user adding the person by hand was asked: allowed, and from then on imports update that person.
        await (await admin.PostJson("/api/persons", new { firstName = "Cora", lastName = "Comeback", email })).ShouldBe(201);
        var again = await admin.RunImport(ImportClient.Persons(dryRun: false), $"email,lastName,title\n{email},Comeback,Returned\n");
        Assert.Equal((0, 1, 0), (again.Int("create"), again.Int("update"), again["errors"]!.AsArray().Count));
    }

    [Fact]
    public async Task TheSuppressionIsAKeyedHashNotABareHashOfTheAddress()
    {
        var admin = await app.Admin();
        var email = ImportClient.Email("Keyed");
        var person = (await (await admin.PostJson("/api/persons", new { lastName = "Keyed", email })).ShouldBe(201)).Int("id");
        var bare = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())));
        var hashesBefore = await app.InDatabase(db => db.ErasedEmails.Select(e => e.Hash).ToListAsync());

        await (await admin.Erase(person)).ShouldBe(200);

        var added = Assert.Single((await app.InDatabase(db => db.ErasedEmails.Select(e => e.Hash).ToListAsync())).Except(hashesBefore));
        Assert.Equal(64, added.Length);
        Assert.NotEqual(bare, added);
        Assert.DoesNotContain(email.Split('@')[0].ToLowerInvariant(), added);
    }

    [Fact]
    public async Task ErasingAnUnknownPersonIsNotFoundAndAStaleIfMatchIsRefused()
    {
        var admin = await app.Admin();
        var person = (await admin.CreatePerson(null)).Int("id");

        await (await admin.Erase(987_654_321)).ShouldBeProblem(404, "notFound");
        var stale = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/persons/{person}/erase") { Headers = { { "If-Match", "\"999\"" } } });
        await stale.ShouldBeProblem(412, "preconditionFailed");
        await admin.GetPerson(person);
    }
}

public sealed class PersonEraseApiTestsOnSqlite(SqliteApp app) : PersonEraseApiTests(app), IClassFixture<SqliteApp>;

public sealed class PersonEraseApiTestsOnPostgres(PostgresApp app) : PersonEraseApiTests(app), IClassFixture<PostgresApp>;
