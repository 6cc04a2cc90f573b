using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Audit;

/// <summary>The action keys the log writes, and how people read them and their changes, in English and Dutch.</summary>
public static class AuditWords
{
    /// <summary>Every action key in use; later features (editions, webhooks) add theirs here.</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "user.created", "user.updated", "user.roleChanged", "user.disabled", "user.enabled", "user.passwordChanged",
        "user.followUpsReassigned",
        .. Verbs.SelectMany(v => ListKinds.Select(k => $"list.{k}.{v}")),
        "automation.rules.updated", "automation.rule.applied",
        "person.erased",
        "licence.editionChanged",
        "webhook.created", "webhook.updated", "webhook.deleted", "webhook.secretRotated",
        "attribution.rulesChanged",
    ];

    private static IReadOnlyList<string> ListKinds => ["category", "leadStatus", "lostReason"];

    private static IReadOnlyList<string> Verbs => ["created", "updated", "deleted", "restored", "moved"];

    public static string Action(string key) => key.Split('.') switch
    {
        ["user", "created"] => L.T("User created", "Gebruiker aangemaakt"),
        ["user", "updated"] => L.T("User changed", "Gebruiker gewijzigd"),
        ["user", "roleChanged"] => L.T("User role changed", "Rol van gebruiker gewijzigd"),
        ["user", "disabled"] => L.T("User disabled", "Gebruiker uitgeschakeld"),
        ["user", "enabled"] => L.T("User enabled", "Gebruiker ingeschakeld"),
        ["user", "passwordChanged"] => L.T("User password set", "Wachtwoord van gebruiker ingesteld"),
        ["user", "followUpsReassigned"] => L.T("Open follow-ups of user reassigned", "Open vervolgacties van gebruiker overgedragen"),
        ["list", var kind, var verb] => $"{ListName(kind)} – {Verb(verb)}",
        ["automation", "rules", "updated"] => L.T("Lead categorization rules changed", "Regels voor leads categoriseren gewijzigd"),
        ["automation", "rule", "applied"] => L.T("Lead categorization rule applied to existing companies", "Regel voor leads categoriseren toegepast op bestaande bedrijven"),
        ["person", "erased"] => L.T("Person erased (personal data)", "Persoon gewist (persoonsgegevens)"),
        ["licence", "editionChanged"] => L.T("Edition changed", "Editie gewijzigd"),
        ["webhook", "created"] => L.T("Webhook added", "Webhook toegevoegd"),
        ["attribution", "rulesChanged"] => L.T("Attribution aliases and channel rules changed", "Aliassen en kanaalregels van attributie gewijzigd"),
        ["webhook", "updated"] => L.T("Webhook changed", "Webhook gewijzigd"),
        ["webhook", "deleted"] => L.T("Webhook deleted", "Webhook verwijderd"),
        ["webhook", "secretRotated"] => L.T("Webhook secret renewed", "Geheim van webhook vernieuwd"),
        _ => key,
    };

    /// <summary>A group of actions for the filter: the part before the first dot.</summary>
    public static string Group(string group) => group switch
    {
        "user" => L.T("Users", "Gebruikers"),
        "list" => L.T("Lists", "Lijsten"),
        "automation" => L.T("Automation", "Automatisering"),
        "person" => L.T("Persons", "Personen"),
        "webhook" => L.T("Webhooks", "Webhooks"),
        "attribution" => L.T("Attribution", "Attributie"),
        _ => group,
    };

    public static string Target(string type, int? id) => (type switch
    {
        "user" => L.T("User", "Gebruiker"),
        "category" => L.T("Category", "Categorie"),
        "leadStatus" => L.T("Lead status", "Leadstatus"),
        "lostReason" => L.T("Lost reason", "Reden van verlies"),
        "automationRules" => L.T("Lead categorization rules", "Regels voor leads categoriseren"),
        "automationRule" => L.T("Rule", "Regel"),
        "person" => L.T("Person", "Persoon"),
        "webhook" => L.T("Webhook", "Webhook"),
        "attributionSettings" => L.T("Attribution rules", "Attributieregels"),
        _ => type,
    }) + (id is { } n ? $" #{n}" : "");

    /// <summary>The changes on one line: "role: user → admin; away: false → true".</summary>
    public static string Describe(JsonNode? changes)
    {
        if (changes is not JsonObject fields || fields.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var (field, change) in fields)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(field).Append(": ").Append(Value(change?["from"])).Append(" → ").Append(Value(change?["to"]));
        }

        return text.ToString();
    }

    private static string Value(JsonNode? value) => value switch
    {
        null => "—",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static string ListName(string kind) => kind switch
    {
        "category" => L.T("Company – Category", "Bedrijf – Categorie"),
        "leadStatus" => L.T("Person – Lead status", "Persoon – Leadstatus"),
        "lostReason" => L.T("Sale – Lost reasons", "Verkoop – Redenen van verlies"),
        _ => kind,
    };

    private static string Verb(string verb) => verb switch
    {
        "created" => L.T("item added", "item toegevoegd"),
        "updated" => L.T("item changed", "item gewijzigd"),
        "deleted" => L.T("item deleted", "item verwijderd"),
        "restored" => L.T("item restored", "item hersteld"),
        "moved" => L.T("item moved", "item verplaatst"),
        _ => verb,
    };
}
