using System.Text;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Import;

/// <summary>Issue 12: uploads a probe answered with a 500 get a 4xx with the reason, or run as a job that reports each bad row; nothing is half-written.</summary>
public abstract class ImportUploadApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task AFileWithOnlyAHeaderLineIsRefusedWith422AndTheReasonAndStartsNoImport()
    {
        var admin = await app.Admin();
        var before = await app.Snapshot();

        var dry = await (await admin.PostImport(Persons(dryRun: true), "lastName,email\r\n")).ShouldBeProblem(422, "importNoRows");
        await (await admin.PostImport(Persons(dryRun: false), "lastName,email\r\n")).ShouldBeProblem(422, "importNoRows");

        Assert.Contains("no rows", dry.Str("detail"), StringComparison.Ordinal);
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task BodiesThatAreNotTheMultipartTheyClaimAreRefusedWith400AndTheReason()
    {
        var admin = await app.Admin();
        var before = await app.Snapshot();

        var noBoundary = await (await admin.SendRaw(HttpMethod.Post, "/api/imports", "xx", "multipart/form-data")).ShouldBeProblem(400, "malformedRequest");
        var unfinished = await (await admin.SendRaw(HttpMethod.Post, "/api/imports",
            "--abc\r\nContent-Disposition: form-data; name=\"options\"\r\n\r\n{}", "multipart/form-data; boundary=abc")).ShouldBeProblem(400, "malformedRequest");
        var fields = string.Join('&', Enumerable.Range(0, 2_000).Select(i => $"f{i}=1"));
        var tooMany = await (await admin.SendRaw(HttpMethod.Post, "/api/imports", fields, "application/x-www-form-urlencoded")).ShouldBeProblem(400, "malformedRequest");
        await (await admin.SendRaw(HttpMethod.Post, "/api/imports", """{"entity":"person"}""")).ShouldBeProblem(415, "malformedRequest");

        Assert.Contains("boundary", noBoundary.Str("detail"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ends before", unfinished.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("limit", tooMany.Str("detail"), StringComparison.OrdinalIgnoreCase);
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task HugeCellsAreReportedAsRowErrorsAndTheOtherRowsImport()
    {
        var admin = await app.Admin();
        var email = Email("fits");
        var csv = new StringBuilder("lastName,email\r\n")
            .Append(new string('x', 100_000)).Append(",a@example.com\r\n")
            .Append('"').Append(new string('y', 2_000_000)).Append("\",b@example.com\r\n")
            .Append($"Fits,{email}\r\n").ToString();

        var run = await admin.RunImport(Persons(dryRun: false), csv);

        Assert.Equal((1, 0, 0, 2), run.Counts());
        Assert.Equal([2, 3], run.Errors().Select(e => e.Line));
        Assert.All(run.Errors(), e => Assert.Contains("at most 100 characters", e.Reason, StringComparison.Ordinal));
        Assert.Single(await app.PersonsByEmail(email));
    }

    [Fact]
    public async Task AFileWithOldMacLineBreaksImportsEachRowUnderItsOwnLineNumber()
    {
        var admin = await app.Admin();
        var (first, second) = (Email("cr1"), Email("cr2"));

        var run = await admin.RunImport(Persons(dryRun: false), $"lastName,email\rEen,{first}\r\r,not-an-email\rTwee,{second}\r");

        Assert.Equal((2, 0, 0, 1), run.Counts());
        Assert.Equal(4, Assert.Single(run.Errors()).Line);
        Assert.Equal(2, (await app.PersonsByEmail(first, second)).Count);
    }

    [Fact]
    public async Task ACompanyNameOfAThousandCharactersIsARowErrorNotAFailedImport()
    {
        var admin = await app.Admin();
        var name = Unique.Name("Fits");

        var run = await admin.RunImport(Companies(dryRun: false), $"name,category\r\n{new string('c', 1_000)},Lead\r\n{name},Lead\r\n");

        Assert.Equal((1, 0, 0, 1), run.Counts());
        Assert.Contains("at most 200 characters", Assert.Single(run.Errors()).Reason, StringComparison.Ordinal);
    }
}

public sealed class ImportUploadApiTestsOnSqlite(SqliteApp app) : ImportUploadApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportUploadApiTestsOnPostgres(PostgresApp app) : ImportUploadApiTests(app), IClassFixture<PostgresApp>;
