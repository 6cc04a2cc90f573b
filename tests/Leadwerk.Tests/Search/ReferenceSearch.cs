using System.Globalization;
using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Search;

namespace Leadwerk.Tests.Search;

public enum RefType
{
    Text,
    List,
    Date,
    Number,
}

/// <summary>
/// The documented criteria semantics as a plain in-memory filter over the data set's model,
/// written apart from the compiler: lines ANDed, sets ORed; list values (null is "not one of");
/// case-insensitive text; dates on whole UTC days.
/// </summary>
public static class ReferenceSearch
{
    public static readonly IReadOnlyDictionary<string, RefType> PersonFields = new Dictionary<string, RefType>
    {
        ["person.firstName"] = RefType.Text,
        ["person.lastName"] = RefType.Text,
        ["person.email"] = RefType.Text,
        ["person.phone"] = RefType.Text,
        ["person.title"] = RefType.Text,
        ["person.recordSource"] = RefType.Text,
        ["person.leadStatus"] = RefType.List,
        ["person.owner"] = RefType.List,
        ["person.createdAt"] = RefType.Date,
        ["person.updatedAt"] = RefType.Date,
        ["person.leadStatusChangedAt"] = RefType.Date,
        ["person.nextFollowUp"] = RefType.Date,
        ["person.lastActivity"] = RefType.Date,
        ["person.openFollowUps"] = RefType.Number,
        ["person.category"] = RefType.List,
        ["person.categoryGroup"] = RefType.List,
        ["person.company"] = RefType.List,
        ["person.hasOpenSale"] = RefType.List,
        ["person.leadStatusActive"] = RefType.List,
        ["company.name"] = RefType.Text,
        ["company.category"] = RefType.List,
        ["company.categoryGroup"] = RefType.List,
        ["company.owner"] = RefType.List,
        ["company.country"] = RefType.Text,
        ["company.email"] = RefType.Text,
        ["company.orgNumber"] = RefType.Text,
        ["company.createdAt"] = RefType.Date,
    };

    /// <summary>
    /// Fields read from the lead status history, which this data set (written straight into the
    /// tables) has none of; the dashboard tests build histories and check them (DashboardTilesApiTests).
    /// </summary>
    public static readonly IReadOnlySet<string> HistoryFields = new HashSet<string> { "person.leadActive", "person.becameLead", "person.reachedStatuses" };

    /// <summary>Text fields with a folded key column: compared and sorted lower case without accents.</summary>
    private static readonly HashSet<string> Keyed = ["person.firstName", "person.lastName", "person.email", "company.name"];

    private static readonly string[] GroupKeys = ["customer", "potentialCustomer", "partner", "lost", "other"];

    /// <summary>The ids of the matching persons in the order the API promises: nulls last, then the value, then the id.</summary>
    public static List<int> Expected(SearchDataSet data, Criteria criteria, int meId, string sort, DateTime now)
    {
        var descending = sort.StartsWith('-');
        var key = sort.TrimStart('-');
        var matches = data.Persons.Where(p => criteria.Sets!.Any(set => set.Lines!.All(line => Matches(data, p, line, meId, now))))
            .Select(p => (p.Id, Key: SortKey(data, p, key))).ToList();
        var nullsLast = matches.OrderBy(m => m.Key is null ? 1 : 0);
        var byValue = descending ? nullsLast.ThenByDescending(m => m.Key, Ordinal.Instance) : nullsLast.ThenBy(m => m.Key, Ordinal.Instance);
        return (descending ? byValue.ThenByDescending(m => m.Id) : byValue.ThenBy(m => m.Id)).Select(m => m.Id).ToList();
    }

