using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Forms;

/// <summary>F11, R19–R21: the public endpoint takes submissions once, matches before it creates, never overwrites what is filled, and records where leads came from.</summary>
public abstract class FormSubmissionApiTests(LeadwerkApp app)
{
    [Fact]
    public async Task AFirstSubmissionCreatesALeadWithItsSourceAndFirstTouchAndALaterOneAddsAConversion()
    {
        var admin = await app.Admin();
        var form = await FormTests.Create(admin, Unique.Key("contact"));
        var email = Unique.Email();
        using var visitor = app.Anonymous();

        var first = await (await visitor.PostJson(FormTests.Url(form), new
        {
            first_name = "Noor", last_name = "Visser", email, message = "Call me", unknown_field = "ignored",
            utm_source = "Newsletter", utm_medium = "email", utm_campaign = "spring", landingUrl = "https://www.example.com/offer",
            firstTouch = new { utm_source = "fb", utm_medium = "paid_social", at = "2026-11-01T10:00:00Z" },
        })).ShouldBe(201);
        Assert.Equal("processed", first.Str("status"));
        var person = Assert.Single((await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(email)}"))["items"]!.Items());
        Assert.Equal(("Noor", "Visser", $"form:{form.Str("key")}"), (person.Str("firstName"), person.Str("lastName"), person.Str("recordSource")));
        Assert.Equal("Lead", person.Str("category"));
        Assert.True(person.Bool("leadStatusActive"));

        var second = await (await visitor.PostJson(FormTests.Url(form), new { email = email.ToUpperInvariant(), first_name = "Noortje", utm_source = "google", utm_medium = "cpc" })).ShouldBe(201);
        Assert.Equal("processed", second.Str("status"));

        await Premium.With(admin, async () =>
        {
            var attribution = await admin.GetOk($"/api/persons/{person.Int("id")}/attribution");
            Assert.Equal(("facebook", "paidSocial"), (attribution["firstTouch"]!.Str("sourceKey"), attribution["firstTouch"]!.Str("channel")));
            Assert.Equal(("Newsletter", "newsletter", "email"), (attribution["leadCreation"]!.Str("source"), attribution["leadCreation"]!.Str("sourceKey"), attribution["leadCreation"]!.Str("channel")));
            var conversion = Assert.Single(attribution["conversions"]!.Items());
            Assert.Equal(("google", "paidSearch"), (conversion.Str("source"), conversion.Str("channel")));
            Assert.Equal("google", attribution["latestTouch"]!.Str("source"));
        });
        // The second submission matched by e-mail (case folded) and kept the filled first name.
        Assert.Equal("Noor", (await admin.GetOk($"/api/persons/{person.Int("id")}")).Str("firstName"));
        var inbox = (await admin.GetOk($"/api/forms/{form.Int("id")}/submissions"))["items"]!.Items();
        Assert.Equal(2, inbox.Count);
        Assert.Contains(inbox[0]["log"]!.Items(), l => l.Str("code") == "field.kept");
        Assert.Equal("Call me", inbox[1]["values"]!.Str("message"));
        Assert.Null(inbox[1]["values"]!["unknown_field"]);
    }

    [Fact]
    public async Task TwentyIdenticalSubmissionsAtOnceWithOneIdempotencyKeyMakeOnePersonAndAllAnswerTheFirst()
    {
        var admin = await app.Admin();
        var form = await FormTests.Create(admin, Unique.Key("replay"));
        var email = Unique.Email();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var visitor = app.Anonymous();
            using var request = new HttpRequestMessage(HttpMethod.Post, FormTests.Url(form))
            {
                Content = JsonContent.Create(new { email, last_name = "Replay" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await visitor.SendAsync(request);
            return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }));

        Assert.Equal(1, answers.Count(a => a.Item1 == 201));
        Assert.Equal(19, answers.Count(a => a.Item1 == 200));
        Assert.Single(answers.Select(a => a.Item2.Int("submissionId")).Distinct());
        // Twenty at once may be answered "submitted" (processed right after, see SubmissionQueueApiTests): all the same answer.
        Assert.Single(answers.Select(a => a.Item2.Str("status")).Distinct());
        await FormTests.Eventually(async () => (await admin.GetOk($"/api/forms/{form.Int("id")}/submissions?status=processed"))["items"]!.Items() is { Count: 1 });
        Assert.Single((await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(email)}"))["items"]!.Items());
        Assert.Single((await admin.GetOk($"/api/forms/{form.Int("id")}/submissions"))["items"]!.Items());
    }

    [Fact]
    public async Task AFilledFieldIsOverwrittenOnlyWhereTheFormAllowsItAndACustomerCompanyStaysACustomer()
    {
        var admin = await app.Admin();
        var customer = await (await admin.PostJson("/api/companies", new
        {
            name = Unique.Name("Klant"), categoryId = await admin.CategoryId("Customer"), orgNumber = Unique.Key("kvk"), website = "https://www." + Unique.Key("klant") + ".nl/home",
        })).ShouldBe(201);
        var email = Unique.Email();
        var person = await (await admin.PostJson("/api/persons", new { companyId = customer.Int("id"), firstName = "Jan", lastName = "Smit", email, phone = "010" })).ShouldBe(201);
        var form = await FormTests.Create(admin, Unique.Key("overwrite"), phoneOverwrites: true);
        using var visitor = app.Anonymous();

        await (await visitor.PostJson(FormTests.Url(form), new { email, first_name = "Johannes", phone = "020", company = "Another name" })).ShouldBe(201);

        var after = await admin.GetOk($"/api/persons/{person.Int("id")}");
        Assert.Equal(("Jan", "020", customer.Int("id")), (after.Str("firstName"), after.Str("phone"), after.Int("companyId")));
        Assert.Equal("Customer", (await admin.GetOk($"/api/companies/{customer.Int("id")}")).Str("category"));
        var log = (await admin.GetOk($"/api/forms/{form.Int("id")}/submissions"))["items"]!.Items()[0]["log"]!.Items().Select(l => l.Str("code")).ToList();
        Assert.Contains("customer.kept", log);
        Assert.Contains("company.kept", log);
        Assert.Contains("field.overwritten", log);

        // A new person whose company is found by the website domain, then by the organization number.
        var byDomain = Unique.Email().Replace("@example.com", "@" + Domain(customer.Str("website")!), StringComparison.Ordinal);
        await (await visitor.PostJson(FormTests.Url(form), new { email = byDomain, last_name = "Domein" })).ShouldBe(201);
        await (await visitor.PostJson(FormTests.Url(form), new { email = Unique.Email(), last_name = "Nummer", org_number = customer.Str("orgNumber") })).ShouldBe(201);
        var found = (await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(byDomain)}"))["items"]!.Items().Single();
        Assert.Equal(customer.Int("id"), found.Int("companyId"));
        Assert.Equal("Customer", found.Str("category"));
        Assert.Null(found.IntOrNull("leadStatusId"));
    }

    [Fact]
    public async Task BadInputIsRefusedWithFieldErrorsAndNothingIsStored()
    {
        var admin = await app.Admin();
        var form = await FormTests.Create(admin, Unique.Key("bad"));
        using var visitor = app.Anonymous();

        var invalid = await (await visitor.PostJson(FormTests.Url(form), new { email = "not-an-address", first_name = new string('x', 101) })).ShouldBe(422);
        var errors = invalid["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("email", errors);
        Assert.Contains("first_name", errors);
        await (await visitor.PostJson(FormTests.Url(form), new { first_name = "Only" })).ShouldBeInvalid("email");
        (await visitor.SendRaw(HttpMethod.Post, FormTests.Url(form), "[1,2]")).StatusCode.ShouldBeStatus(400);
        (await visitor.SendRaw(HttpMethod.Post, FormTests.Url(form), "email=a@b.nl", "text/plain")).StatusCode.ShouldBeStatus(415);
        (await visitor.SendRaw(HttpMethod.Post, FormTests.Url(form), $"{{\"email\":\"a@b.nl\",\"message\":\"{new string('y', 33_000)}\"}}")).StatusCode.ShouldBeStatus(413);
        await (await visitor.PostJson("/api/public/forms/no-such-form/submissions", new { email = "a@b.nl" })).ShouldBeProblem(404, "notFound");

        Assert.Empty((await admin.GetOk($"/api/forms/{form.Int("id")}/submissions"))["items"]!.Items());
    }

    [Fact]
    public async Task AFilledHoneypotOrAnInhumanlyFastSubmissionIsKeptAsSpamAndCreatesNobody()
    {
        var admin = await app.Admin();
        var form = await FormTests.Create(admin, Unique.Key("spam"));
        var (bot, quick) = (Unique.Email(), Unique.Email());
        using var visitor = app.Anonymous();

        var trapped = await (await visitor.PostJson(FormTests.Url(form), new Dictionary<string, object> { ["email"] = bot, ["leadwerk_hp"] = "http://spam" })).ShouldBe(201);
        var fast = await (await visitor.PostJson(FormTests.Url(form), new Dictionary<string, object>
        {
            ["email"] = quick, ["leadwerk_shown"] = app.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).ShouldBe(201);

        Assert.Equal(("spam", "spam"), (trapped.Str("status"), fast.Str("status")));
        Assert.Empty((await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(bot)}"))["items"]!.Items());
        Assert.Empty((await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(quick)}"))["items"]!.Items());
        Assert.Equal(0, (await admin.GetOk($"/api/forms/{form.Int("id")}")).Int("submissions"));
    }

    [Fact]
    public async Task OnlyTheFormsAllowedOriginsMayPostAndReadTheAnswerAndOneAddressIsRateLimited()
    {
        var admin = await app.Admin();
        var form = await FormTests.Create(admin, Unique.Key("cors"), origins: ["https://www.example.com"]);
        using var visitor = app.Anonymous(Unique.Address());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, FormTests.Url(form));
        preflight.Headers.Add("Origin", "https://www.example.com");
        var allowed = await visitor.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://www.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var foreign = new HttpRequestMessage(HttpMethod.Post, FormTests.Url(form)) { Content = JsonContent.Create(new { email = Unique.Email() }) };
        foreign.Headers.Add("Origin", "https://evil.example.org");
        await (await visitor.SendAsync(foreign)).ShouldBeProblem(403, "originNotAllowed");

        var statuses = new List<int>();
        for (var i = 0; i < 31; i++)
        {
            statuses.Add((int)(await visitor.PostJson(FormTests.Url(form), new { email = Unique.Email(), last_name = "Flood" })).StatusCode);
        }

        Assert.Equal(30, statuses.Count(s => s == 201));
        Assert.Equal(429, statuses[^1]);
    }

    [Fact]
    public async Task AManualFormWaitsInTheInboxWhereAPersonIsCreatedLinkedOrMarkedAsSpamOnce()
    {
        var admin = await app.Admin();
        var form = await FormTests.Create(admin, Unique.Key("manual"), processing: "manual");
        var existing = await (await admin.PostJson("/api/persons", new { firstName = "Eva", lastName = Unique.Name("Manual"), email = Unique.Email(), categoryId = await admin.CategoryId("Lead") })).ShouldBe(201);
        using var visitor = app.Anonymous();

        var waiting = await (await visitor.PostJson(FormTests.Url(form), new { email = existing.Str("email"), last_name = existing.Str("lastName") })).ShouldBe(201);
        var other = await (await visitor.PostJson(FormTests.Url(form), new { email = Unique.Email(), last_name = "Nieuw" })).ShouldBe(201);
        Assert.Equal("submitted", waiting.Str("status"));

        var candidates = (await admin.GetOk($"/api/form-submissions/{waiting.Int("submissionId")}/candidates")).Items();
        Assert.Equal(existing.Int("id"), Assert.Single(candidates).Int("personId"));
        var linked = await (await admin.PostJson($"/api/form-submissions/{waiting.Int("submissionId")}/process", new { action = "link", personId = existing.Int("id") })).ShouldBe(200);
        Assert.Equal(("processed", existing.Int("id")), (linked.Str("status"), linked.Int("personId")));
        await (await admin.PostJson($"/api/form-submissions/{waiting.Int("submissionId")}/process", new { action = "spam" })).ShouldBeProblem(409, "submissionAlreadyProcessed");

        var created = await (await admin.PostJson($"/api/form-submissions/{other.Int("submissionId")}/process", new { action = "create" })).ShouldBe(200);
        Assert.Equal("processed", created.Str("status"));
        var history = (await admin.GetOk($"/api/persons/{created.Int("personId")}/lead-status-history")).Items();
        Assert.Equal("form", history[0].Str("channel"));
        Assert.Single((await admin.GetOk($"/api/forms/{form.Int("id")}/submissions?status=processed"))["items"]!.Items(), s => s.Int("id") == other.Int("submissionId"));
    }

    [Fact]
    public async Task AdminsKeepFormsValidAndAClosedFormTakesNoMoreSubmissions()
    {
        var admin = await app.Admin();
        var key = Unique.Key("closed");
        var bad = await (await admin.PostJson("/api/forms", new
        {
            key = "Not a key!", name = "", fields = new[] { new { name = "1x", label = new { en = "", nl = "" }, type = "colour", mapsTo = "person.shoeSize" } },
            processing = "sometimes", allowedOrigins = new[] { "example.com/path" },
        })).ShouldBe(422);
        var errors = bad["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Superset(new HashSet<string> { "key", "name", "fields[0].name", "fields[0].label.en", "fields[0].type", "fields[0].mapsTo", "processing", "allowedOrigins[0]", "fields" }, errors.ToHashSet());

        var form = await FormTests.Create(admin, key, maxSubmissions: 1);
        await (await admin.PostJson("/api/forms", FormTests.Body(key))).ShouldBeProblem(409, "nameNotUnique");
        var user = (await app.NewUser()).Client;
        await (await user.PostJson("/api/forms", FormTests.Body(Unique.Key("nope")))).ShouldBe(403);

        using var visitor = app.Anonymous();
        await (await visitor.PostJson(FormTests.Url(form), new { email = Unique.Email() })).ShouldBe(201);
        await (await visitor.PostJson(FormTests.Url(form), new { email = Unique.Email() })).ShouldBeProblem(410, "formClosed");
    }

    [Fact]
    public async Task APlainHtmlFormPostGoesOnToTheThankYouPageOrToAPageThatSaysWhatToCorrect()
    {
        var admin = await app.Admin();
        var form = await FormTests.Create(admin, Unique.Key("html"));
        var email = Unique.Email();
        using var visitor = app.Anonymous();

        async Task<HttpResponseMessage> Post(Dictionary<string, string> fields)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, FormTests.Url(form)) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Accept.ParseAdd("text/html");
            return await visitor.SendAsync(request);
        }

        var wrong = await Post(new() { ["email"] = "nope", ["last_name"] = "Html" });
        Assert.Equal(422, (int)wrong.StatusCode);
        Assert.Equal("text/html", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Contains("E-mail is not a valid e-mail address.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sent = await Post(new() { ["email"] = email, ["last_name"] = "Html", ["utm_source"] = "flyer", ["firstTouch.utm_source"] = "newsletter" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/f/{form.Str("key")}/thanks", sent.Headers.Location?.OriginalString);
        var person = Assert.Single((await admin.GetOk($"/api/persons?search={Uri.EscapeDataString(email)}"))["items"]!.Items());
        await Premium.With(admin, async () =>
        {
            var attribution = await admin.GetOk($"/api/persons/{person.Int("id")}/attribution");
            Assert.Equal(("newsletter", "flyer"), (attribution["firstTouch"]!.Str("source"), attribution["leadCreation"]!.Str("source")));
        });
    }

    private static string Domain(string website) => new Uri(website).Host.Replace("www.", "", StringComparison.Ordinal);
}

public sealed class FormSubmissionApiTestsOnSqlite(SqliteApp app) : FormSubmissionApiTests(app), IClassFixture<SqliteApp>;

public sealed class FormSubmissionApiTestsOnPostgres(PostgresApp app) : FormSubmissionApiTests(app), IClassFixture<PostgresApp>;
