using System.Text;

namespace Leadwerk.Web.Common;

/// <summary>
/// Characters no one types and not every part can hold: NUL (PostgreSQL cannot store it), half a
/// surrogate pair and the Unicode noncharacters such as U+FFFE (normalization refuses both). They
/// are dropped from every text the app stores or searches, so each part sees the same text.
/// </summary>
public static class StoredText
{
    public static bool IsStorable(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (!Keeps(rune))
            {
                return false;
            }
        }

        // EnumerateRunes yields U+FFFD for a lone surrogate, so look for those separately.
        return !HasLoneSurrogate(value);
    }

    public static string Storable(string value)
    {
        if ((System.Text.Ascii.IsValid(value) && !value.Contains('\0', StringComparison.Ordinal)) || IsStorable(value))
        {
            return value;
        }

        var kept = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (Rune.TryGetRuneAt(value, i, out var rune))
            {
                if (Keeps(rune))
                {
                    kept.Append(rune.ToString());
                }

                i += rune.Utf16SequenceLength - 1;
            }
        }

        return kept.ToString();
    }

    private static bool Keeps(Rune rune) =>
        rune.Value != 0 && rune.Value is not (>= 0xFDD0 and <= 0xFDEF) && (rune.Value & 0xFFFE) != 0xFFFE;

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
