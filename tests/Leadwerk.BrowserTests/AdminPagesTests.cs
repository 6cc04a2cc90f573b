using Leadwerk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class AdminPagesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("/admin/categories", "Company – Category", "Customer")]
    [InlineData("/admin/lead-statuses", "Person – Lead status", "Contacting")]
    [InlineData("/admin/lost-reasons", "Sale – Lost reasons", "Competitor chosen")]
    [InlineData("/admin/follow-up-types", "Follow-up – Types", "Meeting")]
    [InlineData("/admin/users", "Users", LeadwerkServer.AdminUserName)]
    [InlineData("/admin/automation/lead-categorization", "Lead categorization", "Add rule")]
    [InlineData("/admin/audit", "Audit log", "Apply")]
    [InlineData("/admin/licence", "Licence", "UTM attribution")]
    public async Task AnAdminPageOpensForAnAdminAndPassesTheAccessibilityScan(string path, string heading, string loaded)
    {
        await AsAdmin(async page =>
        {
            await page.OpenInteractive(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            // Something only the loaded page shows: a row of a list, or the rules' Add button.
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = loaded })
                .Or(page.GetByRole(AriaRole.Button, new() { Name = loaded, Exact = true })).First).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, path);
        }, $"AdminPage{path.Replace('/', '-')}");
    }

    [Fact]
    public async Task TheAdminLinksLeadToTheAdminPages()
    {
        await AsAdmin(async page =>
        {
            await page.OpenInteractive("/companies");
            await page.GetByRole(AriaRole.Link, new() { Name = "Person – Lead status" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/lead-statuses$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Person – Lead status", Level = 1 })).ToBeVisibleAsync();
        });
    }
}
