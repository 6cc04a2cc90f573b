using System.Text.RegularExpressions;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Api;

/// <summary>
/// A real Content-Security-Policy on every page, HSTS over HTTPS (issue 12, defect 5). The browser
/// test SecurityTests.MainPagesRunWithoutContentSecurityPolicyViolations shows the pages still work.
/// Headers do not depend on the database, so SQLite alone.
/// </summary>
public sealed partial class SecurityHeadersApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task PagesCarryAFullPolicyWithAFreshNonceOnTheirOnlyInlineScript()
    {
        using var client = app.Anonymous();

        var first = await client.GetAsync("/login");
        var second = await client.GetAsync("/login");

        var policy = Policy(first);
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'self'"], policy["connect-src"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
        Assert.Equal(["'self'"], policy["form-action"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.DoesNotContain("'unsafe-inline'", policy["script-src"]);
        Assert.DoesNotContain("'unsafe-eval'", policy["script-src"]);
        var nonce = Nonce(policy);
        Assert.NotEqual(nonce, Nonce(Policy(second)));
        var html = await first.Content.ReadAsStringAsync();
        var inline = InlineScripts().Matches(html);
        Assert.NotEmpty(inline);
        Assert.All(inline, script => Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal));
        Assert.Equal("DENY", first.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task TheApiReferenceRunsItsScriptsByTheNonceAndAsksNothingOfOtherOrigins()
    {
        using var client = app.Anonymous();

        var response = await client.GetAsync("/api/reference/");

        var policy = Policy(response);
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        var html = await response.Content.ReadAsStringAsync();
        var scripts = Regex.Matches(html, "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains($"nonce=\"{Nonce(policy)}\"", script.Value, StringComparison.Ordinal));
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HstsIsSentOverHttpsOnly()
    {
        using var https = app.CreateClient(new() { BaseAddress = new Uri("https://leadwerk.example/"), AllowAutoRedirect = false });
        using var http = app.Anonymous();

        var secure = await https.GetAsync("/login");
        var plain = await http.GetAsync("/login");

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("max-age=31536000", SecurityHeaders.StrictTransportSecurity, StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ApiAnswersAreNeitherSniffedNorFramed()
    {
        using var client = app.Anonymous();

        var response = await client.GetAsync("/api/users/me");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    /// <summary>No page allows framing yet; the public form page will, and this is how (ADR 0003).</summary>
    [Fact]
    public async Task APageThatAllowsFramingByNamedOriginsSendsThemAndNoXFrameOptions()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        await using var host = builder.Build();
        host.UseSecurityHeaders(hsts: false);
        host.MapGet("/f/{key}", (HttpContext http) =>
        {
            http.ContentSecurityPolicy().FrameAncestors = "https://shop.example";
            return Results.Content("<!DOCTYPE html><p>form</p>", "text/html");
        });
        await host.StartAsync();
        using var client = host.GetTestClient();

        var response = await client.GetAsync("/f/key-1");

        var policy = Policy(response);
        Assert.Equal(["https://shop.example"], policy["frame-ancestors"]);
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    private static Dictionary<string, string[]> Policy(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"{response.RequestMessage?.RequestUri} has no Content-Security-Policy");
        var header = Assert.Single(values);
        return header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);
    }

    private static string Nonce(Dictionary<string, string[]> policy)
    {
        var nonce = Assert.Single(policy["script-src"], s => s.StartsWith("'nonce-", StringComparison.Ordinal));
        Assert.Contains("'self'", policy["script-src"]);
        return nonce["'nonce-".Length..^1];
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScripts();
}
