using System.Text.RegularExpressions;
using Leadwerk.BrowserTests.Infrastructure;
using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Leadwerk.BrowserTests;

public sealed class FindTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private SearchData Search => new(App.Server.Services);

    [Fact]
    public async Task CriteriaWithAnOrSetFindTheExpectedPersonsAndSaveAsADynamicSelectionThatShowsThem()
    {
        // Users of their own: Find remembers criteria per user, so tests must not share one.
        var user = await Data.User();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var contacting = await Search.Person("Cora", $"Zz{tag}a", "Contacting");
        var open = await Search.Person("Otto", $"Zz{tag}b", "Open");
        var other = await Search.Person("Yvo", $"Yy{tag}", "Open");
        var name = TestData.Unique("Warm leads");
        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open();
            await Expect(find.Heading).ToHaveTextAsync("Find");

            await find.TextLine(1, 1, "Last name", "starts with", $"Zz{tag}");
            await find.AddLine(1);
            await find.ChooseField(1, 2, "Lead status");
            await Expect(find.Operator(1, 2)).ToHaveValueAsync("is one of");
            await find.PickValues(1, 2, "Contacting");
            await find.Or();
            await find.TextLine(2, 1, "Last name", "starts with", $"Yy{tag}");
            await find.Search();

            await Expect(find.ResultLink(contacting.LastName)).ToBeVisibleAsync();
            await Expect(find.ResultLink(other.LastName)).ToBeVisibleAsync();
            await Expect(find.ResultLink(open.LastName)).ToHaveCountAsync(0);
            await Expect(find.ResultLink(contacting.LastName)).ToHaveAttributeAsync("href", new Regex($"/persons/{contacting.Id}$"));
            await Expect(page.GetByText("or", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText("and", new() { Exact = true })).ToBeVisibleAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1–2 of 2");

            await find.SaveAsDynamicSelection(name);
            await Expect(page).ToHaveURLAsync(new Regex(@"/selections/\d+$"));
            var selection = new SelectionView(page);
            await Expect(selection.Heading).ToHaveTextAsync(name);
            await Expect(selection.Criteria).ToContainTextAsync($"Last name starts with “Zz{tag}” AND Lead status is one of Contacting");
            await Expect(selection.Criteria).ToContainTextAsync("OR");
            await Expect(selection.MemberLink(contacting.LastName)).ToBeVisibleAsync();
            await Expect(selection.MemberLink(other.LastName)).ToBeVisibleAsync();
            await Expect(selection.MemberLink(open.LastName)).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task TheLastCriteriaAndColumnsAreRememberedAfterAReload()
    {
        var user = await Data.User();
        var person = await Search.Person("Rita", TestData.Unique("Qq").Replace(' ', '-'));
        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open();
            await find.TextLine(1, 1, "Last name", "equals", person.LastName);
            await find.Search();
            await Expect(find.ResultLink(person.LastName)).ToBeVisibleAsync();

            await find.Button("Columns").ClickAsync();
            await find.Dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Title", Exact = true }).CheckAsync();
            await find.Dialog.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
            await Expect(find.Results.GetByRole(AriaRole.Columnheader, new() { Name = "Title", Exact = true })).ToBeVisibleAsync();

            await page.ReloadAsync();
            await page.WaitForCircuit();
            await Expect(find.Field(1, 1)).ToHaveValueAsync("Last name");
            await Expect(find.Operator(1, 1)).ToHaveValueAsync("equals");
            await Expect(find.TextValue(1, 1)).ToHaveValueAsync(person.LastName);
            await Expect(find.Results.GetByRole(AriaRole.Columnheader, new() { Name = "Title", Exact = true })).ToBeVisibleAsync();
            await Expect(find.ResultLink(person.LastName)).ToBeVisibleAsync();
            await Expect(find.Results.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        });
    }

    [Fact]
    public async Task ClickingAColumnHeaderSortsOnTheServerAndBadCriteriaAreShownNextToTheLine()
    {
        var user = await Data.User();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await Search.Person("Bea", $"Ss{tag}b");
        await Search.Person("Abe", $"Ss{tag}a");
        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open();
            await find.TextLine(1, 1, "Last name", "starts with", $"Ss{tag}");
            await find.Search();
            await Expect(find.ResultLink($"Ss{tag}a")).ToBeVisibleAsync();

            var header = find.Results.GetByRole(AriaRole.Button, new() { Name = "First name", Exact = true });
            await header.ClickAsync();
            await Expect(find.Results.GetByRole(AriaRole.Columnheader, new() { Name = "First name" })).ToHaveAttributeAsync("aria-sort", "ascending");
            await Expect(find.Results.Locator("tbody tr").First).ToContainTextAsync("Abe");
            await header.ClickAsync();
            await Expect(find.Results.GetByRole(AriaRole.Columnheader, new() { Name = "First name" })).ToHaveAttributeAsync("aria-sort", "descending");
            await Expect(find.Results.Locator("tbody tr").First).ToContainTextAsync("Bea");

            // A date line without a date: the server's refusal appears next to that line.
            await find.AddLine(1);
            await find.ChooseField(1, 2, "Created");
            await find.ChooseOperator(1, 2, "before");
            await find.Search();
            await Expect(find.Line(1, 2)).ToContainTextAsync("Set 1, line 2, “Created before”: give a date.");
            await Expect(find.Line(1, 1)).Not.ToContainTextAsync("give a");
        });
    }

    [Fact]
    public async Task SearchingCompaniesLinksEachRowToItsCompany()
    {
        var user = await Data.User();
        var company = await Data.Company(TestData.Unique("Findable BV"));
        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open();
            await page.GetByRole(AriaRole.Radio, new() { Name = "Companies", Exact = true }).CheckAsync();
            // The builder is rebuilt with the company fields; the grid shows company columns once it is.
            await Expect(find.Results.GetByRole(AriaRole.Columnheader, new() { Name = "Company category", Exact = true })).ToBeVisibleAsync();
            await find.TextLine(1, 1, "Company", "equals", company.Name);
            await find.Search();
            await Expect(find.ResultLink(company.Name)).ToHaveAttributeAsync("href", new Regex($"/companies/{company.Id}$"));
            await Expect(find.Results.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        });
    }

    [Fact]
    public async Task PickedRowsAndThenAllMatchesAreAddedToAnExistingStaticSelection()
    {
        var user = await Data.User();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var picked = await Search.Person("Pia", $"Pp{tag}a");
        var other = await Search.Person("Piet", $"Pp{tag}b");
        var selection = await Search.StaticSelection(user.UserName, TestData.Unique("Trade fair"), []);
        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open();
            await find.TextLine(1, 1, "Last name", "starts with", $"Pp{tag}");
            await find.Search();
            // The two matches and the header row.
            await Expect(find.Results.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
            await find.Results.GetByRole(AriaRole.Checkbox, new() { Name = $"Pick {picked.FullName}", Exact = true }).CheckAsync();
            await find.Button("Add picked to selection").ClickAsync();
            await find.ChooseInDialog("Selection", selection.Name);
            await find.Dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Expect(page.GetByText($"1 added to “{selection.Name}” (1 in total).")).ToBeVisibleAsync();

            await find.Button("Save as selection").ClickAsync();
            await find.Dialog.GetByRole(AriaRole.Radio, new() { Name = "Add to an existing static selection" }).CheckAsync();
            await find.ChooseInDialog("Selection", selection.Name);
            await find.Dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/selections/{selection.Id}$"));
            var view = new SelectionView(page);
            await Expect(view.MemberLink(picked.LastName)).ToBeVisibleAsync();
            await Expect(view.MemberLink(other.LastName)).ToBeVisibleAsync();
            await Expect(Details.Value(page, "Number of members")).ToHaveTextAsync("2");
        });
    }

    [Fact]
    public async Task LoadMoreAddsTheNextPageWithoutRepeatingOrSkippingRows()
    {
        var user = await Data.User();
        var lastName = $"Mm{Guid.NewGuid().ToString("N")[..6]}";
        var company = await Data.Company();
        // One last name for all: the pages are cut inside a run of equal sort values (ties go by id).
        for (var i = 0; i < 55; i++)
        {
            await Data.Person(company.Id, $"P{i:D2}", lastName);
        }

        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open();
            await find.TextLine(1, 1, "Last name", "equals", lastName);
            await find.Search();
            var lastNames = find.Results.GetByRole(AriaRole.Link, new() { Name = lastName, Exact = true });
            await Expect(lastNames).ToHaveCountAsync(50);

            await find.Button("Load more").ClickAsync();
            await Expect(lastNames).ToHaveCountAsync(55);
            await Expect(find.Button("Load more")).ToHaveCountAsync(0);
            var firstNames = await find.Results.Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
            Assert.Equal(55, firstNames.Select(n => n.Trim()).Distinct().Count());
        });
    }

    [Fact]
    public async Task FindSpeaksDutchToADutchUser()
    {
        var user = await Data.User(language: "nl");
        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open();
            await Expect(find.Heading).ToHaveTextAsync("Zoeken");
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Selecties" })).ToBeVisibleAsync();
            var line = page.GetByRole(AriaRole.Group, new() { Name = "Groep 1, regel 1", Exact = true });
            await line.GetByLabel("Veld", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Leadstatus", Exact = true }).ClickAsync();
            await Expect(line.GetByLabel("Operator", new() { Exact = true })).ToHaveValueAsync("is een van");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Regel toevoegen" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als selectie" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the Find page in Dutch");
        });
    }

    [Fact]
    public async Task TheFindPageWithCriteriaResultsAndTheSaveDialogHasNoSeriousAccessibilityViolations()
    {
        var user = await Data.User();
        var person = await Search.Person("Axel", TestData.Unique("Axe").Replace(' ', '-'), "Contacting");
        await As(user, async page =>
        {
            var find = new FindView(page);
            await find.Open();
            await find.TextLine(1, 1, "Last name", "equals", person.LastName);
            await find.Or();
            await find.ChooseField(2, 1, "Lead status");
            await find.PickValues(2, 1, "Contacting", "Re-nurture");
            await find.AddLine(2);
            await find.ChooseField(2, 2, "Created");
            await find.ChooseOperator(2, 2, "in the last N days");
            await find.Line(2, 2).GetByLabel("Days").FillAsync("30");
            await find.Search();
            await Expect(find.ResultLink(person.LastName)).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the Find page");

            await find.Button("Save as selection").ClickAsync();
            await Expect(find.Dialog).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolations(page, "the save-as-selection dialog");
            await page.Keyboard.PressAsync("Escape");
            await Expect(find.Dialog).ToHaveCountAsync(0);

            // Keyboard: "Add line" by Enter puts the focus in the new line's field picker.
            var addLine = find.Set(1).GetByRole(AriaRole.Button, new() { Name = "Add line", Exact = true });
            await find.Heading.FocusAsync();
            await Keyboard.TabTo(page, addLine);
            await page.Keyboard.PressAsync("Enter");
            await Expect(find.Field(1, 2)).ToBeFocusedAsync();
        });
    }
}
