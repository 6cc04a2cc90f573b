using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.Forms;

/// <summary>
/// `POST /api/public/forms/{key}/submissions`: anonymous, JSON or form-encoded (the embedded form
/// without JavaScript), at most 32 KB, limited per address and per form, and readable cross-origin
/// only by the form's allowed origins (CORS), which are also the only other origins it takes.
/// </summary>
public static class PublicSubmissions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var route = "/api/public/forms/{key}/submissions";
        app.MapPost(route, Submit).WithTags("Forms").AllowAnonymous().DisableAntiforgery()
            .Produces<SubmissionAnswer>(StatusCodes.Status201Created).Produces<SubmissionAnswer>(StatusCodes.Status200OK);
        app.MapMethods(route, [HttpMethods.Options], Preflight).WithTags("Forms").AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> Preflight(string key, SubmissionService submissions, HttpContext http)
    {
        var form = await submissions.Open(key);
        var origin = http.Request.Headers.Origin.ToString();
        if (!SubmissionService.Allows(form, origin, OwnOrigin(http)))
        {
            throw Refused();
        }

        Cors(http, origin);
        http.Response.Headers.AccessControlAllowMethods = "POST";
        http.Response.Headers.AccessControlAllowHeaders = "Content-Type, Idempotency-Key";
        http.Response.Headers.AccessControlMaxAge = "600";
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Submit(string key, SubmissionService submissions, SubmissionLimits limits, CurrentActor actor, HttpContext http)
    {
        var form = await submissions.Open(key);
        var origin = http.Request.Headers.Origin.ToString() is { Length: > 0 } o ? o : null;
        if (!SubmissionService.Allows(form, origin, OwnOrigin(http)))
        {
            throw Refused();
        }

        if (origin is not null)
        {
            Cors(http, origin);
        }

        if (!limits.TryTake(LoginClient.AddressOf(http.Connection.RemoteIpAddress), form.Key))
        {
            http.Response.Headers.RetryAfter = "60";
            throw new DomainException(429, ErrorCodes.RateLimited, L.T("Too many submissions; wait a minute and try again.", "Te veel inzendingen; wacht een minuut en probeer het opnieuw."));
        }

        actor.Set(Actor.System(Channel.Form));
        var input = await Read(http);
        var html = !http.Request.HasJsonContentType() && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        SubmissionAnswer answer;
        bool replay;
        try
        {
            (answer, replay) = await submissions.Receive(form, input, http.Request.Headers["Idempotency-Key"].ToString());
        }
        catch (ValidationFailedException invalid) when (html)
        {
            // A plain HTML form on another site has no page of ours to mark the fields on: a short
            // page says what to correct, and the browser's Back keeps what the visitor typed.
            return TypedResults.Content(FixPage(form, invalid), "text/html; charset=utf-8", statusCode: 422);
        }

        if (html)
        {
            // A plain HTML form (no script): the visitor goes on to the thank-you page.
            return TypedResults.Redirect(form.RedirectUrl ?? $"/f/{form.Key}/thanks", permanent: false, preserveMethod: false);
        }

        return replay ? TypedResults.Ok(answer) : TypedResults.Created($"/api/form-submissions/{answer.SubmissionId}", answer);
    }

    private static string FixPage(Form form, ValidationFailedException invalid)
    {
        static string E(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");
        var title = L.T("Please correct the form", "Verbeter het formulier");
        var items = string.Concat(invalid.Errors.SelectMany(e => e.Value).Select(m => $"<li>{E(m)}</li>"));
        return $"""
            <!DOCTYPE html>
            <html lang="{L.Language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} – {E(form.Name)}</title></head>
            <body><main><h1>{E(title)}</h1><ul>{items}</ul>
            <p>{E(L.T("Go back to the form to correct it; what you typed is still there.", "Ga terug naar het formulier om het te verbeteren; wat u typte staat er nog."))}</p></main></body></html>
            """;
    }

    private static DomainException Refused() =>
        new(403, ErrorCodes.OriginNotAllowed, L.T("This form does not take submissions from this website.", "Dit formulier neemt geen inzendingen aan van deze website."));

    private static string OwnOrigin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static void Cors(HttpContext http, string origin)
    {
        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.Vary = "Origin";
    }

    /// <summary>The body as scalar values by key (JSON object or form fields), with the script's first touch apart.</summary>
    private static async Task<IncomingSubmission> Read(HttpContext http)
    {
        if (http.Request.ContentLength > FormRules.MaxBodyBytes)
        {
            throw TooLarge();
        }

        var body = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > FormRules.MaxBodyBytes)
            {
                throw TooLarge();
            }
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        var first = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (http.Request.HasJsonContentType())
        {
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(body.ToArray()).RootElement;
            }
            catch (JsonException e)
            {
                throw new DomainException(400, ErrorCodes.MalformedRequest, e.Message);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DomainException(400, ErrorCodes.MalformedRequest, L.T("The body is a JSON object.", "De inhoud is een JSON-object."));
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals("firstTouch") && property.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var touch in property.Value.EnumerateObject())
                    {
                        first[touch.Name] = Scalar(touch.Value);
                    }
                }
                else
                {
                    fields[property.Name] = Scalar(property.Value);
                }
            }
        }
        else if (http.Request.HasFormContentType)
        {
            body.Position = 0;
            http.Request.Body = body;
            foreach (var (name, value) in await http.Request.ReadFormAsync())
            {
                // The script sends the kept first touch as firstTouch.utm_source (or firstTouch[utm_source]).
                if (name.StartsWith("firstTouch.", StringComparison.Ordinal) || name.StartsWith("firstTouch[", StringComparison.Ordinal))
                {
                    first[name["firstTouch.".Length..].TrimEnd(']')] = value.ToString();
                }
                else
                {
                    fields[name] = value.ToString();
                }
            }
        }
        else
        {
            throw new DomainException(415, "unsupportedMediaType", L.T("Send the submission as JSON or as form fields.", "Stuur de inzending als JSON of als formuliervelden."));
        }

        return new IncomingSubmission(fields, first.Count == 0 ? null : first);
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static DomainException TooLarge() =>
        new(413, "payloadTooLarge", L.T($"A submission is at most {FormRules.MaxBodyBytes / 1024} KB.", $"Een inzending is hoogstens {FormRules.MaxBodyBytes / 1024} KB."));
}

/// <summary>
/// Fixed one-minute windows per client address and form (`Leadwerk:Forms:RateLimitPerAddress`,
/// default 30) and per form (`Leadwerk:Forms:RateLimitPerForm`, default 15,000): a bot on one address and a
/// flood spread over many are both stopped.
/// </summary>
public sealed class SubmissionLimits(IConfiguration config) : IDisposable
{
    private readonly PartitionedRateLimiter<(string Address, string Form)> _limiter = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<(string Address, string Form), string>(c => RateLimitPartition.GetFixedWindowLimiter(c.Address + " " + c.Form, _ => Window(config.GetValue("Leadwerk:Forms:RateLimitPerAddress", 30)))),
        PartitionedRateLimiter.Create<(string Address, string Form), string>(c => RateLimitPartition.GetFixedWindowLimiter(c.Form, _ => Window(config.GetValue("Leadwerk:Forms:RateLimitPerForm", 15_000)))));

    public bool TryTake(string address, string form)
    {
        using var lease = _limiter.AttemptAcquire((address, form));
        return lease.IsAcquired;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1) };

    public void Dispose() => _limiter.Dispose();
}
