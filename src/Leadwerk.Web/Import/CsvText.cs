using System.Text;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Import;

/// <summary>
/// An uploaded file's text as the CSV parser reads it, decoded as strict UTF-8 while it streams by: it
/// refuses a byte that is not UTF-8 and a NUL, knows where every line starts, and keeps the text
/// from the record being read on (for messages), so a file of a million rows is never held whole.
/// </summary>
internal sealed class CsvText(Stream stream) : TextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly StreamReader _inner = new(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);

    // The text from _keepFrom on, at least: _window[0] is the character at position _windowStart.
    private char[] _window = new char[1 << 16];
    private int _windowLength;
    private long _windowStart;
    private long _keepFrom;

    // Where each line starts, from the line of _keepFrom on; _linesBefore lines were dropped before the first.
    private readonly List<long> _lineStarts = [0];
    private int _linesBefore;
    private bool _pendingCr;
    private bool _started;

    /// <summary>How many characters the parser has been given.</summary>
    public long Length => _windowStart + _windowLength;

    public char this[long position] => _window[position - _windowStart];

    /// <summary>The text before <paramref name="position"/> is not asked for again.</summary>
    public void Keep(long position) => _keepFrom = Math.Max(_keepFrom, position);

    /// <summary>The line (from 1) a character is on; a line ends at \n, \r\n or a lone \r, as the parser ends a record.</summary>
    public int LineOf(long position)
    {
        var index = _lineStarts.BinarySearch(position);
        return _linesBefore + (index >= 0 ? index : ~index - 1) + 1;
    }

    public override int Read() => Read(new char[1], 0, 1) == 1 ? _window[_windowLength - 1] : -1;

    public override int Peek() => throw new NotSupportedException("The CSV text is read forward only.");

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = Decode(buffer);
        if (!_started && read > 0)
        {
            // A byte order mark is not part of the text (Excel's "CSV UTF-8" writes one).
            _started = true;
            if (buffer[0] == '\uFEFF')
            {
                buffer[1..read].CopyTo(buffer);
                read = read > 1 ? read - 1 : Decode(buffer);
            }
        }

        if (read == 0)
        {
            EndPendingCr(Length);
            return 0;
        }

        Track(buffer[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Decode(Span<char> buffer)
    {
        try
        {
            return _inner.Read(buffer);
        }
        catch (DecoderFallbackException)
        {
            throw ImportCsv.Unreadable(L.T("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.",
                "Het bestand is geen UTF-8-tekst. Sla het op als “CSV UTF-8” en probeer het opnieuw."));
        }
    }

    private void Track(ReadOnlySpan<char> text)
    {
        if (text.Contains('\0'))
        {
            throw ImportCsv.Unreadable(L.T("The file is not a text file.", "Het bestand is geen tekstbestand."));
        }

        var start = Length;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (_pendingCr)
            {
                _pendingCr = false;
                if (c != '\n')
                {
                    _lineStarts.Add(start + i);
                }
            }

            if (c == '\n')
            {
                _lineStarts.Add(start + i + 1);
            }
            else if (c == '\r')
            {
                _pendingCr = true;
            }
        }

        Append(text);
    }

    private void EndPendingCr(long position)
    {
        if (_pendingCr)
        {
            _pendingCr = false;
            _lineStarts.Add(position);
        }
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_windowLength + text.Length > _window.Length)
        {
            // Drop what is no longer asked for, then grow if the record being read still does not fit.
            var drop = (int)Math.Clamp(_keepFrom - _windowStart, 0, _windowLength);
            Array.Copy(_window, drop, _window, 0, _windowLength - drop);
            _windowLength -= drop;
            _windowStart += drop;
            if (_windowLength + text.Length > _window.Length)
            {
                Array.Resize(ref _window, Math.Max(_window.Length * 2, _windowLength + text.Length));
            }

            var line = LineOf(_keepFrom) - _linesBefore - 1;
            _lineStarts.RemoveRange(0, line);
            _linesBefore += line;
        }

        text.CopyTo(_window.AsSpan(_windowLength));
        _windowLength += text.Length;
    }
}
