using Leadwerk.Tests.Board;
using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Import;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Tests.Rules;
using Leadwerk.Web.Common;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using static Leadwerk.Tests.Bulk.BulkClient;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Leads;

/// <summary>
/// One case, every channel: each gets the verdict of the lead transition core with the same code
/// and the same reason, word for word, in English and in Dutch (one home for every rule).
/// </summary>
public abstract class TransitionChannelsApiTests(LeadwerkApp app)
{
    private static readonly Category CustomerCategory = new() { NameEn = "Customer", NameNl = "Klant", Group = CategoryGroup.Customer };

    [Theory]
    [InlineData("en")]
    [InlineData("nl")]
    public async Task AKeptStatusOfACustomerIsRefusedWithTheSameCodeAndReasonOnEveryChannel(string language)
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var email = Email("kept");
        var person = await (await admin.PostJson("/api/persons", new { companyId = company.Int("id"), lastName = "Kept", email })).ShouldBe(201);
        var personId = person.Int("id");
        await admin.PatchCompany(company.Int("id"), new { categoryId = await admin.CategoryId("Customer") });
        var qualified = await admin.StatusId("Qualified");
        var selectionId = await admin.StaticSelection([personId]);
        var expected = Expected(language, () => LeadRules.StatusChange(CustomerCategory, null, qualified, null));

        var card = await admin.GetOk($"/api/persons/{personId}", language);
        var api = await (await admin.PatchJson($"/api/persons/{personId}", new { leadStatusId = qualified }, language: language))
            .ShouldBeProblem(409, ErrorCodes.LeadStatusNotActive);
        var boardCard = (await admin.GetOk($"/api/selections/{selectionId}/board", language)).Card(personId);
        var board = await (await admin.PostJson($"/api/selections/{selectionId}/board/moves",
            new { personId, groupBy = "leadStatus", toKey = BoardClient.Key(qualified), version = card.Int("version") }, language))
            .ShouldBeProblem(409, ErrorCodes.LeadStatusNotActive);
        var bulk = (await (await admin.PostJson("/api/bulk-updates",
            new { target = Ids("person", personId), actions = new[] { Set("person.leadStatus", qualified) }, dryRun = true }, language))
            .ShouldBe(200))["skipped"]!.Items().Single();
        var import = await ImportReason(admin, $"last name,e-mail,lead status\nKept,{email},{(language == "nl" ? "Gekwalificeerd" : "Qualified")}\n", language);

        Assert.Equal(expected, card.Str("leadStatusInactiveReason"));
        Assert.Equal(expected, api.Str("detail"));
        Assert.Equal(expected, boardCard.Str("lockedReason"));
        Assert.Empty(boardCard["targets"]!.AsArray());
        Assert.Equal(expected, board.Str("detail"));
        Assert.Equal((ErrorCodes.LeadStatusNotActive, expected), (bulk.Str("code"), bulk.Str("reason")));
        Assert.Equal(expected, import);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("nl")]
    public async Task AnInheritedCategoryIsRefusedWithTheSameCodeAndReasonOnEveryChannel(string language)
    {
        var admin = await app.Admin();
        var company = await admin.CreateCompany("Lead");
        var personId = (await admin.CreatePerson(company.Int("id"))).Int("id");
        var partner = await admin.CategoryId("Partner");
        var selectionId = await admin.StaticSelection([personId]);
        var expected = Expected(language, () => LeadRules.PersonCategoryChange(1, company.Int("id"), company.Str("name"), partner, null));

        var api = await (await admin.PatchJson($"/api/persons/{personId}", new { categoryId = partner }, language: language))
            .ShouldBeProblem(409, ErrorCodes.CategoryInherited);
        var boardCard = (await admin.GetOk($"/api/selections/{selectionId}/board?groupBy=category", language)).Card(personId);
        var board = await (await admin.PostJson($"/api/selections/{selectionId}/board/moves",
            new { personId, groupBy = "category", toKey = BoardClient.Key(partner), version = (int?)null }, language))
            .ShouldBeProblem(409, ErrorCodes.CategoryInherited);

        Assert.Equal(expected, api.Str("detail"));
        Assert.Equal(expected, boardCard.Str("lockedReason"));
        Assert.Empty(boardCard["targets"]!.AsArray());
        Assert.Equal(expected, board.Str("detail"));
    }

    [Fact]
    public async Task ACustomerIsKeptByImportWithTheCoresReasonWhileAUserMayMoveIt()
    {
        var admin = await app.Admin();
        var customer = await admin.CreateCompany("Customer");
        var lead = new Category { NameEn = "Lead", NameNl = "Lead", Group = CategoryGroup.PotentialCustomer, LeadStatusEnabled = true };
        var expected = Expected("en", () => LeadRules.CompanyCategoryChange(
            new Web.Companies.Company { Name = customer.Str("name")!, Category = CustomerCategory }, 1, lead, Channel.Import));

        var import = (await admin.DryRun(Companies(dryRun: true), $"name,category\n{customer.Str("name")},Lead\n")).Errors().Single().Reason;
        var moved = await admin.PatchCompany(customer.Int("id"), new { categoryId = await admin.CategoryId("Lead") });

        Assert.Equal(expected, import);
        Assert.Equal("Lead", moved.Str("category"));
    }

    [Fact]
    public async Task TheBoardOffersExactlyTheColumnsAMoveWouldAccept()
    {
        var admin = await app.Admin();
        var person = await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"));
        var personId = person.Int("id");
        var selectionId = await admin.StaticSelection([personId]);
        var statuses = (await admin.GetOk("/api/lead-statuses")).Items();

        var targets = (await admin.Board(selectionId)).Card(personId)["targets"]!.Items().Select(t => t.GetValue<string>()).ToList();
        var accepted = new List<string>();
        foreach (var status in statuses.Where(s => s.Int("id") != person.IntOrNull("leadStatusId")))
        {
            var card = (await admin.Board(selectionId)).Card(personId);
            var key = BoardClient.Key(status.Int("id"));
            if ((await admin.Move(selectionId, personId, key, card.Int("version"))).IsSuccessStatusCode)
            {
                accepted.Add(key);
                var back = (await admin.Board(selectionId)).Card(personId);
                await (await admin.Move(selectionId, personId, BoardClient.Key(person.Int("leadStatusId")), back.Int("version"))).ShouldBe(200);
            }
        }

        Assert.Equal(accepted, targets);
        Assert.Equal(statuses.Count - 1, targets.Count);
    }

    private static string Expected(string language, Func<LeadVerdict> verdict)
    {
        using var _ = language == "nl" ? UiCulture.Dutch() : UiCulture.English();
        return verdict().Reason!;
    }

    private static async Task<string> ImportReason(HttpClient client, string csv, string language)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(csv), "file", "import.csv" },
            { new StringContent("""{"entity":"person","dryRun":true}"""), "options" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = content };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return (await (await client.SendAsync(request)).ShouldBe(200)).Errors().Single().Reason;
    }
}

public sealed class TransitionChannelsApiTestsOnSqlite(SqliteApp app) : TransitionChannelsApiTests(app), IClassFixture<SqliteApp>;

public sealed class TransitionChannelsApiTestsOnPostgres(PostgresApp app) : TransitionChannelsApiTests(app), IClassFixture<PostgresApp>;
