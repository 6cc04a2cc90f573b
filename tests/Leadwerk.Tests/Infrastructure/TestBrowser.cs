using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>
/// A browser as far as the login is concerned: keeps cookies, logs in and out through the real
/// forms (with their antiforgery tokens), and follows no redirects, so a test sees them.
/// </summary>
public sealed partial class TestBrowser : IDisposable
{
    private readonly CookieContainer _cookies;

    private TestBrowser(WebApplicationFactory<Program> app, CookieContainer cookies, string? clientAddress)
    {
        _cookies = cookies;
        Client = app.CreateDefaultClient(new Uri("http://localhost/"), new CookieContainerHandler(cookies));
        if (clientAddress is not null)
        {
            Client.DefaultRequestHeaders.Add(TestClientAddress.Header, clientAddress);
        }
    }

    public HttpClient Client { get; }

    public static TestBrowser Open(WebApplicationFactory<Program> app, string? clientAddress = null) => new(app, new CookieContainer(), clientAddress);

    /// <summary>Another browser holding a copy of this one's cookies (copied, stolen, or this one on another instance).</summary>
    public TestBrowser CopyTo(WebApplicationFactory<Program> app)
    {
        var copy = new CookieContainer();
        copy.Add(_cookies.GetAllCookies());
        return new TestBrowser(app, copy, null);
    }

    /// <summary>Posts the login form; 302 to the companies on success, 200 with the form again on failure.</summary>
    public async Task<HttpResponseMessage> LogIn(string userName, string password)
    {
        var token = await AntiforgeryToken("/login");
        return await Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public async Task LogInOk(string userName, string password)
    {
        var response = await LogIn(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {userName} should redirect, got {(int)response.StatusCode}");
    }

    /// <summary>Posts the logout form of a page, as the Log out button does.</summary>
    public async Task LogOut()
    {
        var token = await AntiforgeryToken("/companies");
        var response = await Client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose() => Client.Dispose();

    private async Task<string> AntiforgeryToken(string page)
    {
        var html = await (await Client.GetAsync(page)).Content.ReadAsStringAsync();
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"{page} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
