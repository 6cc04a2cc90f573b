using Leadwerk.Web.Leads;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Import;

/// <summary>The import API as a test uses it: upload, dry run, start, and following a run.</summary>
public static class ImportClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Posts the file (UTF-8, no BOM, unless bytes are given) and the options as multipart; either may be left out.</summary>
    public static Task<HttpResponseMessage> PostImport(this HttpClient client, object? options, string? csv, string? language = null) =>
        client.PostImport(options, csv is null ? null : Encoding.UTF8.GetBytes(csv), language);

    public static Task<HttpResponseMessage> PostImport(this HttpClient client, object? options, byte[]? file, string? language = null)
    {
        var content = new MultipartFormDataContent();
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(part, "file", "import.csv");
        }

        if (options is not null)
        {
            content.Add(new StringContent(options as string ?? JsonSerializer.Serialize(options, JsonSerializerOptions.Web)), "options");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = content };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return client.SendAsync(request);
    }

    public static object Persons(bool dryRun, object? defaults = null, object? columns = null) =>
        new { entity = "person", dryRun, defaults, columns };

    public static object Companies(bool dryRun, object? defaults = null, string? matchBy = null) =>
        new { entity = "company", dryRun, defaults, matchBy };

    public static async Task<JsonNode> DryRun(this HttpClient client, object options, string csv) =>
        await (await client.PostImport(options, csv)).ShouldBe(200);

    /// <summary>Starts an import, asserts 202 with its Location, and waits until it is done.</summary>
    public static async Task<JsonNode> RunImport(this HttpClient client, object options, string csv)
    {
        var response = await client.PostImport(options, csv);
        var started = await response.ShouldBe(202);
        Assert.Equal($"/api/imports/{started.Int("id")}", response.Headers.Location?.OriginalString);
        return await client.WaitForImport(started.Int("id"), "done");
    }

    public static async Task<JsonNode> WaitForImport(this HttpClient client, int id, string state)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var status = await client.GetOk($"/api/imports/{id}");
            if (status.Str("state") == state)
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Import {id} did not reach {state}: {status.ToJsonString()}");
            }

            await Task.Delay(15);
        }
    }

    public static async Task<JsonNode> Rollback(this HttpClient client, int id)
    {
        var response = await client.PostAsync($"/api/imports/{id}/rollback", null);
        await response.ShouldBe(202);
        return await client.WaitForImport(id, "rolledBack");
    }

    public static (int Create, int Update, int Unchanged, int Errors) Counts(this JsonNode status) =>
        (status.Int("create"), status.Int("update"), status.Int("unchanged"), status["errors"]!.AsArray().Count);

    /// <summary>The errors as (line, reason), in line order.</summary>
    public static List<(int Line, string Reason)> Errors(this JsonNode status) =>
        status["errors"]!.AsArray().Select(e => (e!.Int("line"), e!.Str("reason")!)).OrderBy(e => e.Item1).ToList();

    /// <summary>An e-mail address no other test uses.</summary>
    public static string Email(string name) => $"{name}.{Guid.NewGuid():N}@example.com";

    public static async Task<List<Person>> PersonsByEmail(this LeadwerkApp app, params string[] emails)
    {
        var lower = emails.Select(e => e.ToLowerInvariant()).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        var persons = await db.Persons.AsNoTracking().Include(p => p.Company).Where(p => p.Email != null && lower.Contains(p.Email.ToLower())).ToListAsync();
        return lower.Select(e => persons.SingleOrDefault(p => p.Email!.ToLowerInvariant() == e)).OfType<Person>().ToList();
    }

    public static async Task<int> ImportHistoryRows(this LeadwerkApp app, IEnumerable<int> personIds)
    {
        var ids = personIds.ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        return await db.LeadStatusChanges.CountAsync(c => ids.Contains(c.PersonId) && c.Channel == Channel.Import);
    }
}
