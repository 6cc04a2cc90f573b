using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Users;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class SecurityTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task APersonNamedLikeAScriptIsShownAsText()
    {
        const string script = "<script>alert(1)</script>";
        var company = await Data.Company();
        var person = await Data.Person(company.Id, firstName: script, lastName: "Xss");
        await AsAdmin(async page =>
        {
            var dialogs = new List<string>();
            page.Dialog += async (_, dialog) =>
            {
                dialogs.Add(dialog.Message);
                await dialog.DismissAsync();
            };

            var card = new PersonPage(page);
            await card.Open(person.Id);
            await Expect(card.Heading).ToHaveTextAsync($"{script} Xss");

            await new CompanyPage(page).Open(company.Id);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{script} Xss" })).ToBeVisibleAsync();
            Assert.Empty(dialogs);
        });
    }

    [Fact]
    public async Task ANormalUserSeesNoAdministrationAndGetsNoAdminPage()
    {
        var user = await Data.User(role: "user");
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");
            var shell = new AppShell(page);
            await Expect(shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Companies" })).ToBeVisibleAsync();
            await Expect(shell.Navigation).Not.ToContainTextAsync("Administration");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Company – Category" })).ToHaveCountAsync(0);

            await page.OpenInteractive("/admin/categories");
            await Expect(page.GetByText("You are not allowed to see this page.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Company – Category" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, "the page refusing a normal user");
        });
    }

    [Fact]
    public async Task MainPagesRunWithoutContentSecurityPolicyViolations()
    {
        var person = await Data.PersonWithCompany();
        var selection = await new SearchData(App.Server.Services).StaticSelection(LeadwerkServer.AdminUserName, TestData.Unique("Policy"), [person.Id]);
        await AsAdmin(async page =>
        {
            var violations = new List<string>();
            page.Console += (_, message) =>
            {
                var where = $"{message.Location} {message.Text}";
                // Scalar's bundled Zod tries Function("") once to learn whether it may compile
                // validators, and runs without when it may not: a probe, not a broken feature.
                var zodProbe = where.Contains("/api/reference/scalar.js", StringComparison.Ordinal) && where.Contains("eval", StringComparison.Ordinal);
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) && !zodProbe)
                {
                    violations.Add($"{page.Url}: {where}");
                }
            };
            // Reports what the console may not: blocked styles, fonts, connections.
            await page.AddInitScriptAsync("""
                document.addEventListener('securitypolicyviolation', e =>
                  console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}`));
                """);
            var pages = new (string Path, Func<Task> Ready)[]
            {
                ("/login", () => Expect(new LoginPage(page).UserName).ToBeVisibleAsync()),
                ("/companies", () => Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Companies", Level = 1 })).ToBeVisibleAsync()),
                ($"/companies/{person.CompanyId}", () => Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(person.CompanyName!)),
                ($"/persons/{person.Id}", () => Expect(new PersonPage(page).Heading).ToHaveTextAsync(person.FullName)),
                ($"/selections/{selection.Id}/board", () => Expect(new SelectionBoard(page).Heading).ToHaveTextAsync(new Regex(" – Board$"))),
                ("/find", () => Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync()),
                ("/api/reference/", () => Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync()),
            };
            foreach (var (path, ready) in pages)
            {
                var response = await page.GotoAsync(path);
                Assert.Contains("'nonce-", (await response!.AllHeadersAsync()).GetValueOrDefault("content-security-policy") ?? "");
                if (!path.StartsWith("/api", StringComparison.Ordinal) && path != "/login")
                {
                    await page.WaitForCircuit();
                }

                await ready();
            }

            Assert.Empty(violations);
        });
    }

    [Fact]
    public async Task ATabOpenBeforeTheUserWasDisabledGoesToTheLoginPage()
    {
        var user = await Data.User();
        await As(user, async page =>
        {
            await page.OpenInteractive("/companies");

            await Data.ChangeUser(user.UserName, new UserChanges { Disabled = true });

            await Expect(page).ToHaveURLAsync(new Regex("/login"));
            await Expect(new LoginPage(page).UserName).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task ATabOfAnAdministratorDemotedSinceItOpenedLeavesTheAdminPage()
    {
        var admin = await Data.User(role: "admin");
        await As(admin, async page =>
        {
            await page.OpenInteractive("/admin/categories");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Company – Category" })).ToBeVisibleAsync();

            await Data.ChangeUser(admin.UserName, new UserChanges { Role = "user" });

            await Expect(page).ToHaveURLAsync(new Regex("/login"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Company – Category" })).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task LoggingOutInOneTabSendsTheOtherTabOfThatSessionToTheLoginPage()
    {
        var user = await Data.User();
        await As(user, async page =>
        {
            var other = await page.Context.NewPageAsync();
            await other.OpenInteractive("/companies");
            await page.OpenInteractive("/companies");

            await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/login$"));

            await Expect(other).ToHaveURLAsync(new Regex("/login"));
            await Expect(new LoginPage(other).UserName).ToBeVisibleAsync();
        });
    }
}
