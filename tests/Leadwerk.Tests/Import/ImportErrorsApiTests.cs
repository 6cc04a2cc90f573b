using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Import;

/// <summary>
/// Row errors are stored as a code and its arguments and read in the reader's language, whoever ran
/// the import; a file without rows is refused; a quote left open is reported on the line it opens.
/// </summary>
public abstract class ImportErrorsApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task RowErrorsOfAnEnglishRunReadInDutchWithTheirCodes()
    {
        var admin = await app.Admin();
        var csv = $"last name,email,lead status\nStatus,{Email("status")},Nope\nMail,no-mail,\nTwice,{Email("twice")},\n";
        csv += csv.Split('\n')[3] + "\n";

        var run = await admin.RunImport(Persons(dryRun: false), csv);

        var english = run["errors"]!.AsArray().Select(e => (e!.Int("line"), e!.Str("code"), e!.Str("message"))).ToList();
        var dutch = (await admin.GetOk($"/api/imports/{run.Int("id")}", "nl"))["errors"]!.AsArray()
            .Select(e => (e!.Int("line"), e!.Str("code"), e!.Str("message"), e!.Str("reason"))).ToList();
        Assert.Equal((2, "unknownLeadStatus", "The lead status “Nope” does not exist."), english[0]);
        Assert.Equal((2, "unknownLeadStatus", "De leadstatus “Nope” bestaat niet.", "De leadstatus “Nope” bestaat niet."), dutch[0]);
        Assert.Equal((3, "validationFailed"), (dutch[1].Item1, dutch[1].Item2));
        Assert.Contains("geen geldig e-mailadres", dutch[1].Item3, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("is not a valid e-mail address", english[1].Item3, StringComparison.Ordinal);
        Assert.Equal((5, "repeatedKey"), (dutch[2].Item1, dutch[2].Item2));
        Assert.Contains("staat ook op regel 4", dutch[2].Item3);
    }

    [Fact]
    public async Task ARowErrorStoredAsTextByAnEarlierVersionStillShowsItsText()
    {
        var admin = await app.Admin();
        var run = await admin.RunImport(Persons(dryRun: false), "last name,email,lead status\nOld,old@example.com,Nope\n");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>().ImportRows.Where(r => r.ImportId == run.Int("id"))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Args, (string?)null).SetProperty(r => r.Code, (string?)null)
                    .SetProperty(r => r.Reason, "De leadstatus “Nope” bestaat niet (oude tekst)."));
        }

        var status = await admin.GetOk($"/api/imports/{run.Int("id")}");

        Assert.Equal("De leadstatus “Nope” bestaat niet (oude tekst).", status["errors"]![0]!.Str("message"));
    }

    [Fact]
    public async Task AFileWithOnlyAHeaderIsRefusedWith422AndWritesNothing()
    {
        var admin = await app.Admin();
        var before = await app.Snapshot();

        var problem = await (await admin.PostImport(Persons(dryRun: false), "last name,email\n")).ShouldBeProblem(422, "importNoRows");
        var dutch = await (await admin.PostImport(Persons(dryRun: true), "last name,email\n,\n", "nl")).ShouldBeProblem(422, "importNoRows");

        Assert.Contains("nothing to import", problem["errors"]!["file"]![0]!.GetValue<string>());
        Assert.Contains("niets te importeren", dutch["errors"]!["file"]![0]!.GetValue<string>());
        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task AQuoteLeftOpenIsReportedOnTheLineWhereItsFieldStarts()
    {
        var admin = await app.Admin();

        var problem = await (await admin.PostImport(Persons(dryRun: true), $"last name,email\n\"Open,{Email("open")}\nNext,{Email("next")}\n"))
            .ShouldBeProblem(400, "csvNotReadable");
        var later = await (await admin.PostImport(Persons(dryRun: true), $"last name,email\nFirst,{Email("first")}\nSecond,\"{Email("open")}\n\n"))
            .ShouldBeProblem(400, "csvNotReadable");

        Assert.StartsWith("Line 2:", problem.Str("detail"));
        Assert.StartsWith("Line 3:", later.Str("detail"));
    }
}

public sealed class ImportErrorsApiTestsOnSqlite(SqliteApp app) : ImportErrorsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportErrorsApiTestsOnPostgres(PostgresApp app) : ImportErrorsApiTests(app), IClassFixture<PostgresApp>;
