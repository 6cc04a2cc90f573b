using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Import;

/// <summary>A record of the file: the physical line where it starts, and its fields.</summary>
public sealed record CsvRecord(int Line, string[] Fields);

public sealed record CsvTable(string[] Header, List<CsvRecord> Records);

/// <summary>
/// Reads an uploaded CSV: UTF-8 with or without BOM, `,` or `;` (Dutch Excel writes `;`), quoted
/// fields with line breaks. Anything it cannot read is refused as a whole, before a row is judged.
/// </summary>
public static class ImportCsv
{
    public const string NotReadable = "csvNotReadable";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CsvTable Read(byte[] bytes)
    {
        string text;
        try
        {
            var bom = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
            text = StrictUtf8.GetString(bytes, bom, bytes.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            throw Unreadable(L.T("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.",
                "Het bestand is geen UTF-8-tekst. Sla het op als “CSV UTF-8” en probeer het opnieuw."));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw Unreadable(L.T("The file is not a text file.", "Het bestand is geen tekstbestand."));
        }

        var lineStarts = LineStarts(text);
        string? bad = null;
        var (position, recordStart) = (0, 0);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            BadDataFound = args =>
            {
                // A quote left open runs to the end of the file: the line to name is where the quoted field starts.
                var line = LineOf(lineStarts, QuoteStart(text, recordStart, (int)args.Context.Parser!.CharCount));
                bad ??= L.T($"Line {line}: a quote is out of place or not closed.", $"Regel {line}: een aanhalingsteken staat verkeerd of wordt niet gesloten.");
            },
        };
        using var parser = new CsvParser(new StringReader(text), config);
        var records = new List<CsvRecord>();
        string[]? header = null;
        while (parser.Read())
        {
            // The parser reads a record's fields (and finds bad data) only when they are asked for, below.
            var start = recordStart = RecordStart(text, position);
            position = (int)parser.CharCount;
            var fields = parser.Record ?? [];
            if (bad is not null)
            {
                throw Unreadable(bad);
            }

            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToArray();
            }
            else if (fields.Any(f => f.Length > 0))
            {
                records.Add(new CsvRecord(LineOf(lineStarts, start), fields));
            }
        }

        if (header is null || header.All(h => h.Length == 0))
        {
            throw Unreadable(L.T("The file has no header line.", "Het bestand heeft geen kopregel."));
        }

        return new CsvTable(header, records);
    }

    public static DomainException Unreadable(string message) => new(400, NotReadable, message, "file");

    /// <summary>Where the record after <paramref name="position"/> starts: past the line break that ended the one before.</summary>
    private static int RecordStart(string text, int position)
    {
        while (position < text.Length && text[position] is '\r' or '\n')
        {
            position++;
        }

        return position;
    }

    /// <summary>The first quote in the record that opens a field (at its start or after a separator); the record's start without one.</summary>
    private static int QuoteStart(string text, int start, int end)
    {
        for (var i = start; i < Math.Min(end, text.Length); i++)
        {
            if (text[i] == '"' && (i == start || text[i - 1] is ',' or ';' or ' '))
            {
                return i;
            }
        }

        return start;
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            // A line ends where the parser ends a record: at \n, \r\n or a lone \r (old Mac files),
            // so no two records get the same line number.
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<int> lineStarts, int position)
    {
        var index = lineStarts.BinarySearch(position);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
