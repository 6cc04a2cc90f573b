using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Sales;

public static class SaleRules
{
    public const int TitleMaxLength = 200;
    public const string DefaultCurrency = "EUR";

    /// <summary>The largest amount precision (18,2) holds.</summary>
    public const decimal MaxAmount = 9_999_999_999_999_999.99m;

    public static IReadOnlyList<SaleStatus> Statuses { get; } = Enum.GetValues<SaleStatus>();

    public static string Key(this SaleStatus status) => status switch
    {
        SaleStatus.Sold => "sold",
        SaleStatus.Lost => "lost",
        SaleStatus.Stalled => "stalled",
        _ => "open",
    };

    public static string DisplayName(this SaleStatus status) => status switch
    {
        SaleStatus.Sold => L.T("Sold", "Verkocht"),
        SaleStatus.Lost => L.T("Lost", "Verloren"),
        SaleStatus.Stalled => L.T("Stalled", "Gestopt"),
        _ => L.T("Open", "Open"),
    };

    public static SaleStatus? FromKey(string? key) =>
        Statuses.Cast<SaleStatus?>().FirstOrDefault(s => string.Equals(s!.Value.Key(), key?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool IsClosed(this SaleStatus status) => status is SaleStatus.Sold or SaleStatus.Lost;

    public static string Label(string field) => field switch
    {
        "companyId" => L.T("Company", "Bedrijf"),
        "personId" => L.T("Contact", "Contactpersoon"),
        "title" => L.T("Title", "Titel"),
        "amount" => L.T("Amount", "Bedrag"),
        "currency" => L.T("Currency", "Valuta"),
        "ownerId" => L.T("Owner", "Eigenaar"),
        "status" => L.T("Status", "Status"),
        "expectedCloseDate" => L.T("Expected close", "Verwachte afsluiting"),
        "lostReasonId" => L.T("Lost reason", "Reden van verlies"),
        _ => field,
    };
}

public sealed record SaleDto(
    int Id, int CompanyId, string CompanyName, int? PersonId, string? PersonName, string Title, decimal Amount, string Currency,
    int? OwnerId, string? OwnerName, SaleStatus Status, DateOnly? ExpectedCloseDate, int? LostReasonId, string? LostReason,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? ClosedAt, int Version)
{
    /// <summary>What lead categorization rules propose after this change (R16); only in the answer to a change.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Automation.SuggestionDto>? Suggestions { get; init; }
}

/// <summary>Body of POST /api/sales. `status` is open (default), sold, lost or stalled; `ownerId` defaults to the company's owner.</summary>
public sealed record SaleRequest(
    int? CompanyId, int? PersonId, string? Title, decimal? Amount, string? Currency, int? OwnerId, string? Status,
    DateOnly? ExpectedCloseDate, int? LostReasonId);

/// <summary>A partial update: only the fields that are set change.</summary>
public sealed record SaleChanges
{
    public Opt<int?> CompanyId { get; init; }
    public Opt<int?> PersonId { get; init; }
    public Opt<string?> Title { get; init; }
    public Opt<decimal?> Amount { get; init; }
    public Opt<string?> Currency { get; init; }
    public Opt<int?> OwnerId { get; init; }
    public Opt<string?> Status { get; init; }
    public Opt<DateOnly?> ExpectedCloseDate { get; init; }
    public Opt<int?> LostReasonId { get; init; }
}

/// <summary>The filters of GET /api/sales; `Statuses` holds the keys of a comma-separated `status`.</summary>
public sealed record SaleFilter(int? CompanyId = null, int? PersonId = null, string? Statuses = null, int? OwnerId = null);

/// <summary>A sale with the names its DTO shows, read in one query.</summary>
internal sealed record SaleRow(Sale Sale, string CompanyName, string? PersonFirstName, string? PersonLastName, string? OwnerName,
    Lists.LostReason? LostReason);

internal static class SaleMapping
{
    public static SaleDto ToDto(this SaleRow row)
    {
        var s = row.Sale;
        var person = s.PersonId is null ? null : $"{row.PersonFirstName} {row.PersonLastName}".Trim();
        return new SaleDto(
            s.Id, s.CompanyId, row.CompanyName, s.PersonId, person, s.Title, s.Amount, s.Currency, s.OwnerId, row.OwnerName,
            s.Status, s.ExpectedCloseDate, s.LostReasonId, row.LostReason?.Name, s.CreatedAt, s.UpdatedAt, s.ClosedAt, s.Version);
    }
}
