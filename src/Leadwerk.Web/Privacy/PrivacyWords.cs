using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Privacy;

/// <summary>The field names of the readable export and the texts of erasure, in English and Dutch.</summary>
public static class PrivacyWords
{
    /// <summary>The label of a field of the export; a field without one shows its JSON name.</summary>
    public static string Field(string field) => field switch
    {
        "id" => "Id",
        "firstName" => L.T("First name", "Voornaam"),
        "lastName" => L.T("Last name", "Achternaam"),
        "email" => "E-mail",
        "phone" => L.T("Phone", "Telefoon"),
        "title" => L.T("Title", "Functie"),
        "companyId" => L.T("Company id", "Bedrijfs-id"),
        "company" => L.T("Company", "Bedrijf"),
        "ownerId" => L.T("Our contact (id)", "Onze contactpersoon (id)"),
        "owner" => L.T("Our contact", "Onze contactpersoon"),
        "categoryId" => L.T("Category id", "Categorie-id"),
        "category" => L.T("Category", "Categorie"),
        "categoryGroup" => L.T("Category group", "Categoriegroep"),
        "leadStatusId" => L.T("Lead status id", "Leadstatus-id"),
        "leadStatus" => L.T("Lead status", "Leadstatus"),
        "leadStatusChangedAt" => L.T("In lead status since", "In leadstatus sinds"),
        "createdAt" => L.T("Created", "Aangemaakt"),
        "updatedAt" => L.T("Changed", "Gewijzigd"),
        "at" => L.T("When", "Wanneer"),
        "userId" => L.T("User id", "Gebruikers-id"),
        "user" => L.T("Who", "Wie"),
        "fromId" => L.T("From (id)", "Van (id)"),
        "from" => L.T("From", "Van"),
        "toId" => L.T("To (id)", "Naar (id)"),
        "to" => L.T("To", "Naar"),
        "channel" => L.T("Channel", "Kanaal"),
        "ruleId" => L.T("Rule id", "Regel-id"),
        "trigger" => "Trigger",
        "amount" => L.T("Amount", "Bedrag"),
        "currency" => L.T("Currency", "Valuta"),
        "status" => "Status",
        "closedAt" => L.T("Closed", "Gesloten"),
        "name" => L.T("Name", "Naam"),
        "kind" => L.T("Kind", "Soort"),
        "state" => L.T("State", "Toestand"),
        "resolvedAt" => L.T("Answered", "Beantwoord"),
        "bulkUpdateId" => L.T("Bulk update", "Bulkwijziging"),
        "code" => "Code",
        "reason" => L.T("Reason", "Reden"),
        "before" => L.T("Values before", "Waarden ervoor"),
        "importId" => "Import",
        "line" => L.T("Line", "Regel"),
        "values" => L.T("Values in the file", "Waarden in het bestand"),
        _ => field,
    };

    /// <summary>The row error of an import row that would re-create an erased person.</summary>
    public static string ErasedPersonRow() => L.T(
        "A person with this e-mail address was erased at their request; the row is skipped. Add the person by hand if they asked to come back.",
        "Een persoon met dit e-mailadres is op eigen verzoek gewist; de rij is overgeslagen. Voeg de persoon met de hand toe als die dat zelf vroeg.");

    /// <summary>"3 rows" in the erase dialog, per kind of erasure.</summary>
    public static string Effect(ErasurePart part) => part.Erasure == Erasure.Deleted
        ? L.T($"{part.Count} deleted", $"{part.Count} verwijderd")
        : L.T($"{part.Count} kept without this person", $"{part.Count} blijven, zonder deze persoon");
}
