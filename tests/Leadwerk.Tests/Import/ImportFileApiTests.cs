using System.Text;
using Leadwerk.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Import;

/// <summary>What files an import reads (Dutch Excel, quoted line breaks), and that bad input is refused as a whole, writing nothing.</summary>
public abstract class ImportFileApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task ADutchSemicolonFileWithBomAndDutchHeadersImports()
    {
        var admin = await app.Admin();
        var bedrijf = (await admin.CreateCompany("Lead")).Str("name");
        var (eerste, tweede) = (Email("jan"), Email("els"));
        var csv = $"Voornaam;Achternaam;E-mailadres;Telefoon;Functie;Bedrijf;Leadstatus;Onze contactpersoon\r\n"
            + $"Jan;de Vries;{eerste};06-123;Inkoper;{bedrijf};Contact opnemen;{LeadwerkApp.AdminUserName}\r\n"
            + $"Els;\"Müller; van Dijk\";{tweede};;;{bedrijf};;\r\n";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var response = await admin.PostImport(Persons(dryRun: false), bytes);
        var run = await admin.WaitForImport((await response.ShouldBe(202)).Int("id"), "done");

        Assert.Equal((2, 0, 0, 0), run.Counts());
        var persons = await app.PersonsByEmail(eerste, tweede);
        Assert.Equal(["Jan de Vries", "Els Müller; van Dijk"], persons.Select(p => p.FullName));
        Assert.Equal(("06-123", "Inkoper", await admin.StatusId("Contacting")), (persons[0].Phone, persons[0].Title, persons[0].LeadStatusId));
        Assert.NotNull(persons[0].OwnerId);
        Assert.Equal(await admin.DefaultStatusId(), persons[1].LeadStatusId);
    }

    [Fact]
    public async Task QuotedFieldsWithLineBreaksKeepTheLineNumbersOfTheRowsAfterThem()
    {
        var admin = await app.Admin();
        var lead = (await admin.CreateCompany("Lead")).Str("name");
        var csv = $"last name,title,email,company\n"
            + $"Multi,\"Head of\nsales,\nnorth\",{Email("multi")},{lead}\n"
            + $"\n"
            + $"Broken,\"CFO\",no-mail,{lead}\n"
            + $"Also,\"a \"\"quoted\"\" title\",{Email("also")},{lead}\n"
            + $"Bad,\"x\",{Email("bad")},{lead},extra field\n";

        var dry = await admin.DryRun(Persons(dryRun: true), csv);

        Assert.Equal((4, 2, 0, 0), (dry.Int("rows"), dry.Int("create"), dry.Int("update"), dry.Int("unchanged")));
        Assert.Equal([6, 8], dry.Errors().Select(e => e.Line));
        Assert.Contains("fields", dry.Errors()[1].Reason);
    }

    [Fact]
    public async Task BadUploadsAreRefusedWithAProblemAndWriteNothing()
    {
        var admin = await app.Admin();
        var deletedStatus = (await admin.CreateStatus()).Int("id");
        await (await admin.Delete($"/api/lead-statuses/{deletedStatus}")).ShouldBe(204);
        var good = $"last name,email\nGood,{Email("good")}\n";
        var before = await app.Snapshot();

        await (await admin.PostImport(Persons(dryRun: false), (string?)null)).ShouldBeInvalid("file");
        await (await admin.PostImport(Persons(dryRun: false), Array.Empty<byte>())).ShouldBeInvalid("file");
        await (await admin.PostImport(null, good)).ShouldBeInvalid("options");
        await (await admin.PostImport("{\"entity\": ", good)).ShouldBeProblem(400, "malformedRequest");
        await (await admin.PostImport(Persons(dryRun: false), new byte[] { 0x6E, 0x61, 0x6D, 0x65, 0x0A, 0xC3, 0x28, 0xFF })).ShouldBeProblem(400, "csvNotReadable");
        await (await admin.PostImport(Persons(dryRun: false), "last name,email\nBad,\"x\"y,z\n")).ShouldBeProblem(400, "csvNotReadable");
        await (await admin.PostImport(new { entity = "animal", dryRun = false }, good)).ShouldBeInvalid("entity");
        await (await admin.PostImport(new { entity = "person", matchBy = "orgNumber", dryRun = false }, good)).ShouldBeInvalid("matchBy");
        await (await admin.PostImport(Persons(dryRun: false, columns: new { email = "shoeSize" }), good)).ShouldBeInvalid("columns");
        await (await admin.PostImport(Persons(dryRun: false, columns: new { fax = "email" }), good)).ShouldBeInvalid("columns");
        await (await admin.PostImport(Persons(dryRun: false), "shoe size,fax\n42,1\n")).ShouldBeInvalid("columns");
        await (await admin.PostImport(Persons(dryRun: false, new { leadStatusId = deletedStatus }), good)).ShouldBeInvalid("defaults.leadStatusId");
        await (await admin.PostImport(Persons(dryRun: false, new { categoryId = 987654 }), good)).ShouldBeInvalid("defaults.categoryId");
        await (await admin.PostImport(Persons(dryRun: false, new { ownerId = 987654 }), good)).ShouldBeInvalid("defaults.ownerId");
        await (await admin.SendRaw(HttpMethod.Post, "/api/imports", "{}")).ShouldBeProblem(415, "malformedRequest");

        await app.AssertUnchangedSince(before);
    }

    [Fact]
    public async Task AFileRefusedAfterThousandsOfGoodRowsLeavesNoImportAndNoRowBehind()
    {
        var admin = await app.Admin();
        var good = new StringBuilder("last name,email\n");
        for (var i = 0; i < 12_000; i++)
        {
            good.Append("Good ").Append(i).Append(',').Append(Email("good" + i)).Append('\n');
        }

        var before = await app.Snapshot();

        var quote = await (await admin.PostImport(Persons(dryRun: false), good + "Bad,\"x\"y,z\nAfter,a@b.example\n")).ShouldBeProblem(400, "csvNotReadable");
        var bytes = Encoding.UTF8.GetBytes(good.ToString()).Concat(new byte[] { 0x42, 0x61, 0x64, 0x2C, 0xC3, 0x28, 0x0A }).ToArray();
        await (await admin.PostImport(Persons(dryRun: false), bytes)).ShouldBeProblem(400, "csvNotReadable");
        await (await admin.PostImport(Persons(dryRun: true), good + "Nul,\0\n")).ShouldBeProblem(400, "csvNotReadable");

        Assert.Contains("12002", quote.Str("detail"));
        await app.AssertUnchangedSince(before);
    }
}

