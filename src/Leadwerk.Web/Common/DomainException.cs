namespace Leadwerk.Web.Common;

/// <summary>
/// A user mistake or a refusal by a rule. The API turns it into ProblemDetails with
/// <see cref="Code"/> as the stable `code` extension; the UI shows <see cref="Message"/> (next
/// to <see cref="Field"/> when there is one).
/// </summary>
public class DomainException(int status, string code, string message, string? field = null) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string? Field { get; } = field;

    /// <summary>More members of the ProblemDetails beside `code` (e.g. the edition a feature needs).</summary>
    public virtual IReadOnlyDictionary<string, object?>? Extensions => null;

    public static DomainException NotFound(string message) => new(404, ErrorCodes.NotFound, message);

    public static DomainException Conflict(string code, string message, string? field = null) => new(409, code, message, field);

    public static DomainException Invalid(string field, string message) =>
        new ValidationFailedException(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Well-formed input with invalid values: 422 with an `errors` map of field → messages.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors, string code = ErrorCodes.ValidationFailed)
    : DomainException(422, code, string.Join(" ", errors.Values.SelectMany(v => v)), errors.Keys.FirstOrDefault())
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

public static class ErrorCodes
{
    public const string NotFound = "notFound";
    public const string ValidationFailed = "validationFailed";
    public const string MalformedRequest = "malformedRequest";
    public const string LeadStatusNotActive = "leadStatusNotActive";
    public const string CategoryInherited = "categoryInherited";
    public const string DefaultStatusUndeletable = "defaultStatusUndeletable";
    public const string LeadStatusOnlyForPotentialCustomer = "leadStatusOnlyForPotentialCustomer";
    public const string ConcurrencyConflict = "concurrencyConflict";
    public const string PreconditionFailed = "preconditionFailed";
    public const string NameNotUnique = "nameNotUnique";
    public const string UserNameTaken = "userNameTaken";
    public const string CompanyHasPersons = "companyHasPersons";
    public const string CompanyHasSales = "companyHasSales";
    public const string InvalidCredentials = "invalidCredentials";
    public const string InvalidCursor = "invalidCursor";
    public const string Forbidden = "forbidden";
    public const string Unauthorized = "unauthorized";
    public const string RateLimited = "rateLimited";
    public const string LastAdmin = "lastAdmin";
    public const string InvalidCriteria = "invalidCriteria";
    public const string SelectionIsDynamic = "selectionIsDynamic";
    public const string BulkNotRunning = "bulkStateConflict";
    public const string CustomerKept = "customerNotDowngraded";
    public const string FollowUpDone = "followUpAlreadyDone";
    public const string DashboardSeeded = "dashboardSeeded";
    public const string FeatureNotInEdition = "featureNotInEdition";
    public const string FormClosed = "formClosed";
    public const string OriginNotAllowed = "originNotAllowed";
    public const string SubmissionAlreadyProcessed = "submissionAlreadyProcessed";
}

/// <summary>Collects field errors and throws them together, so a form shows all its problems at once.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public int Count => _errors.Values.Sum(e => e.Count);

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public Validation MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, Localization.L.T($"{label} can be at most {max} characters.", $"{label} mag hoogstens {max} tekens lang zijn."));
        }

        return this;
    }

    public Validation Required(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, Localization.L.T($"{label} is required.", $"{label} is verplicht."));
        }

        return this;
    }

    public Validation Email(string field, string? value, string label)
    {
        if (!string.IsNullOrWhiteSpace(value) && !System.Net.Mail.MailAddress.TryCreate(value.Trim(), out _))
        {
            Add(field, Localization.L.T($"{label} is not a valid e-mail address.", $"{label} is geen geldig e-mailadres."));
        }

        return this;
    }

    /// <summary>The same errors under "prefix.field", for a part of a larger request (the next follow-up of a completion).</summary>
    public Validation Prefixed(string prefix)
    {
        var renamed = new Validation();
        foreach (var (field, messages) in _errors)
        {
            messages.ForEach(m => renamed.Add(prefix + field, m));
        }

        return renamed;
    }

    public void ThrowIfInvalid(string code = ErrorCodes.ValidationFailed)
    {
        if (HasErrors)
        {
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), code);
        }
    }

    /// <summary>Trims, and drops the characters <see cref="StoredText"/> keeps out of the database.</summary>
    public static string? Clean(string? value)
    {
        if (value is not null)
        {
            value = StoredText.Storable(value);
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
