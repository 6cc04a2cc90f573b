using System.Net;
using System.Net.Sockets;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>Issue 18: the app behind nginx configured as docs/deploy.md shows (deploy/nginx/).</summary>
public sealed class ReverseProxyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ATabBehindNginxKeepsItsCircuitAcrossAHundredNavigations()
    {
        await using var nginx = await Nginx.Start(App.Server.BaseAddress);
        await AsAdmin(async page =>
        {
            var sockets = new List<IWebSocket>();
            page.WebSocket += (_, socket) => sockets.Add(socket);
            await page.OpenInteractive(new Uri(nginx.Address, "/my-day").ToString());
            await Accessibility.AssertNoSeriousViolations(page, "My day behind nginx");
            var navigation = new AppShell(page).Navigation;

            for (var i = 0; i < 50; i++)
            {
                await navigation.GetByRole(AriaRole.Link, new() { Name = "Companies", Exact = true }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Companies", Level = 1 })).ToBeVisibleAsync();
                await navigation.GetByRole(AriaRole.Link, new() { Name = "Persons", Exact = true }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Persons", Level = 1 })).ToBeVisibleAsync();
            }

            await Accessibility.AssertNoSeriousViolations(page, "Persons after a hundred navigations");
            Assert.StartsWith(nginx.Address.ToString(), page.Url, StringComparison.Ordinal);
            var socket = Assert.Single(sockets);
            Assert.StartsWith($"ws://127.0.0.1:{nginx.Address.Port}/", socket.Url, StringComparison.Ordinal);
            Assert.False(socket.IsClosed, "The circuit's WebSocket closed while the tab was in use.");
        });
    }

    [Fact]
    public async Task AVisitorThroughNginxOnItsOwnPortIsSentToTheLoginPageThereAndBackAfterLoggingIn()
    {
        await using var nginx = await Nginx.Start(App.Server.BaseAddress);
        await Anonymously(async page =>
        {
            await page.GotoAsync(new Uri(nginx.Address, "/companies").ToString());

            await Expect(page).ToHaveURLAsync(new Uri(nginx.Address, "/login?returnUrl=%2Fcompanies").ToString());
            await Accessibility.AssertNoSeriousViolations(page, "Login page behind nginx");
            await new LoginPage(page).LogIn(LeadwerkServer.AdminUserName, LeadwerkServer.AdminPassword);
            await Expect(page).ToHaveURLAsync(new Uri(nginx.Address, "/companies").ToString());
            await page.WaitForCircuit();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Companies", Level = 1 })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task TheRateLimiterCountsTheClientBehindNginxNotNginxItself()
    {
        await using var nginx = await Nginx.Start(App.Server.BaseAddress);
        using var first = From("127.0.0.2", nginx.Address);
        using var second = From("127.0.0.3", nginx.Address);
        var feed = $"/calendar/{Guid.NewGuid():N}.ics";

        // The calendar feed allows 60 requests a minute from one address.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++)
        {
            statuses.Add((await first.GetAsync(feed)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(60));
        // Another client through the same nginx is its own partition.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await second.GetAsync(feed)).StatusCode);
    }

    /// <summary>A client whose connections come from the given loopback address, as another machine's would.</summary>
    private static HttpClient From(string address, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress };
}
