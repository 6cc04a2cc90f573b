using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class ApiReferenceTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("en")]
    public async Task TheApiReferenceLoadsEverythingFromTheAppShowsNoVendorButtonsAndPassesAxe(string language)
    {
        var user = await Data.User("admin", language);
        await As(user, async page =>
        {
            var requests = new List<string>();
            page.Request += (_, request) => requests.Add(request.Url);

            await page.GotoAsync("/api/reference/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var origin = App.BaseUrl + "/";
            var elsewhere = requests.Where(u => !u.StartsWith(origin, StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal)).ToList();
            Assert.True(requests.Count > 1, "the page loaded nothing besides itself");
            Assert.Empty(elsewhere);

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            foreach (var vendor in new[] { "Deploy", "Ask AI", "Generate SDK", "Generate SDKs" })
            {
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = vendor })).ToHaveCountAsync(0);
                await Expect(page.GetByRole(AriaRole.Link, new() { Name = vendor })).ToHaveCountAsync(0);
            }

            await Accessibility.AssertNoSeriousViolations(page, "the API reference");
        });
    }
}
