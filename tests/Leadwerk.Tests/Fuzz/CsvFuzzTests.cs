using System.Text;
using CsCheck;
using Leadwerk.Tests.Import;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Common;
using Leadwerk.Web.Import;

namespace Leadwerk.Tests.Fuzz;

/// <summary>
/// Issue 12: the CSV reader and the import behind it, fed generated files: delimiters, quotes out
/// of place, line breaks of every kind, BOMs, NULs, invalid UTF-8, noncharacters, huge cells.
/// Either a file is read, or it is refused as a whole with a reason; never an unexpected exception,
/// and over HTTP never a 500.
/// </summary>
public abstract class CsvFuzzTests(LeadwerkApp app)
{
    private const int Files = 120;

    private static readonly string[] Headers = ["lastName", "firstName", "email", "company", "leadStatus", "owner", "category", "name", "Achternaam", "phone", ""];

    private static readonly string[] Words = ["Bakker", "de Vries", "anna@example.com", "Lead", "Open", "admin", "Contacting", "Klant", "é", "😀", "=1+1", "x@"];

    private static readonly string[] Troubles = ["\"", "\"\"", "\r\n", "\n", "\r", " ", "\t", "\ufffe", "\ud800", "\0", new string('z', 300)];

    private static readonly Gen<string> Piece = Gen.Frequency((10, Gen.OneOf(Words)), (4, Gen.OneOf(",", ";")), (1, Gen.OneOf(Troubles)));

    public static Gen<byte[]> File { get; } = Gen.Select(
        Gen.OneOf(Headers).Array[1, 5].Select(h => string.Join(",", h)),
        Piece.Array[0, 8].Select(string.Concat).Array[0, 6].Select(rows => string.Join("\r\n", rows)),
        Gen.Int[0, 9],
        (header, body, variant) =>
        {
            var text = header + "\r\n" + body;
            var bytes = Encoding.UTF8.GetBytes(text);
            return variant switch
            {
                0 => [0xEF, 0xBB, 0xBF, .. bytes],
                1 => [.. bytes, 0xC3, 0x28], // invalid UTF-8
                2 => Encoding.Unicode.GetBytes(text),
                _ => bytes,
            };
        });

    [Fact]
    public void TheCsvReaderReadsAGeneratedFileOrRefusesItWithAReason()
    {
        File.Sample(bytes =>
        {
            try
            {
                var table = ImportCsv.Read(bytes);
                Assert.NotEmpty(table.Header);
            }
            catch (DomainException refused)
            {
                Assert.Equal((400, ImportCsv.NotReadable), (refused.Status, refused.Code));
                Assert.False(string.IsNullOrWhiteSpace(refused.Message));
            }
        }, seed: ApiFuzzTests.FixedSeed, iter: 2_000);
        File.Sample(bytes => _ = Read(bytes), iter: 2_000);
    }

    [Fact]
    public async Task NoGeneratedFileMakesAnImportAnswerWithA500()
    {
        var admin = await app.Admin();
        var statuses = new Dictionary<int, int>();
        var options = Gen.OneOf(ImportClient.Persons(dryRun: true), ImportClient.Companies(dryRun: true), ImportClient.Persons(dryRun: false));
        var replay = Environment.GetEnvironmentVariable("LEADWERK_FUZZ_SEED");
        foreach (var seed in replay is { Length: > 0 } ? [replay] : new[] { ApiFuzzTests.FixedSeed, null })
        {
            await Gen.Select(File, options).SampleAsync(async (bytes, option) =>
            {
                var response = await admin.PostImport(option, bytes);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                Assert.True(status < 500, $"{status} for the file (base64) {Convert.ToBase64String(bytes)}: {await response.Content.ReadAsStringAsync()}");
            }, seed: seed, iter: Files, threads: 1);
        }

        // Both ways must be taken, or the generator proves little.
        Assert.True(statuses.Where(s => s.Key < 300).Sum(s => s.Value) > Files / 5, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(400) > 0, string.Join(", ", statuses));
    }

    private static CsvTable? Read(byte[] bytes)
    {
        try
        {
            return ImportCsv.Read(bytes);
        }
        catch (DomainException refused) when (refused.Code == ImportCsv.NotReadable)
        {
            return null;
        }
    }
}

public sealed class CsvFuzzTestsOnSqlite(SqliteApp app) : CsvFuzzTests(app), IClassFixture<SqliteApp>;

public sealed class CsvFuzzTestsOnPostgres(PostgresApp app) : CsvFuzzTests(app), IClassFixture<PostgresApp>;
