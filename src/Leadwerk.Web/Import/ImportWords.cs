using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Import;

/// <summary>What the import pages call fields, states and results, in the user's language.</summary>
public static class ImportWords
{
    /// <summary>The picker value of a column that is not imported (a field key is never empty).</summary>
    public const string Skip = "-";

    public static bool Active(string state) => state is "queued" or "running" or "rollingBack";

    public static string Records(string entity) => entity == ImportFields.Person ? L.T("Persons", "Personen") : L.T("Companies", "Bedrijven");

    public static string Field(string field) => field switch
    {
        Skip => L.T("Do not import", "Niet importeren"),
        "firstName" => L.T("First name", "Voornaam"),
        "lastName" => L.T("Last name", "Achternaam"),
        "email" => "E-mail",
        "phone" => L.T("Phone", "Telefoon"),
        "title" => L.T("Title", "Functie"),
        "company" => L.T("Company", "Bedrijf"),
        "leadStatus" => L.T("Lead status", "Leadstatus"),
        "owner" => L.T("Our contact", "Onze contactpersoon"),
        "name" => L.T("Name", "Naam"),
        "category" => L.T("Category", "Categorie"),
        "website" => "Website",
        "country" => L.T("Country", "Land"),
        "orgNumber" => L.T("Org. number", "KvK-nummer"),
        _ => field,
    };

    public static string MatchBy(string matchBy) => matchBy switch
    {
        "email" => "E-mail",
        "orgNumber" => L.T("Org. number, then name", "KvK-nummer, daarna naam"),
        _ => L.T("Name", "Naam"),
    };

    public static IReadOnlyList<string> MatchOptions(string entity) => entity == ImportFields.Person ? ["email"] : ["orgNumber", "name"];

    public static string State(string state) => state switch
    {
        "queued" => L.T("Queued", "In de wachtrij"),
        "running" => L.T("Running", "Bezig"),
        "done" => L.T("Done", "Klaar"),
        "interrupted" => L.T("Interrupted", "Onderbroken"),
        "rollingBack" => L.T("Rolling back", "Wordt teruggedraaid"),
        _ => L.T("Rolled back", "Teruggedraaid"),
    };

    public static string Progress(ImportStatus s)
    {
        var result = L.T($"{s.Create} created, {s.Update} updated, {s.Unchanged} unchanged, {s.ErrorCount} with errors.",
            $"{s.Create} aangemaakt, {s.Update} bijgewerkt, {s.Unchanged} ongewijzigd, {s.ErrorCount} met fouten.");
        return s.State switch
        {
            "queued" or "running" => DoneText(s),
            "done" => L.T("Done: ", "Klaar: ") + result,
            "interrupted" => L.T($"Interrupted after {s.Done} of {s.Rows} rows: ", $"Onderbroken na {s.Done} van {s.Rows} rijen: ") + result,
            "rollingBack" => L.T("Rolling back the import…", "De import wordt teruggedraaid…"),
            _ => s.RollbackSkippedCount > 0
                ? L.T($"Rolled back. Changed since the import and left as they are: {s.RollbackSkippedCount}.",
                    $"Teruggedraaid. Sinds de import gewijzigd en ongemoeid gelaten: {s.RollbackSkippedCount}.")
                : L.T("Rolled back: what the import created is removed and what it updated is put back.",
                    "Teruggedraaid: wat de import aanmaakte is verwijderd en wat hij bijwerkte is teruggezet."),
        };
    }

    public static string DoneText(ImportStatus s) => L.T($"{s.Done} of {s.Rows} rows done", $"{s.Done} van {s.Rows} rijen verwerkt");
}
