using System.Globalization;
using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Import;

/// <summary>
/// The reasons an import gives for a row, stored as a code and its arguments and rendered when read,
/// in the reader's language: an English run's errors read in Dutch for a Dutch colleague. A reason
/// another rule home words (field checks, the lead rules) is kept in each language under its own
/// code, rendered when the row failed. Rows of runs from before have only their text, shown as written.
/// </summary>
public static class ImportErrors
{
    public const string UnknownCategory = "unknownCategory";
    public const string UnknownLeadStatus = "unknownLeadStatus";
    public const string UnknownUser = "unknownUser";
    public const string UnknownCompany = "unknownCompany";
    public const string NoCategory = "noCategory";
    public const string FieldCount = "fieldCount";
    public const string RepeatedKey = "repeatedKey";
    public const string RecordGone = "recordGone";
    public const string ChangedSince = "changedSince";
    public const string CompanyHasContacts = "companyHasContacts";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The text of a stored row reason in the current language; <paramref name="reason"/> for a row without arguments (older runs).</summary>
    public static string Render(string? code, string? args, string? reason)
    {
        if (code is null || args is null)
        {
            return reason ?? "";
        }

        return Render(code, Args(args)) ?? reason ?? "";
    }

    internal static string? Render(string code, IReadOnlyDictionary<string, string> a)
    {
        string Arg(string key) => a.GetValueOrDefault(key) ?? "";
        return code switch
        {
            UnknownCategory => L.T($"The category “{Arg("name")}” does not exist.", $"De categorie “{Arg("name")}” bestaat niet."),
            UnknownLeadStatus => L.T($"The lead status “{Arg("name")}” does not exist.", $"De leadstatus “{Arg("name")}” bestaat niet."),
            UnknownUser => L.T($"The user “{Arg("name")}” does not exist or is disabled.", $"De gebruiker “{Arg("name")}” bestaat niet of is uitgeschakeld."),
            UnknownCompany => L.T($"The company “{Arg("name")}” does not exist. Choose a default category to create companies.",
                $"Het bedrijf “{Arg("name")}” bestaat niet. Kies een standaardcategorie om bedrijven aan te maken."),
            NoCategory => L.T("The row has no category, and no default category was chosen.", "De rij heeft geen categorie en er is geen standaardcategorie gekozen."),
            FieldCount => L.T($"The line has {Arg("fields")} fields; the header has {Arg("header")}.",
                $"De regel heeft {Arg("fields")} velden; de kopregel heeft er {Arg("header")}."),
            RepeatedKey => L.T($"The {ImportWords.Field(Arg("field"))} “{Arg("value")}” is also on line {Arg("line")}; a file gives each record once.",
                $"De {ImportWords.Field(Arg("field"))} “{Arg("value")}” staat ook op regel {Arg("line")}; een bestand geeft elk record één keer."),
            Privacy.Suppression.ErasedPersonCode => Privacy.PrivacyWords.ErasedPersonRow(),
            RecordGone => L.T("The record no longer exists.", "Het record bestaat niet meer."),
            ChangedSince => L.T("Someone else changed the record after the import; it was left as it is.",
                "Iemand anders wijzigde het record na de import; het is gelaten zoals het is."),
            CompanyHasContacts => L.T("The company has contacts now; it was left in place.", "Het bedrijf heeft nu contactpersonen; het is blijven staan."),
            _ => a.GetValueOrDefault(L.Language) ?? a.GetValueOrDefault("en"),
        };
    }

    public static string Serialize(IReadOnlyDictionary<string, string> args) => JsonSerializer.Serialize(args, Json);

    internal static Dictionary<string, string> Args(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [];

    /// <summary>A reason worded by another rule home, in every language, evaluated once per language now.</summary>
    internal static Dictionary<string, string> InEveryLanguage(Func<string> text)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var texts = new Dictionary<string, string>();
            foreach (var language in L.Languages)
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
                texts[language] = ImportValues.Truncate(text());
            }

            return texts;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}

/// <summary>A reason a row cannot be imported, as a code and its arguments; the row is reported with it and the others go on.</summary>
internal sealed class RowError(string code, IReadOnlyDictionary<string, string> args)
    : Exception(ImportErrors.Render(code, args) ?? code)
{
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, string> Args { get; } = args;

    public RowError(string code) : this(code, new Dictionary<string, string>())
    {
    }

    /// <summary>The reason the file's reading gave the row (a repeated key, too many fields).</summary>
    public static RowError Of(ImportRow row) => new(row.Code ?? ErrorCodes.ValidationFailed, ImportErrors.Args(row.Args));

    public static RowError Named(string code, string name) => new(code, new Dictionary<string, string> { ["name"] = name });

    /// <summary>A refusal worded by another rule home (a field check, the lead rules), kept in every language.</summary>
    public static RowError Worded(string code, Func<string> text) => new(code, ImportErrors.InEveryLanguage(text));

    /// <summary>Stores the reason on the row: its code, arguments, and its text now for readers of the text alone.</summary>
    public void WriteTo(ImportRow row)
    {
        row.State = ImportRowState.Error;
        (row.Reason, row.Code, row.Args) = (ImportValues.Truncate(Message), Code, ImportErrors.Serialize(Args));
    }
}
