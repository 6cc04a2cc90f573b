using System.Globalization;
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
/// fields with line breaks. Anything it cannot read is refused (a 400 with the line): before a row is
/// stored when the file is read whole, or by rolling back what was staged when it streams.
/// </summary>
public sealed class ImportCsv : IDisposable
{
    public const string NotReadable = "csvNotReadable";

    private readonly CsvText _text;
    private readonly CsvParser _parser;
    private string? _bad;
    private long _position;
    private long _recordStart;

    private ImportCsv(Stream stream)
    {
        _text = new CsvText(stream);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            BadDataFound = args =>
            {
                // A quote left open runs to the end of the file: the line to name is where the quoted field starts.
                var line = _text.LineOf(QuoteStart(_recordStart, args.Context.Parser!.CharCount));
                _bad ??= L.T($"Line {line}: a quote is out of place or not closed.", $"Regel {line}: een aanhalingsteken staat verkeerd of wordt niet gesloten.");
            },
        };
        _parser = new CsvParser(_text, config);
        var header = Next() ?? throw NoHeader();
        Header = header.Fields.Select(f => f.Trim()).ToArray();
        if (Header.All(h => h.Length == 0))
        {
            throw NoHeader();
        }
    }

    public string[] Header { get; }

    /// <summary>Opens a file and reads its header; the records follow as they are asked for.</summary>
    public static ImportCsv Open(Stream stream) => new(stream);

    /// <summary>A small file read whole (the import page's column guess, the fuzz tests).</summary>
    public static CsvTable Read(byte[] bytes)
    {
        using var csv = Open(new MemoryStream(bytes, writable: false));
        return new CsvTable(csv.Header, csv.Records().ToList());
    }

    /// <summary>The records under the header that have a value; blank lines and lines of empty fields are left out.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        while (Next() is { } record)
        {
            if (record.Fields.Any(f => f.Length > 0))
            {
                yield return record;
            }
        }
    }

    public static DomainException Unreadable(string message) => new(400, NotReadable, message, "file");

    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
    }

    private static DomainException NoHeader() => Unreadable(L.T("The file has no header line.", "Het bestand heeft geen kopregel."));

    private CsvRecord? Next()
    {
        if (!_parser.Read())
        {
            return null;
        }

        // The parser reads a record's fields (and finds bad data) only when they are asked for, below.
        var start = _recordStart = RecordStart(_position);
        _text.Keep(start);
        _position = _parser.CharCount;
        var fields = _parser.Record ?? [];
        if (_bad is not null)
        {
            throw Unreadable(_bad);
        }

        return new CsvRecord(_text.LineOf(start), fields);
    }

    /// <summary>Where the record after <paramref name="position"/> starts: past the line break that ended the one before.</summary>
    private long RecordStart(long position)
    {
        while (position < _text.Length && _text[position] is '\r' or '\n')
        {
            position++;
        }

        return position;
    }

    /// <summary>The first quote in the record that opens a field (at its start or after a separator); the record's start without one.</summary>
    private long QuoteStart(long start, long end)
    {
        for (var i = start; i < Math.Min(end, _text.Length); i++)
        {
            if (_text[i] == '"' && (i == start || _text[i - 1] is ',' or ';' or ' '))
            {
                return i;
            }
        }

        return start;
    }
}
