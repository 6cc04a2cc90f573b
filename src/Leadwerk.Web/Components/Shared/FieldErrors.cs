using Leadwerk.Web.Common;

namespace Leadwerk.Web.Components.Shared;

/// <summary>
/// Turns a refusal from a service into what a form shows: messages next to the fields the form
/// has, and everything else (conflicts, stale versions, fields it does not show) in one alert.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.OrdinalIgnoreCase);

    public string? Alert { get; private set; }

    /// <summary>The record changed since it was loaded (412): the form should offer a reload.</summary>
    public bool Stale { get; private set; }

    public bool Has(string field) => _byField.ContainsKey(field);

    public string? Text(string field) => _byField.GetValueOrDefault(field);

    public void Clear()
    {
        _byField.Clear();
        Alert = null;
        Stale = false;
    }

    public void Show(DomainException error, params IReadOnlyCollection<string> shownFields)
    {
        Clear();
        Stale = error.Status == 412;
        var rest = new List<string>();
        if (error is ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                var text = string.Join(" ", messages);
                if (shownFields.Contains(field, StringComparer.OrdinalIgnoreCase))
                {
                    _byField[field] = text;
                }
                else
                {
                    rest.Add(text);
                }
            }
        }
        else if (error.Field is { } field && shownFields.Contains(field, StringComparer.OrdinalIgnoreCase))
        {
            _byField[field] = error.Message;
        }
        else
        {
            rest.Add(error.Message);
        }

        Alert = rest.Count > 0 ? string.Join(" ", rest) : null;
    }
}
