using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Search;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class SelectionsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private SearchData Search => new(App.Server.Services);

    [Fact]
    public async Task AStaticSelectionListsItsMembersAndRemovesPickedOnes()
    {
        var user = await Data.User();
        var keep = await Search.Person("Kees", TestData.Unique("Keep").Replace(' ', '-'));
        var drop = await Search.Person("Dirk", TestData.Unique("Drop").Replace(' ', '-'));
        var selection = await Search.StaticSelection(user.UserName, TestData.Unique("Fair visitors"), [keep.Id, drop.Id]);
        await As(user, async page =>
        {
            await page.OpenInteractive("/selections");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Selections", Level = 1 })).ToBeVisibleAsync();
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = selection.Name }) });
            await Expect(row).ToContainTextAsync("Static");
            await Expect(row).ToContainTextAsync("Only me");
            await Accessibility.AssertNoSeriousViolations(page, "the selections list");

            await row.GetByRole(AriaRole.Link, new() { Name = selection.Name }).ClickAsync();
            var view = new SelectionView(page);
            await Expect(view.Heading).ToHaveTextAsync(selection.Name);
            await Expect(view.MemberLink(keep.LastName)).ToBeVisibleAsync();
            await Expect(view.MemberLink(drop.LastName)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1–2 of 2");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit criteria" })).ToHaveCountAsync(0);
            var export = page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" });
            await Expect(export).ToHaveAttributeAsync("href", new Regex($"/api/selections/{selection.Id}/export\\.csv\\?columns=person\\.firstName"));
            await Expect(export).ToHaveAttributeAsync("download", new Regex(@"\.csv$"));
            await Accessibility.AssertNoSeriousViolations(page, "a static selection");

            await view.PickBox(drop.FullName).CheckAsync();
            await view.Button("Remove from selection").ClickAsync();
            await Expect(view.MemberLink(drop.LastName)).ToHaveCountAsync(0);
            await Expect(view.MemberLink(keep.LastName)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 of 1");
            await Expect(Details.Value(page, "Number of members")).ToHaveTextAsync("1");
        });
    }

    [Fact]
    public async Task EditingADynamicSelectionsCriteriaInFindSavesThemBack()
    {
        var user = await Data.User();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await Search.Person("Fien", $"Ee{tag}");
        var second = await Search.Person("Gijs", $"Ff{tag}");
        var criteria = Criteria.For(Entities.Person, CriteriaLine.Of("person.lastName", Operators.StartsWith, $"Ee{tag}"));
        var selection = await Search.DynamicSelection(user.UserName, TestData.Unique("Dynamic"), criteria);
        await As(user, async page =>
        {
            var view = new SelectionView(page);
            await view.Open(selection.Id);
            await Expect(view.Criteria).ToContainTextAsync($"Last name starts with “Ee{tag}”");
            await Expect(view.MemberLink(first.LastName)).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "a dynamic selection");

            await page.GetByRole(AriaRole.Link, new() { Name = "Edit criteria" }).ClickAsync();
            await page.WaitForURLAsync(new Regex($"/find\\?selection={selection.Id}$"));
            var find = new FindView(page);
            await Expect(find.TextValue(1, 1)).ToHaveValueAsync($"Ee{tag}");
            await find.Or();
            await find.TextLine(2, 1, "Last name", "starts with", $"Ff{tag}");
            await find.Button("Save to selection").ClickAsync();

            await page.WaitForURLAsync(new Regex($"/selections/{selection.Id}$"));
            await Expect(view.Criteria).ToContainTextAsync($"Last name starts with “Ff{tag}”");
            await Expect(view.MemberLink(first.LastName)).ToBeVisibleAsync();
            await Expect(view.MemberLink(second.LastName)).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task RenamingAndDeletingASelectionAskFirst()
    {
        var user = await Data.User();
        var person = await Search.Person("Rens", TestData.Unique("Rename").Replace(' ', '-'));
        var selection = await Search.StaticSelection(user.UserName, TestData.Unique("Old name"), [person.Id]);
        var renamed = TestData.Unique("New name");
        await As(user, async page =>
        {
            var view = new SelectionView(page);
            await view.Open(selection.Id);
            await view.Button("Rename").ClickAsync();
            await view.Dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(renamed);
            await view.Dialog.GetByRole(AriaRole.Radio, new() { Name = "Everyone" }).CheckAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the rename dialog");
            await view.Dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(view.Heading).ToHaveTextAsync(renamed);
            await Expect(Details.Value(page, "Visible to")).ToHaveTextAsync("Everyone");

            await page.OpenInteractive("/selections");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {renamed}" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = renamed })).ToHaveCountAsync(0);
        });

        Assert.Null(await Search.FindSelection(user.UserName, renamed));
    }

    [Fact]
    public async Task AnotherUsersPrivateSelectionIsNotFound()
    {
        var owner = await Data.User();
        var stranger = await Data.User();
        var person = await Search.Person("Pim", TestData.Unique("Private").Replace(' ', '-'));
        var selection = await Search.StaticSelection(owner.UserName, TestData.Unique("Secret"), [person.Id]);
        await As(stranger, async page =>
        {
            var view = new SelectionView(page);
            await view.Open(selection.Id);
            await Expect(view.Heading).ToHaveTextAsync("Selection not found");
            await Expect(page.GetByText(selection.Name)).ToHaveCountAsync(0);

            await page.OpenInteractive("/selections");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = selection.Name })).ToHaveCountAsync(0);
        });
    }
}
