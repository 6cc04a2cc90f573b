using Leadwerk.Web.Common;

namespace Leadwerk.Web.Leads;

public enum VerdictKind
{
    Allowed,
    Unchanged,
    Refused,
}

/// <summary>
/// The answer of <see cref="LeadRules"/> to "may this change happen": allowed, nothing to change, or
/// refused with a stable code and the one localized reason every channel shows (R7).
/// </summary>
public sealed record LeadVerdict(VerdictKind Kind, string? Code = null, string? Reason = null, string? Field = null, int Status = 409)
{
    public static LeadVerdict Allowed { get; } = new(VerdictKind.Allowed);

    public static LeadVerdict Unchanged { get; } = new(VerdictKind.Unchanged);

    public bool IsAllowed => Kind == VerdictKind.Allowed;

    public bool IsRefused => Kind == VerdictKind.Refused;

    public static LeadVerdict Conflict(string code, string reason, string field) => new(VerdictKind.Refused, code, reason, field);

    public static LeadVerdict Invalid(string field, string reason) => new(VerdictKind.Refused, ErrorCodes.ValidationFailed, reason, field, 422);

    /// <summary>For a channel that answers a refusal with an error (API, card, board): 409 for a rule, 422 for a bad value.</summary>
    public LeadVerdict ThrowIfRefused()
    {
        if (IsRefused)
        {
            throw Status == 422 ? DomainException.Invalid(Field!, Reason!) : DomainException.Conflict(Code!, Reason!, Field);
        }

        return this;
    }
}
