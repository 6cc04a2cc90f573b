using System.Globalization;

namespace Leadwerk.Web.Components.Shared;

/// <summary>How values look on screen, the same on every page.</summary>
public static class UiFormat
{
    /// <summary>A stored UTC time in the server's time zone, with the month as a word so 3/4 cannot be misread.</summary>
    public static string When(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime().ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string Date(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime().ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>ISO 8601 for the datetime attribute of a time element.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Shown for an empty value, so a blank never looks like a rendering fault.</summary>
    public const string Empty = "—";

    /// <summary>Only http(s) addresses become links, so a stored "javascript:" value stays text.</summary>
    public static string? SafeWebLink(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return null;
        }

        var candidate = website.Contains("://", StringComparison.Ordinal) ? website : "https://" + website;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri : null;
    }
}
