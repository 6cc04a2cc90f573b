using System.Net;
using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Forms;

/// <summary>Builds forms for the tests: a contact form with a person's names, e-mail, phone, a company's name and org number, and a free message.</summary>
public static class FormTests
{
    public static object Body(string key, bool phoneOverwrites = false, string[]? origins = null, string processing = "automatic", int? maxSubmissions = null) => new
    {
        key, name = $"Contact {key}", processing, allowedOrigins = origins ?? [], maxSubmissions,
        thankYou = new { message = new { en = "Thanks!", nl = "Bedankt!" } },
        fields = new object[]
        {
            new { name = "first_name", label = new { en = "First name", nl = "Voornaam" }, type = "text", mapsTo = "person.firstName" },
            new { name = "last_name", label = new { en = "Last name", nl = "Achternaam" }, type = "text", mapsTo = "person.lastName" },
            new { name = "email", label = new { en = "E-mail", nl = "E-mail" }, type = "email", required = true, mapsTo = "person.email" },
            new { name = "phone", label = new { en = "Phone", nl = "Telefoon" }, type = "phone", mapsTo = "person.phone", allowOverwrite = phoneOverwrites },
            new { name = "company", label = new { en = "Company", nl = "Bedrijf" }, type = "text", mapsTo = "company.name" },
            new { name = "org_number", label = new { en = "Org number", nl = "KvK-nummer" }, type = "text", mapsTo = "company.orgNumber" },
            new { name = "message", label = new { en = "Message", nl = "Bericht" }, type = "textarea" },
        },
    };

    public static async Task<JsonNode> Create(HttpClient admin, string key, bool phoneOverwrites = false, string[]? origins = null, string processing = "automatic", int? maxSubmissions = null) =>
        await (await admin.PostJson("/api/forms", Body(key, phoneOverwrites, origins, processing, maxSubmissions))).ShouldBe(201);

    public static string Url(JsonNode form) => $"/api/public/forms/{form.Str("key")}/submissions";

    /// <summary>Waits (up to 20 s) for a condition that queued processing makes true shortly.</summary>
    public static async Task Eventually(Func<Task<bool>> holds)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await holds())
        {
            Assert.True(DateTime.UtcNow < until, "the condition did not hold within 20 s");
            await Task.Delay(100);
        }
    }

    public static void ShouldBeStatus(this HttpStatusCode status, int expected) => Assert.Equal(expected, (int)status);
}

/// <summary>Runs steps with the licence at Marketing Premium, and puts it back after.</summary>
public static class Premium
{
    public static async Task With(HttpClient admin, Func<Task> steps)
    {
        await (await admin.PutJson("/api/licence", new { edition = "marketingPremium" })).ShouldBe(200);
        try
        {
            await steps();
        }
        finally
        {
            await (await admin.PutJson("/api/licence", new { edition = "salesEssentials" })).ShouldBe(200);
        }
    }
}
