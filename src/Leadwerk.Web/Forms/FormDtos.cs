using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Forms;

/// <summary>One field of a form: what the visitor sees, and where its value lands.</summary>
public sealed record FormField(string? Name, LocalizedText? Label, string? Type, bool Required = false, string? MapsTo = null, bool AllowOverwrite = false);

public sealed record FormDefaults(int? CategoryId = null, int? LeadStatusId = null, int? OwnerId = null, int? DistributionRuleId = null);

/// <summary>What a visitor sees after submitting: a message (en/nl) or another page.</summary>
public sealed record FormThankYou(LocalizedText? Message = null, string? RedirectUrl = null);

/// <summary>Body of POST/PUT /api/forms.</summary>
public sealed record FormRequest(
    string? Key, string? Name, List<FormField>? Fields, FormDefaults? Defaults = null, string? Processing = null,
    List<string>? AllowedOrigins = null, FormThankYou? ThankYou = null, DateTime? ActiveUntil = null, int? MaxSubmissions = null,
    int? SelectionId = null);

public sealed record FormDto(
    int Id, string Key, string Name, List<FormField> Fields, FormDefaults Defaults, string Processing, List<string> AllowedOrigins,
    FormThankYou ThankYou, DateTime? ActiveUntil, int? MaxSubmissions, int? SelectionId, int Submissions, string HostedPath,
    DateTime CreatedAt, DateTime UpdatedAt, int Version);

/// <summary>The answer to a public submission (201, or 200 for a replay of the same idempotency key).</summary>
public sealed record SubmissionAnswer(long SubmissionId, string Status);

public sealed record SubmissionDto(
    long Id, int FormId, DateTime ReceivedAt, string Status, IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, string?> Touch,
    int? PersonId, string? PersonName, int? CompanyId, DateTime? ProcessedAt, List<SubmissionLogEntry> Log);

/// <summary>Body of POST /api/form-submissions/{id}/process: create a person, link to one, or mark as spam.</summary>
public sealed record ProcessRequest(string? Action, int? PersonId = null);

public static class FormRules
{
    public const int KeyMaxLength = 50;
    public const int ThankYouMaxLength = 1000;
    public const int UrlMaxLength = 2000;
    public const int IdempotencyKeyMaxLength = 100;
    public const int MaxFields = 30;
    public const int ValueMaxLength = 4000;

    /// <summary>A request body larger than this is refused (413) before it is read.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    /// <summary>The hidden field a person never fills in; a bot that does is spam.</summary>
    public const string Honeypot = "leadwerk_hp";

    /// <summary>When the form was shown (Unix milliseconds, set by the hosted page and the script); a faster submission is spam.</summary>
    public const string ShownAt = "leadwerk_shown";
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(2);

    public static IReadOnlyList<string> Types { get; } = ["text", "email", "phone", "textarea", "checkbox"];

    /// <summary>The person and company fields a form field may fill (R19 decides which record).</summary>
    public static IReadOnlyList<string> Targets { get; } =
    [
        "person.firstName", "person.lastName", "person.email", "person.phone", "person.title",
        "company.name", "company.website", "company.orgNumber", "company.country", "company.phone", "company.email",
    ];

    public static string Processing(FormProcessing p) => p switch
    {
        FormProcessing.ManualIfUnknown => "manualIfUnknown",
        FormProcessing.Manual => "manual",
        _ => "automatic",
    };

    public static FormProcessing? Processing(string? p) => p switch
    {
        null or "automatic" => FormProcessing.Automatic,
        "manualIfUnknown" => FormProcessing.ManualIfUnknown,
        "manual" => FormProcessing.Manual,
        _ => null,
    };

    public static string Status(SubmissionStatus s) => s switch
    {
        SubmissionStatus.Processed => "processed",
        SubmissionStatus.Failed => "failed",
        SubmissionStatus.Spam => "spam",
        _ => "submitted",
    };

    public static string StatusName(SubmissionStatus s) => s switch
    {
        SubmissionStatus.Processed => L.T("Processed", "Verwerkt"),
        SubmissionStatus.Failed => L.T("Failed", "Mislukt"),
        SubmissionStatus.Spam => L.T("Spam", "Spam"),
        _ => L.T("Waiting", "Wacht"),
    };

    public static string TargetName(string target) => target switch
    {
        "person.firstName" => L.T("Person: first name", "Persoon: voornaam"),
        "person.lastName" => L.T("Person: last name", "Persoon: achternaam"),
        "person.email" => L.T("Person: e-mail", "Persoon: e-mail"),
        "person.phone" => L.T("Person: phone", "Persoon: telefoon"),
        "person.title" => L.T("Person: job title", "Persoon: functie"),
        "company.name" => L.T("Company: name", "Bedrijf: naam"),
        "company.website" => L.T("Company: website", "Bedrijf: website"),
        "company.orgNumber" => L.T("Company: organization number", "Bedrijf: KvK-nummer"),
        "company.country" => L.T("Company: country", "Bedrijf: land"),
        "company.phone" => L.T("Company: phone", "Bedrijf: telefoon"),
        "company.email" => L.T("Company: e-mail", "Bedrijf: e-mail"),
        _ => target,
    };
}
