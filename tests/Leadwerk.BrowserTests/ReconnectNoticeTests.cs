using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

/// <summary>
/// The reconnect notice in its "failed" and "rejected" states. Blazor shows them by putting a
/// state class on the element with id components-reconnect-modal (its documented contract for a
/// page's own notice); the test puts that class as Blazor would, since neither a server that
/// cannot be reached nor one that restarted can be staged under the shared test server.
/// </summary>
public sealed class ReconnectNoticeTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl", "De server is niet bereikbaar. Probeer het zo opnieuw.", "Opnieuw proberen")]
    public async Task AFailedReconnectSaysSoInTheUsersLanguageAndOffersToTryAgainWithTheFocusOnIt(string language, string text, string tryAgain)
    {
        var user = await Data.User(language: language);
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            var notice = page.Locator("#components-reconnect-modal");
            await Expect(notice).ToBeHiddenAsync();

            await SetState(page, "components-reconnect-failed");
            await Expect(notice).ToBeVisibleAsync();
            await Expect(notice.Locator("#reconnect-text p:visible")).ToHaveTextAsync(text);
            var retry = notice.GetByRole(AriaRole.Button, new() { Name = tryAgain });
            await Expect(retry).ToBeVisibleAsync();
            await Expect(retry).ToBeFocusedAsync();
            await Expect(notice.Locator(".reconnect-reload")).ToBeHiddenAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the failed reconnect notice ({language})");
        });
    }

    [Theory]
    [InlineData("en", "The server was restarted. Reload the page; what you typed is offered back in its form.", "Reload")]
    public async Task ARejectedReconnectSaysTheServerRestartedAndReloadGivesAWorkingPage(string language, string text, string reload)
    {
        var user = await Data.User(language: language);
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            var notice = page.Locator("#components-reconnect-modal");
            await SetState(page, "components-reconnect-rejected");
            await Expect(notice.Locator("#reconnect-text p:visible")).ToHaveTextAsync(text);
            var button = notice.GetByRole(AriaRole.Button, new() { Name = reload });
            await Expect(button).ToBeFocusedAsync();
            await Expect(notice.Locator(".reconnect-retry")).ToBeHiddenAsync();
            await Accessibility.AssertNoSeriousViolations(page, $"the rejected reconnect notice ({language})");

            // A reload starts a new page: the marker set on this one is gone and a new circuit takes over.
            await page.EvaluateAsync("() => window.leadwerkBeforeReload = true");
            await button.ClickAsync();
            await page.WaitForFunctionAsync("() => window.leadwerkBeforeReload === undefined");
            await page.WaitForCircuit();
            await Expect(notice).ToBeHiddenAsync();
        });
    }

    private static Task SetState(IPage page, string state) =>
        page.EvaluateAsync("state => document.getElementById('components-reconnect-modal').classList.add(state)", state);
}
