namespace Leadwerk.Web.Common;

/// <summary>
/// The digits of a phone number, stored beside it in an indexed column so the app bar's search finds
/// "+31 (0)20-123 4567" by "020 123" as well as by "3120123": spaces, dashes, brackets, dots, slashes
/// and "+" say nothing about the number, nor does the "(0)" of "+31 (0)20"; "00" in front is the international prefix "+" is short for,
/// so "0031 20…" and "+31 20…" get the same key.
/// </summary>
public static class PhoneKey
{
    /// <summary>Fewer digits than this match too many numbers to be a search for one.</summary>
    public const int MinDigits = 4;

    /// <summary>The Netherlands' country code: Leadwerk's users write Dutch numbers both ways.</summary>
    private const string Dutch = "31";

    /// <summary>The digits of <paramref name="phone"/>, without a leading "00"; null when it has none.</summary>
    public static string? Of(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var digits = new string(phone.Replace("(0)", "", StringComparison.Ordinal).Where(char.IsAsciiDigit).ToArray());
        digits = digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits;
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>
    /// The keys a typed search looks for as prefixes, or none when the text is not a phone number
    /// (anything but digits and separators) or has fewer than <see cref="MinDigits"/> digits. A Dutch
    /// number is written with its national 0 ("06 1234…") or with the country code ("+31 6 1234…"),
    /// so each form also looks for the other; other countries' numbers are found as written.
    /// </summary>
    public static IReadOnlyList<string> Searches(string text)
    {
        if (!text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '.' or '+' or '/')
            || Of(text) is not { Length: >= MinDigits } key)
        {
            return [];
        }

        var dutch = key.StartsWith(Dutch, StringComparison.Ordinal) ? "0" + key[Dutch.Length..]
            : key.StartsWith('0') ? Dutch + key[1..]
            : null;
        return dutch is null ? [key] : [key, dutch];
    }
}
