using System.Text;

namespace Leadwerk.Web.Import;

public sealed record ImportDefaults(int? CategoryId, int? LeadStatusId, int? OwnerId);

/// <summary>The `options` part of `POST /api/imports`; `distribute` gives new persons an owner by the distribution rules (Marketing Premium).</summary>
public sealed record ImportOptions(string? Entity, Dictionary<string, string>? Columns, string? MatchBy, ImportDefaults? Defaults, bool DryRun, bool Distribute = false);

/// <summary>The checked options a run works with; stored on the job.</summary>
public sealed record ImportSettings(string Entity, string MatchBy, ImportDefaults Defaults, bool Distribute = false);

/// <summary>
/// A row that was not imported (or not rolled back): its line, a stable code (e.g. "erasedPerson",
/// "unknownLeadStatus"; null on rows of older runs) and the message in the reader's language.
/// </summary>
public sealed record ImportError(int Line, string Reason, string? Code = null)
{
    /// <summary>The same as <see cref="Reason"/>, under the name every error of the API uses.</summary>
    public string Message => Reason;
}

/// <summary>A column of an uploaded file and the field its header suggests (null: none).</summary>
public sealed record ImportColumn(string Header, string? Field);

/// <summary>A dry run: what the import would do, writing nothing.</summary>
public sealed record ImportPreview(int Rows, int Create, int Update, int Unchanged, IReadOnlyList<ImportError> Errors);

public sealed record ImportStatus(int Id, string Entity, string State, int Rows, int Done, int Create, int Update, int Unchanged,
    int ErrorCount, IReadOnlyList<ImportError> Errors, int RollbackSkippedCount, IReadOnlyList<ImportError> RollbackSkipped,
    DateTime CreatedAt, DateTime? FinishedAt);

/// <summary>The fields a column can fill, and the guess from a header in English or Dutch.</summary>
public static class ImportFields
{
    public const string Person = "person";
    public const string Company = "company";

    public static readonly IReadOnlyList<string> PersonFields = ["firstName", "lastName", "email", "phone", "title", "company", "leadStatus", "owner"];
    public static readonly IReadOnlyList<string> CompanyFields = ["name", "category", "owner", "email", "phone", "website", "country", "orgNumber"];

    private static readonly Dictionary<string, string> PersonHeaders = Headers(
        ("firstName", ["firstname", "voornaam", "givenname", "roepnaam"]),
        ("lastName", ["lastname", "achternaam", "surname", "familyname"]),
        ("email", ["email", "emailaddress", "emailadres", "mail"]),
        ("phone", ["phone", "telefoon", "telephone", "phonenumber", "telefoonnummer", "tel", "mobile", "mobiel"]),
        ("title", ["title", "jobtitle", "functie", "functietitel"]),
        ("company", ["company", "companyname", "bedrijf", "bedrijfsnaam", "organisation", "organization", "organisatie"]),
        ("leadStatus", ["leadstatus", "status"]),
        ("owner", ["owner", "ourcontact", "onzecontactpersoon", "eigenaar", "accountmanager"]));

    private static readonly Dictionary<string, string> CompanyHeaders = Headers(
        ("name", ["name", "naam", "company", "companyname", "bedrijf", "bedrijfsnaam"]),
        ("category", ["category", "categorie"]),
        ("owner", ["owner", "ourcontact", "onzecontactpersoon", "eigenaar", "accountmanager"]),
        ("email", ["email", "emailaddress", "emailadres", "mail"]),
        ("phone", ["phone", "telefoon", "telephone", "phonenumber", "telefoonnummer", "tel"]),
        ("website", ["website", "web", "url", "site", "homepage"]),
        ("country", ["country", "land"]),
        ("orgNumber", ["orgnumber", "orgnr", "organisationnumber", "organizationnumber", "kvk", "kvknummer", "kvknr", "cocnumber", "chamberofcommerce"]));

    public static IReadOnlyList<string> For(string entity) => entity == Person ? PersonFields : CompanyFields;

    /// <summary>The field a header names, or null; "E-mail", "e_mail" and "Email " are the same header.</summary>
    public static string? Guess(string entity, string header) =>
        (entity == Person ? PersonHeaders : CompanyHeaders).GetValueOrDefault(Normalize(header));

    /// <summary>A field as given in `columns` ("lastName" or "person.lastName"), or null when the entity has no such field.</summary>
    public static string? Known(string entity, string? field)
    {
        var name = field?.Trim() ?? "";
        if (name.StartsWith(entity + ".", StringComparison.OrdinalIgnoreCase))
        {
            name = name[(entity.Length + 1)..];
        }

        return For(entity).FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
    }

    public static string Key(this ImportState state) => state switch
    {
        ImportState.Queued => "queued",
        ImportState.Running => "running",
        ImportState.Done => "done",
        ImportState.Interrupted => "interrupted",
        ImportState.RollingBack => "rollingBack",
        _ => "rolledBack",
    };

    private static string Normalize(string header)
    {
        var text = new StringBuilder();
        foreach (var c in header.Trim().TrimStart('\uFEFF'))
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }

    private static Dictionary<string, string> Headers(params (string Field, string[] Names)[] fields) =>
        fields.SelectMany(f => f.Names.Select(n => (n, f.Field))).ToDictionary(x => x.n, x => x.Field);
}
