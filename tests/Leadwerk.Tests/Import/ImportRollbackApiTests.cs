using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Import;

/// <summary>Rollback of a person import: created records go, updated ones get their values back, records changed since stay.</summary>
public abstract class ImportRollbackApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task RollbackRemovesCreatedPersonsAndCompaniesAndRestoresUpdatedPersons()
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var email = Email("existing");
        var existing = (await (await admin.PostJson("/api/persons", new { companyId = company.Int("id"), firstName = "Kept", lastName = "Person", email, title = "Buyer" })).ShouldBe(201)).Int("id");
        var (newPerson, newCompany) = (Email("new"), Unique.Name("New company"));
        var csv = $"""
            first name,last name,email,title,lead status,company
            Changed,Person,{email},Director,Qualified,{company.Str("name")}
            New,Person,{newPerson},,,{newCompany}
            """;
        var run = await admin.RunImport(Persons(dryRun: false, new { categoryId = await admin.CategoryId("Lead") }), csv);
        Assert.Equal((1, 1, 0, 0), run.Counts());
        var createdId = (await app.PersonsByEmail(newPerson)).Single().Id;

        var rolledBack = await admin.Rollback(run.Int("id"));

        Assert.Equal(("rolledBack", 0), (rolledBack.Str("state"), rolledBack["rollbackSkipped"]!.AsArray().Count));
        Assert.Empty(await app.PersonsByEmail(newPerson));
        Assert.Empty((await admin.GetOk($"/api/companies?search={Uri.EscapeDataString(newCompany)}"))["items"]!.AsArray());
        var person = await admin.GetPerson(existing);
        Assert.Equal(("Kept", "Buyer", "Open"), (person.Str("firstName"), person.Str("title"), person.Str("leadStatus")));
        var history = await admin.History(existing);
        Assert.Equal([("Qualified", "Open", "import"), ("Open", "Qualified", "import")], history.Take(2).Select(h => (h.Str("from"), h.Str("to"), h.Str("channel"))));
        Assert.Equal(0, await app.ImportHistoryRows([createdId]));
        await (await admin.Get($"/api/persons/{createdId}")).ShouldBeProblem(404, "notFound");
    }

    [Fact]
    public async Task RollbackLeavesPersonsChangedSinceAndListsThem()
    {
        var admin = await app.Admin();
        var company = (await admin.CreateCompany("Lead")).Str("name");
        var emails = new[] { Email("a"), Email("b") };
        var run = await admin.RunImport(Persons(dryRun: false), $"last name,email,company\nA,{emails[0]},{company}\nB,{emails[1]},{company}\n");
        var persons = await app.PersonsByEmail(emails);
        await admin.PatchPerson(persons[1].Id, new { title = "Edited since" });

        var rolledBack = await admin.Rollback(run.Int("id"));

        var skipped = Assert.Single(rolledBack["rollbackSkipped"]!.AsArray());
        Assert.Equal(3, skipped!.Int("line"));
        Assert.Contains("changed", skipped!.Str("reason"));
        Assert.Equal([persons[1].Id], (await app.PersonsByEmail(emails)).Select(p => p.Id));
    }

    [Fact]
    public async Task PersonsAnImportWroteInBulkHaveTheirOwnHistoryAndTheirKeysAreNeverGivenAgainAfterARollback()
    {
        var admin = await app.Admin();
        var category = new { categoryId = await admin.CategoryId("Lead") };
        string File(string tag, out string[] emails)
        {
            emails = Enumerable.Range(0, 30).Select(i => Email($"{tag}{i}")).ToArray();
            return "first name,last name,email\n" + string.Concat(emails.Select((e, i) => $"{tag},Bulk {i},{e}\n"));
        }

        var first = await admin.RunImport(Persons(dryRun: false, category), File("first", out var firstEmails));
        var firstIds = (await app.PersonsByEmail(firstEmails)).Select(p => p.Id).ToList();
        Assert.Equal(30, firstIds.Count);
        foreach (var id in firstIds.Take(3).Append(firstIds[^1]))
        {
            var history = Assert.Single(await admin.History(id));
            Assert.Equal(("Open", "import"), (history.Str("to"), history.Str("channel")));
        }

        await admin.Rollback(first.Int("id"));
        await admin.RunImport(Persons(dryRun: false, category), File("second", out var secondEmails));

        var secondIds = (await app.PersonsByEmail(secondEmails)).Select(p => p.Id).ToList();
        Assert.Equal(30, secondIds.Count);
        Assert.True(secondIds.Min() > firstIds.Max(), $"a key of a rolled-back person was given again ({secondIds.Min()} ≤ {firstIds.Max()})");
        Assert.Equal(30, await app.ImportHistoryRows(secondIds));
    }

    [Fact]
    public async Task ResumeAndRollbackAreRefusedInTheWrongState()
    {
        var admin = await app.Admin();
        var run = await admin.RunImport(Persons(dryRun: false), $"last name,email\nSolo,{Email("solo")}\n");
        var id = run.Int("id");

        await (await admin.PostJson($"/api/imports/{id}/resume", null)).ShouldBeProblem(409, "importStateConflict");
        await admin.Rollback(id);
        var before = await app.Snapshot();

        await (await admin.PostJson($"/api/imports/{id}/rollback", null)).ShouldBeProblem(409, "importStateConflict");
        await app.AssertUnchangedSince(before);
        await (await admin.Get("/api/imports/987654")).ShouldBeProblem(404, "notFound");
        var other = await app.NewUser();
        await (await other.Client.Get($"/api/imports/{id}")).ShouldBeProblem(404, "notFound");
        Assert.Empty(await app.Persons([]));
    }
}

public sealed class ImportRollbackApiTestsOnSqlite(SqliteApp app) : ImportRollbackApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportRollbackApiTestsOnPostgres(PostgresApp app) : ImportRollbackApiTests(app), IClassFixture<PostgresApp>;
