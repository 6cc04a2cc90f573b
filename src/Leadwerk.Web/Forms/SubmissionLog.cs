using System.Text.Json;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Forms;

/// <summary>One line of a submission's log as the reader sees it.</summary>
public sealed record SubmissionLogEntry(string Code, string Text);

/// <summary>
/// What processing a submission did, kept as facts (a code, a field, a record) and read in the
/// reader's language, so an inbox in Dutch explains a submission processed for an English user.
/// </summary>
public sealed class SubmissionLog
{
    public sealed record Fact(string Code, string? Field = null, int? Id = null, string? Detail = null);

    private readonly List<Fact> _facts;

    public SubmissionLog(IEnumerable<Fact>? facts = null) => _facts = facts?.ToList() ?? [];

    public IReadOnlyList<Fact> Facts => _facts;

    public SubmissionLog Add(string code, string? field = null, int? id = null, string? detail = null)
    {
        _facts.Add(new Fact(code, field, id, detail));
        return this;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(_facts, Json);

    public static SubmissionLog Read(string? json) =>
        new(string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<List<Fact>>(json, Json));

    public List<SubmissionLogEntry> Describe() => [.. _facts.Select(f => new SubmissionLogEntry(f.Code, Text(f)))];

    private static string Text(Fact f)
    {
        var field = f.Field is null ? "" : FormRules.TargetName(f.Field);
        return f.Code switch
        {
            "person.matched" => L.T($"Matched person #{f.Id} by e-mail address.", $"Persoon #{f.Id} gevonden op e-mailadres."),
            "person.created" => L.T($"Created person #{f.Id}.", $"Persoon #{f.Id} aangemaakt."),
            "person.linked" => L.T($"Linked to person #{f.Id} by hand.", $"Met de hand gekoppeld aan persoon #{f.Id}."),
            "company.matched" => L.T($"Matched company #{f.Id} by {MatchedBy(f.Detail)}.", $"Bedrijf #{f.Id} gevonden op {MatchedBy(f.Detail)}."),
            "company.created" => L.T($"Created company #{f.Id}.", $"Bedrijf #{f.Id} aangemaakt."),
            "company.kept" => L.T($"Kept the person at company #{f.Id}; a form does not move a person to another company.",
                $"Persoon blijft bij bedrijf #{f.Id}; een formulier verplaatst geen persoon naar een ander bedrijf."),
            "customer.kept" => L.T("The company is a customer: its category stays (R12).", "Het bedrijf is klant: de categorie blijft (R12)."),
            "field.filled" => L.T($"Filled {field}.", $"{field} ingevuld."),
            "field.overwritten" => L.T($"Overwrote {field} (the form allows it).", $"{field} overschreven (het formulier staat het toe)."),
            "field.kept" => L.T($"Kept {field}: it was filled and the form does not overwrite it.", $"{field} behouden: het was ingevuld en het formulier overschrijft het niet."),
            "owner.assigned" => L.T($"Owner by distribution: {f.Detail}", $"Eigenaar door verdeling: {f.Detail}"),
            "owner.notDistributed" => L.T("No distribution: the edition does not include it.", "Geen verdeling: de editie bevat het niet."),
            "selection.added" => L.T($"Added to selection #{f.Id}.", $"Toegevoegd aan selectie #{f.Id}."),
            "touch.conversion" => L.T("Recorded a conversion touch.", "Een conversie-aanraking vastgelegd."),
            "touch.firstTouch" => L.T("Recorded the first touch and the lead creation touch.", "Eerste aanraking en aanraking bij leadcreatie vastgelegd."),
            "waiting.unknown" => L.T("Waits for processing by hand: no person has this e-mail address.", "Wacht op verwerking met de hand: geen persoon heeft dit e-mailadres."),
            "queued" => L.T("Received while many came in at once: answered at once, processed right after in arrival order.",
                "Ontvangen terwijl er veel tegelijk binnenkwamen: meteen beantwoord, direct daarna op volgorde van binnenkomst verwerkt."),
            "waiting.manual" => L.T("Waits for processing by hand (the form's setting).", "Wacht op verwerking met de hand (instelling van het formulier)."),
            "spam.honeypot" => L.T("Spam: the hidden field was filled in.", "Spam: het verborgen veld was ingevuld."),
            "spam.tooFast" => L.T("Spam: sent faster than a person can fill in the form.", "Spam: sneller verstuurd dan een mens het formulier invult."),
            "spam.marked" => L.T("Marked as spam by hand.", "Met de hand als spam gemarkeerd."),
            "failed" => L.T($"Failed: {f.Detail}", $"Mislukt: {f.Detail}"),
            _ => f.Code,
        };
    }

    private static string MatchedBy(string? how) => how switch
    {
        "orgNumber" => L.T("organization number", "KvK-nummer"),
        "domain" => L.T("website domain", "websitedomein"),
        "person" => L.T("the person's company", "het bedrijf van de persoon"),
        _ => L.T("name", "naam"),
    };
}
