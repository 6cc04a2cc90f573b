using Leadwerk.Web.Leads;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.Common;

public static class ApiSupport
{
    public const string AdminPolicy = "admin";

    public static int UserId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : throw new InvalidOperationException("Not logged in.");

    public static Actor ToActor(this ClaimsPrincipal user, Channel channel) =>
        new(user.UserId(), user.IsInRole("admin") ? Role.Admin : Role.User, channel);

    public static int? IfMatch(this HttpContext http) => Concurrency.ParseIfMatch(http.Request.Headers.IfMatch.ToString());

    public static T WithETag<T>(this HttpContext http, T value, int version)
    {
        http.Response.Headers.ETag = Concurrency.ETag(version);
        return value;
    }
}

/// <summary>Reads a JSON merge-patch body: a property that is absent stays unchanged, null clears it.</summary>
public sealed class PatchReader(JsonObject body)
{
    public Opt<string?> String(string name)
    {
        if (!body.TryGetPropertyValue(name, out var node))
        {
            return default;
        }

        if (node is null)
        {
            return new Opt<string?>(true, null);
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw WrongType(name, L.T("text", "tekst"));
        }

        try
        {
            return node.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            // Well-formed JSON can still escape half a surrogate pair, which no .NET string can hold.
            throw new DomainException(400, ErrorCodes.MalformedRequest, L.T(
                $"“{name}” contains an invalid character.", $"“{name}” bevat een ongeldig teken."), name);
        }
    }

    public Opt<int?> Int(string name) => Number<int>(name, L.T("a whole number", "een geheel getal"));

    public Opt<decimal?> Decimal(string name) => Number<decimal>(name, L.T("a number", "een getal"));

    private Opt<T?> Number<T>(string name, string expected) where T : struct
    {
        if (!body.TryGetPropertyValue(name, out var node))
        {
            return default;
        }

        if (node is null)
        {
            return new Opt<T?>(true, null);
        }

        return node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<T>(out var value)
            ? value
            : throw WrongType(name, expected);
    }

    /// <summary>A calendar day as yyyy-mm-dd, as System.Text.Json writes a DateOnly.</summary>
    public Opt<DateOnly?> Date(string name)
    {
        var text = String(name);
        if (!text.IsSet || text.Value is null)
        {
            return new Opt<DateOnly?>(text.IsSet, null);
        }

        return DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : throw WrongType(name, L.T("a date (yyyy-mm-dd)", "een datum (jjjj-mm-dd)"));
    }

    public Opt<bool> Bool(string name)
    {
        if (!body.TryGetPropertyValue(name, out var node))
        {
            return default;
        }

        return node?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name, L.T("true or false", "true of false")),
        };
    }

    private static DomainException WrongType(string name, string expected) => new(400, ErrorCodes.MalformedRequest,
        L.T($"“{name}” must be {expected}.", $"“{name}” moet {expected} zijn."), name);
}
