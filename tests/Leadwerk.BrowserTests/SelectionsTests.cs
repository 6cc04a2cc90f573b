using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Leadwerk.Web.Dashboards;
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

    [Theory]
    [InlineData("nl", "Hernoemen", "Naam", "Opslaan", "Opslaan als selectie", "Er is al een selectie met de naam “{0}”; kies een andere naam.")]
    public async Task ANameTheOwnerAlreadyUsesIsRefusedNextToTheNameWhenRenamingOrSavingAndNothingIsSaved(
        string language, string rename, string nameLabel, string save, string saveAs, string refusal)
    {
        var user = await Data.User(language: language);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var person = await Search.Person("Dub", $"Du{tag}");
        var taken = await Search.StaticSelection(user.UserName, TestData.Unique("Taken"), [person.Id]);
        var other = await Search.StaticSelection(user.UserName, TestData.Unique("Other"), [person.Id]);
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, refusal, taken.Name);
        await As(user, async page =>
        {
            var view = new SelectionView(page);
            await view.Open(other.Id);
            await view.Button(rename).ClickAsync();
            await view.Dialog.GetByLabel(nameLabel, new() { Exact = true }).FillAsync(taken.Name);
            await view.Dialog.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
            await Expect(LeadCategorizationView.Field(view.Dialog, nameLabel)).ToContainTextAsync(message);
            await Expect(view.Dialog.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(page, $"the rename dialog refusing a used name ({language})");

            var find = new FindView(page);
            await find.Open(DrillLinks.Find(Criteria.For(Entities.Person, CriteriaLine.Of("person.lastName", Operators.EqualTo, person.LastName))));
            await Expect(Link(page, person.LastName)).ToBeVisibleAsync();
            await find.Button(saveAs).ClickAsync();
            await find.Dialog.GetByLabel(nameLabel, new() { Exact = true }).FillAsync(taken.Name);
            await find.Dialog.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
            await Expect(LeadCategorizationView.Field(find.Dialog, nameLabel)).ToContainTextAsync(message);
            await Expect(page).ToHaveURLAsync(new Regex("/find"));
            await Accessibility.AssertNoSeriousViolations(page, $"the save-as-selection dialog refusing a used name ({language})");
        });

        var names = await Search.SelectionNames(user.UserName);
        Assert.Equal(1, names.Count(n => n == taken.Name));
        Assert.Contains(other.Name, names);
        Assert.Equal(2, names.Count);
    }

    [Theory]
    [InlineData("en", "Save as selection", "Name", "Save", "of")]
    public async Task FindAndASelectionsMembersShowHowManyOfHowManyAreListed(string language, string saveAs, string nameLabel, string save, string of)
    {
        var user = await Data.User(language: language);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await Search.Person("Tel", $"Tt{tag}a");
        var second = await Search.Person("Tom", $"Tt{tag}b");
        var name = TestData.Unique("Counted");
        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open(DrillLinks.Find(Criteria.For(Entities.Person, CriteriaLine.Of("person.lastName", Operators.StartsWith, $"Tt{tag}"))));
            await Expect(Link(page, first.LastName)).ToBeVisibleAsync();
            await Expect(Link(page, second.LastName)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"1–2 {of} 2");
            await Accessibility.AssertNoSeriousViolations(page, $"Find with its count ({language})");

            await find.Button(saveAs).ClickAsync();
            await find.Dialog.GetByLabel(nameLabel, new() { Exact = true }).FillAsync(name);
            await find.Dialog.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/selections/\d+$"));
            var view = new SelectionView(page);
            await Expect(view.Heading).ToHaveTextAsync(name);
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"1–2 {of} 2");
            await Accessibility.AssertNoSeriousViolations(page, $"a selection's members with their count ({language})");
        });
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

    /// <summary>A link by its exact name (the grids' own names are in the reader's language).</summary>
    private static ILocator Link(IPage page, string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
