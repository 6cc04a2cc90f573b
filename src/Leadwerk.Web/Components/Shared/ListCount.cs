using System.Globalization;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Components.Shared;

/// <summary>The count every list shows above its rows: "1–50 of 171,668" (Dutch "1–50 van 171.668").</summary>
public static class ListCount
{
    /// <summary>Empty until counted; rows shown so far (after "Load more" too) out of all that match.</summary>
    public static string Text(int shown, int? total)
    {
        if (total is not { } all)
        {
            return "";
        }

        if (all == 0)
        {
            return L.T("0 results", "0 resultaten");
        }

        var last = Math.Clamp(shown, 1, all);
        var range = last == 1 ? "1" : $"1–{Number(last)}";
        return L.T($"{range} of {Number(all)}", $"{range} van {Number(all)}");
    }

    private static string Number(int n) => n.ToString("N0", CultureInfo.CurrentCulture);
}
