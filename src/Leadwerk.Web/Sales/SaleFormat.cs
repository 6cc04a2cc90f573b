using System.Globalization;

namespace Leadwerk.Web.Sales;

/// <summary>How amounts and days of sales look on screen, in the user's language.</summary>
public static class SaleFormat
{
    public static string Money(decimal amount, string currency) => $"{currency} {amount.ToString("N2", CultureInfo.CurrentCulture)}";

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