public sealed class ImportFileApiTestsOnSqlite(SqliteApp app) : ImportFileApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportFileApiTestsOnPostgres(PostgresApp app) : ImportFileApiTests(app), IClassFixture<PostgresApp>;

/// <summary>The configured size limit: a file over it is refused before it is read.</summary>
public abstract class ImportSizeLimitApiTests(LeadwerkApp app)
{
    public const int Limit = 200;

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedWith413AndWritesNothing()
    {
        var admin = await app.Admin();
        var rows = string.Concat(Enumerable.Range(0, 10).Select(i => $"Person {i},{Email("big")}\n"));
        var before = await app.Snapshot();

        var problem = await (await admin.PostImport(Persons(dryRun: false), "last name,email\n" + rows)).ShouldBeProblem(413, "fileTooLarge");

        Assert.Contains($"{Limit} bytes", problem.Str("detail"));
        await app.AssertUnchangedSince(before);
        await (await admin.PostImport(Persons(dryRun: true), $"last name,email\nSmall,{Email("small")}\n")).ShouldBe(200);
    }

    public static void Configure(IWebHostBuilder builder) => builder.UseSetting("Leadwerk:Import:MaxBytes", Limit.ToString());
}

public sealed class SqliteImportLimitApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ImportSizeLimitApiTests.Configure(builder);
    }
}

public sealed class PostgresImportLimitApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ImportSizeLimitApiTests.Configure(builder);
    }
}

public sealed class ImportSizeLimitApiTestsOnSqlite(SqliteImportLimitApp app) : ImportSizeLimitApiTests(app), IClassFixture<SqliteImportLimitApp>;

public sealed class ImportSizeLimitApiTestsOnPostgres(PostgresImportLimitApp app) : ImportSizeLimitApiTests(app), IClassFixture<PostgresImportLimitApp>;
