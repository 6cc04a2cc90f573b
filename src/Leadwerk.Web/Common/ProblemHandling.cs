using System.Globalization;
using System.Text.Json;
using Leadwerk.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Leadwerk.Web.Common;

/// <summary>Maps known failures to RFC 9457 ProblemDetails with a stable `code`; a user mistake is never a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        UseRequestCulture(http);
        var problem = exception switch
        {
            ValidationFailedException v => Problem(v.Status, v.Code, L.T("Some values are not valid.", "Sommige waarden zijn ongeldig."), v.Message, v.Errors),
            DomainException d => Problem(d.Status, d.Code, Title(d.Status), d.Message, d.Field is null ? null : new Dictionary<string, string[]> { [d.Field] = [d.Message] }),
            BadHttpRequestException b when b.InnerException is JsonException || b.StatusCode == 400 => Problem(400, ErrorCodes.MalformedRequest,
                L.T("The request is malformed.", "Het verzoek is misvormd."),
                b.InnerException is JsonException j ? j.Message : b.Message, null),
            BadHttpRequestException b => Problem(b.StatusCode, ErrorCodes.MalformedRequest, Title(b.StatusCode), b.Message, null),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        foreach (var (name, value) in (exception as DomainException)?.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Problem(int status, string code, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://leadwerk.dev/problems/{code}" };
        problem.Extensions["code"] = code;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }

    public static string Title(int status) => status switch
    {
        400 => L.T("The request is malformed.", "Het verzoek is misvormd."),
        401 => L.T("You are not logged in.", "U bent niet ingelogd."),
        403 => L.T("You are not allowed to do this.", "U mag dit niet doen."),
        404 => L.T("Not found.", "Niet gevonden."),
        409 => L.T("Refused by a rule.", "Geweigerd door een regel."),
        412 => L.T("The record changed since you loaded it.", "Het record is gewijzigd sinds u het laadde."),
        422 => L.T("Some values are not valid.", "Sommige waarden zijn ongeldig."),
        429 => L.T("Too many requests; wait a moment.", "Te veel verzoeken; wacht even."),
        _ => L.T("The request failed.", "Het verzoek is mislukt."),
    };

    /// <summary>Bodiless API errors (401, 403, 404, 405, ...) also get ProblemDetails with a code.</summary>
    public static async Task WriteStatusProblem(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            return;
        }

        UseRequestCulture(http);
        var status = http.Response.StatusCode;
        var code = status switch
        {
            401 => ErrorCodes.Unauthorized,
            403 => ErrorCodes.Forbidden,
            404 => ErrorCodes.NotFound,
            429 => ErrorCodes.RateLimited,
            _ => ErrorCodes.MalformedRequest,
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = Problem(status, code, Title(status), null, null) });
    }

    /// <summary>
    /// These handlers run outside the localization middleware, whose culture does not flow back out
    /// to them; the request's culture is still on its features, so the titles follow Accept-Language.
    /// Set inside an async method, the culture reverts when the method returns.
    /// </summary>
    private static void UseRequestCulture(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
    }
}
