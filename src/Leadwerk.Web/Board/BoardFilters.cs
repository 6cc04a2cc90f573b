using System.Globalization;
using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Board;

/// <summary>A board's toolbar as criteria for the engine, so its filters mean what the same lines mean in Find.</summary>
internal static class BoardFilters
{
    /// <summary>The toolbar as criteria: its lines ANDed, the text searched in first name, last name or company.</summary>
    public static Criteria? Of(BoardQuery query)
    {
        var lines = new List<CriteriaLine>();
        AddList(lines, "person.owner", query.Owner, allowMe: true);
        AddList(lines, "person.category", query.Category, allowMe: false);
        AddList(lines, "person.leadStatus", query.LeadStatus, allowMe: false);
        if (query.CreatedFrom is { } from)
        {
            lines.Add(CriteriaLine.Of("person.createdAt", Operators.After, from.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (query.CreatedTo is { } to)
        {
            lines.Add(CriteriaLine.Of("person.createdAt", Operators.Before, to.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (query.NoFollowUp)
        {
            lines.Add(CriteriaLine.Of("person.nextFollowUp", Operators.IsEmpty));
        }

        var text = Validation.Clean(query.Text);
        if (text is null)
        {
            return lines.Count == 0 ? null : Criteria.For(Entities.Person, [.. lines]);
        }

        string[] textFields = ["person.firstName", "person.lastName", "company.name"];
        return new Criteria(Entities.Person, textFields
            .Select(field => new CriteriaSet([.. lines, CriteriaLine.Of(field, Operators.Contains, text)])).ToList());
    }

    private static void AddList(List<CriteriaLine> lines, string field, string? values, bool allowMe)
    {
        if (string.IsNullOrWhiteSpace(values))
        {
            return;
        }

        var parsed = new List<object>();
        foreach (var value in values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (allowMe && value == "me")
            {
                parsed.Add("me");
            }
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                parsed.Add(id);
            }
            else
            {
                throw DomainException.Invalid(field.Split('.')[1], L.T($"“{value}” is not an id.", $"“{value}” is geen id."));
            }
        }

        lines.Add(CriteriaLine.Of(field, Operators.OneOf, parsed.ToArray()));
    }
}
