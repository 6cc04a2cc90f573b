using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Leadwerk.Web.Localization;

/// <summary>
/// Every text of the app, in English and Dutch side by side, so a missing translation cannot
/// compile. Feature folders add their own texts in partial files of this class.
/// </summary>
public static partial class L
{
    public static IReadOnlyList<string> Languages { get; } = ["en", "nl"];

    public static bool IsDutch => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "nl";

    public static string Language => IsDutch ? "nl" : "en";

    public static string T(string en, string nl) => IsDutch ? nl : en;

    /// <summary>Picks the Dutch value when the UI is Dutch and it is filled, else the English one.</summary>
    [return: NotNullIfNotNull(nameof(en))]
    public static string? Pick(string? en, string? nl) => IsDutch && !string.IsNullOrWhiteSpace(nl) ? nl : en;

    public static string? Normalize(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        "en" => "en",
        "nl" => "nl",
        _ => null,
    };
}