    public static bool Matches(SearchDataSet data, DataPerson p, CriteriaLine line, int meId, DateTime now)
    {
        var values = line.Values ?? [];
        switch (PersonFields[line.Field!])
        {
            case RefType.List:
                var id = ListId(data, p, line.Field!);
                var wanted = values.Select(v => ListValue(v, meId)).ToList();
                return line.Operator switch
                {
                    "oneOf" => id is not null && wanted.Contains(id),
                    "notOneOf" => id is null || !wanted.Contains(id),
                    "isEmpty" => id is null,
                    "isNotEmpty" => id is not null,
                    _ => throw new ArgumentException(line.Operator),
                };
            case RefType.Text:
                var text = Text(data, p, line.Field!);
                string? Fold(string? s) => s is null ? null : Keyed.Contains(line.Field!) ? TextKey.Of(s) : s.ToLowerInvariant();
                var lower = Fold(text);
                var q = values.Count > 0 ? Fold(values[0].GetString()!.Trim()) : null;
                return line.Operator switch
                {
                    "contains" => lower is not null && lower.Contains(q!, StringComparison.Ordinal),
                    "startsWith" => lower is not null && lower.StartsWith(q!, StringComparison.Ordinal),
                    "endsWith" => lower is not null && lower.EndsWith(q!, StringComparison.Ordinal),
                    "equals" => lower is not null && lower == q,
                    "notEquals" => lower is null || lower != q,
                    "notContains" => lower is null || !lower.Contains(q!, StringComparison.Ordinal),
                    "isEmpty" => string.IsNullOrEmpty(text),
                    "isNotEmpty" => !string.IsNullOrEmpty(text),
                    _ => throw new ArgumentException(line.Operator),
                };
            case RefType.Number:
                var count = Number(p, line.Field!);
                var bound = values[0].GetInt32();
                return line.Operator switch
                {
                    "equals" => count == bound,
                    "greaterThan" => count > bound,
                    "lessThan" => count < bound,
                    _ => throw new ArgumentException(line.Operator),
                };
            default:
                var at = Date(data, p, line.Field!);
                DateTime Day(int i) => DateTime.ParseExact(values[i].GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                return line.Operator switch
                {
                    "before" => at < Day(0),
                    "after" => at >= Day(0).AddDays(1),
                    "between" => at >= Day(0) && at < Day(1).AddDays(1),
                    // A due date can lie ahead: "in the last N days" stops at now (the overdue ones).
                    "lastDays" => at >= now.AddDays(-values[0].GetInt32()) && (line.Field != "person.nextFollowUp" || at < now),
                    "today" => at >= now.Date && at < now.Date.AddDays(1),
                    "isEmpty" => at is null,
                    "isNotEmpty" => at is not null,
                    _ => throw new ArgumentException(line.Operator),
                };
        }
    }

    private static int? ListValue(JsonElement value, int meId) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetInt32(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ when value.GetString() == "me" => meId,
        _ => Array.IndexOf(GroupKeys, value.GetString()) + 1,
    };

    private static DataCompany? Company(SearchDataSet data, DataPerson p) => p.CompanyId is { } id ? data.Companies[id] : null;

    public static string? Text(SearchDataSet data, DataPerson p, string field) => field switch
    {
        "person.firstName" => p.FirstName,
        "person.lastName" => p.LastName,
        "person.email" => p.Email,
        "person.phone" => p.Phone,
        "person.title" => p.Title,
        "person.recordSource" => p.RecordSource,
        "company.name" => Company(data, p)?.Name,
        "company.country" => Company(data, p)?.Country,
        "company.email" => Company(data, p)?.Email,
        "company.orgNumber" => Company(data, p)?.OrgNumber,
        _ => throw new ArgumentException(field),
    };

    public static int? ListId(SearchDataSet data, DataPerson p, string field) => field switch
    {
        "person.leadStatus" => p.LeadStatusId,
        "person.owner" => p.OwnerId,
        "person.category" => p.CategoryId,
        "person.categoryGroup" => p.CategoryId is { } c ? data.Categories[c].Group : null,
        "person.company" => p.CompanyId,
        // The data set has no sales: nobody has an open one (1 yes, 0 no).
        "person.hasOpenSale" => 0,
        // A held status is in use (1) in an active category, else kept (0); no status is neither.
        "person.leadStatusActive" => p.LeadStatusId is null ? null : p.CategoryId is { } c && data.Categories[c].Active ? 1 : 0,
        "company.category" => Company(data, p)?.CategoryId,
        "company.categoryGroup" => Company(data, p) is { } c ? data.Categories[c.CategoryId].Group : null,
        "company.owner" => Company(data, p)?.OwnerId,
        _ => throw new ArgumentException(field),
    };

    public static DateTime? Date(SearchDataSet data, DataPerson p, string field) => field switch
    {
        "person.createdAt" => p.CreatedAt,
        "person.updatedAt" => p.UpdatedAt,
        "person.leadStatusChangedAt" => p.LeadStatusChangedAt,
        "company.createdAt" => Company(data, p)?.CreatedAt,
        "person.nextFollowUp" => p.NextFollowUpAt,
        "person.lastActivity" => p.LastActivityAt,
        _ => throw new ArgumentException(field),
    };

    public static int Number(DataPerson p, string field) => field switch
    {
        "person.openFollowUps" => p.OpenFollowUps,
        _ => throw new ArgumentException(field),
    };

    /// <summary>What a field sorts on: list fields by rank, group or name, never by id.</summary>
    public static object? SortKey(SearchDataSet data, DataPerson p, string field) => field switch
    {
        "person.leadStatus" => p.LeadStatusId is { } s ? data.Statuses[s].Rank : null,
        "person.owner" => data.UserName(p.OwnerId),
        "person.category" => p.CategoryId is { } c ? data.Categories[c].Rank : null,
        "person.company" => Company(data, p)?.Name,
        "company.category" => Company(data, p) is { } c ? data.Categories[c.CategoryId].Rank : null,
        "company.owner" => data.UserName(Company(data, p)?.OwnerId),
        _ => PersonFields[field] switch
        {
            RefType.Text => Keyed.Contains(field) ? TextKey.OfOptional(Text(data, p, field)) : Text(data, p, field),
            RefType.List => ListId(data, p, field),
            RefType.Number => Number(p, field),
            _ => Date(data, p, field),
        },
    };

    /// <summary>Ordinal, like SQLite's binary collation and PostgreSQL's C.UTF-8 locale in CI.</summary>
    private sealed class Ordinal : IComparer<object?>
    {
        public static readonly Ordinal Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (IComparable a, _) => a.CompareTo(y),
            _ => 0,
        };
    }
}
