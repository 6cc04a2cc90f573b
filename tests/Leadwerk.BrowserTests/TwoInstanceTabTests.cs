using System.Diagnostics;
using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Users;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>
/// Issue 18: two instances on one PostgreSQL database, each with the app's own tab check interval.
/// A user changed on one instance loses the tabs open on the other within 30 s, without a click.
/// </summary>
public sealed class TwoInstanceTabTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task TabsOpenOnOneInstanceEndWithinThirtySecondsOfTheUserBeingDisabledOrDemotedOnTheOther()
    {
        await using var database = new SharedPostgres();
        await using var a = new LeadwerkServer(database.ConnectionString, quickTabChecks: false);
        a.Start();
        await using var b = new LeadwerkServer(database.ConnectionString, quickTabChecks: false);
        b.Start();
        var onA = new TestData(a.Services);
        var (leaver, demoted) = (await onA.User(), await onA.User(role: "admin"));
        await using var leaverContext = await LoggedInOn(b, leaver);
        await using var demotedContext = await LoggedInOn(b, demoted);
        var leaverTab = await Open(leaverContext, "/companies", "Companies");
        var demotedTab = await Open(demotedContext, "/admin/categories", "Company – Category");

        var clock = Stopwatch.StartNew();
        await onA.ChangeUser(leaver.UserName, new UserChanges { Disabled = true });
        await onA.ChangeUser(demoted.UserName, new UserChanges { Role = "user" });

        var loginPage = new Regex("/login");
        await Task.WhenAll(
            Expect(leaverTab).ToHaveURLAsync(loginPage, new() { Timeout = 30_000 }),
            Expect(demotedTab).ToHaveURLAsync(loginPage, new() { Timeout = 30_000 }));
        Output.WriteLine($"Both tabs on B were at the login page {clock.Elapsed.TotalSeconds:0.0} s after the changes on A.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"The tabs ended {clock.Elapsed.TotalSeconds:0.0} s after the changes.");
        await Expect(new LoginPage(leaverTab).UserName).ToBeVisibleAsync();
        await Expect(demotedTab.GetByRole(AriaRole.Heading, new() { Name = "Company – Category" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolations(leaverTab, "Login page after the user was disabled on another instance");
    }

    private async Task<IBrowserContext> LoggedInOn(LeadwerkServer server, (string UserName, string Password) user)
    {
        var context = await App.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "en-US" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.Open();
        await login.LogIn(user.UserName, user.Password);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return context;
    }

    private static async Task<IPage> Open(IBrowserContext context, string path, string heading)
    {
        var page = context.Pages[0];
        await page.OpenInteractive(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolations(page, $"{heading} on the second instance");
        return page;
    }
}
