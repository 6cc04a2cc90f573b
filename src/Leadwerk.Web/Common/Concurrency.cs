using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Common;

/// <summary>ETag / If-Match handling on the entity version.</summary>
public static class Concurrency
{
    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>Parses an If-Match header: null when absent or "*", a version otherwise; a malformed one is 400.</summary>
    public static int? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), out var version)
            ? version
            : throw new DomainException(400, ErrorCodes.MalformedRequest, L.T(
                "If-Match must be an ETag received from this API.", "If-Match moet een ETag van deze API zijn."), "If-Match");
    }

    public static void Check(int current, int? expected)
    {
        if (expected is not null && expected != current)
        {
            throw new DomainException(412, ErrorCodes.PreconditionFailed, L.T(
                "Someone else changed this record since you loaded it. Reload it and try again.",
                "Iemand anders heeft dit record gewijzigd sinds u het laadde. Laad het opnieuw en probeer het nog eens."));
        }
    }
}
