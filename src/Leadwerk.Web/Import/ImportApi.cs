using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Import;

public static class ImportApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").WithTags("Import").RequireAuthorization().OnChannel(Channel.Import);

        // The form is read by hand, not bound, so that every bad upload gets our ProblemDetails. No
        // antiforgery token: the auth cookie is SameSite=Lax, so no other site can post this with it.
        group.MapPost("/", async (HttpContext http, ImportService imports) =>
        {
            var user = http.User.ToActor(Channel.Import);
            if (!http.Request.HasFormContentType)
            {
                throw new DomainException(415, ErrorCodes.MalformedRequest, L.T(
                    "Send multipart/form-data with a `file` and `options`.", "Stuur multipart/form-data met een `file` en `options`."));
            }

            var form = await ReadForm(http, imports.MaxBytes);
            var options = Options(form["options"].ToString());
            var file = form.Files.GetFile("file") ?? throw DomainException.Invalid("file", L.T("Attach a CSV file as `file`.", "Voeg een CSV-bestand toe als `file`."));
            if (file.Length > imports.MaxBytes)
            {
                throw imports.TooLarge();
            }

            // The form reader has buffered a large file to disk; its rows are read from there as they are staged.
            await using var stream = file.OpenReadStream();
            var (settings, rows) = await imports.Prepare(options, stream);
            if (options.DryRun)
            {
                return Results.Ok(await imports.DryRun(settings, rows));
            }

            var started = await imports.Start(settings, rows, user);
            return Results.Accepted($"/api/imports/{started.Id}", started);
        }).DisableAntiforgery().Produces<ImportPreview>(200).Produces<ImportStatus>(202);
        group.MapGet("/{id:int}", async (int id, ImportService imports, HttpContext http) =>
            TypedResults.Ok(await imports.Get(id, http.User.ToActor(Channel.Import))));
        group.MapPost("/{id:int}/resume", async (int id, ImportService imports, HttpContext http) =>
            TypedResults.Accepted($"/api/imports/{id}", await imports.Resume(id, http.User.ToActor(Channel.Import))));
        group.MapPost("/{id:int}/rollback", async (int id, ImportService imports, HttpContext http) =>
            TypedResults.Accepted($"/api/imports/{id}", await imports.Rollback(id, http.User.ToActor(Channel.Import))));
        return app;
    }

    /// <summary>The upload's form; a body that is not the multipart it claims is the sender's mistake, a 400 that says so.</summary>
    private static async Task<IFormCollection> ReadForm(HttpContext http, long maxBytes)
    {
        // The server's and the form reader's own limits (30 MB, 128 MB) follow the configured file size, with room for the form around it.
        var limit = maxBytes + (1 << 20);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = limit;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            // Thrown for a missing boundary and for passing the form reader's limits (fields, field and header sizes).
            throw new DomainException(400, ErrorCodes.MalformedRequest, L.T(
                $"The form cannot be read: {e.Message}", $"Het formulier kan niet worden gelezen: {e.Message}"));
        }
        catch (IOException e) when (e is not BadHttpRequestException && !http.RequestAborted.IsCancellationRequested)
        {
            // A multipart body that ends before its closing boundary.
            throw new DomainException(400, ErrorCodes.MalformedRequest, L.T(
                $"The form ends before it is complete: {e.Message}", $"Het formulier houdt op voordat het compleet is: {e.Message}"));
        }
    }

    private static ImportOptions Options(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DomainException.Invalid("options", L.T("Send the options as JSON in `options`.", "Stuur de opties als JSON in `options`."));
        }

        try
        {
            return JsonSerializer.Deserialize<ImportOptions>(text, Json)
                ?? throw DomainException.Invalid("options", L.T("Send the options as JSON in `options`.", "Stuur de opties als JSON in `options`."));
        }
        catch (JsonException e)
        {
            throw new DomainException(400, ErrorCodes.MalformedRequest, L.T($"`options` is not valid JSON: {e.Message}", $"`options` is geen geldige JSON: {e.Message}"), "options");
        }
    }
}
