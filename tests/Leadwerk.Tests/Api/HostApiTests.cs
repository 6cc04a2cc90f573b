using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Api;

public abstract class HostApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task HealthAnswers200WhenTheDatabaseIsReachable()
    {
        using var anonymous = app.Anonymous();

        var health = await anonymous.GetOk("/health");

        Assert.Equal("healthy", health.Str("status"));
    }

    [Fact]
    public async Task EveryPageNamesTheAppsIconAndTheIconIsServed()
    {
        using var anonymous = app.Anonymous();

        var login = await (await anonymous.GetAsync("/login")).Content.ReadAsStringAsync();
        var href = System.Text.RegularExpressions.Regex.Match(login, "rel=\"icon\"[^>]*href=\"([^\"]+)\"").Groups[1].Value;
        var icon = await anonymous.GetAsync("/" + href.TrimStart('/'));

        Assert.StartsWith("favicon", href);
        Assert.Equal(System.Net.HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheApi()
    {
        using var anonymous = app.Anonymous();

        var response = await anonymous.Get("/openapi/v1.json");

        var document = await response.ShouldBe(200);
        var paths = document["paths"]!.AsObject();
        Assert.Contains("/api/persons", paths.Select(p => p.Key));
        Assert.Contains("/api/persons/{id}/lead-status-history", paths.Select(p => p.Key));
        Assert.Contains("/api/auth/token", paths.Select(p => p.Key));
    }

    [Fact]
    public async Task InteractiveApiReferenceIsServed()
    {
        using var anonymous = app.Anonymous();

        var response = await anonymous.Get("/api/reference/");

        await response.ShouldBeHtml();
    }
}

public sealed class HostApiTestsOnSqlite(SqliteApp app) : HostApiTests(app), IClassFixture<SqliteApp>;

public sealed class HostApiTestsOnPostgres(PostgresApp app) : HostApiTests(app), IClassFixture<PostgresApp>;
