using System.Text;
using Leadwerk.Web.Import;

namespace Leadwerk.Tests.Import;

/// <summary>The CSV reader streams a file through a window; what it reports must not depend on where the window is.</summary>
public sealed class ImportCsvTests
{
    [Fact]
    public void EveryRecordKeepsTheLineItStartsOnInAFileManyTimesLargerThanTheReadersWindow()
    {
        string[] ends = ["\n", "\r\n", "\r"];
        var text = new StringBuilder("last name,title\n");
        var expected = new List<int>();
        var line = 2;
        for (var i = 0; i < 40_000; i++)
        {
            expected.Add(line);
            var end = ends[i % 3];
            if (i % 7 == 0)
            {
                // A quoted field over three lines, its breaks of another kind than the record's end.
                text.Append("Multi ").Append(i).Append(",\"Head of").Append(ends[(i + 1) % 3]).Append("sales,").Append(ends[(i + 2) % 3]).Append("north\"").Append(end);
                line += 3;
            }
            else
            {
                text.Append("Person ").Append(i).Append(",\"Buyer\"").Append(end);
                line += 1;
            }

            if (i % 1000 == 999)
            {
                text.Append(end);
                line += 1;
            }
        }

        var table = ImportCsv.Read(Encoding.UTF8.GetBytes(text.ToString()));

        Assert.Equal(expected, table.Records.Select(r => r.Line));
        Assert.Equal("Multi 39998", table.Records[^2].Fields[0]);
        Assert.Equal("Head of\rsales,\nnorth", table.Records[7].Fields[1]);
    }

    [Fact]
    public void AQuoteLeftOpenDeepInALargeFileIsNamedByTheLineItOpensOn()
    {
        var text = new StringBuilder("last name,title\r\n");
        for (var i = 0; i < 30_000; i++)
        {
            text.Append("Person ").Append(i).Append(",Buyer\r\n");
        }

        text.Append("Open,\"never closed\r\nmore,lines\r\n");

        var refused = Assert.Throws<Leadwerk.Web.Common.DomainException>(() => ImportCsv.Read(Encoding.UTF8.GetBytes(text.ToString())));

        Assert.Equal(ImportCsv.NotReadable, refused.Code);
        Assert.Contains("30002", refused.Message);
    }
}
