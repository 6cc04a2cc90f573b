using System.Globalization;
using System.Text;

namespace Leadwerk.Web.Common;

/// <summary>
/// The folded form of a name or e-mail that search, sort and matching compare on: lower case,
/// accents removed ("Émile Öztürk" → "emile ozturk"). It is stored beside the text in an indexed
/// column, so "starts with" is an index range, "contains" reads plain text without calling back
/// into .NET per row (SQLite's own lower() folds only ASCII), and both providers sort alike.
/// </summary>
public static class TextKey
{
    public static string Of(string value)
    {
        var lower = StoredText.Storable(value).ToLowerInvariant();
        if (Ascii.IsValid(lower))
        {
            return lower;
        }

        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string? OfOptional(string? value) => value is null ? null : Of(value);

    /// <summary>
    /// The smallest text above every text that starts with <paramref name="prefix"/> in ordinal
    /// order, so "starts with" can be the index range [prefix, end); null when there is none.
    /// </summary>
    public static string? PrefixEnd(string prefix)
    {
        if (prefix.Length == 0 || char.IsSurrogate(prefix[^1]) || prefix[^1] >= '\uD7FF')
        {
            return null;
        }

        return string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString());
    }
}
