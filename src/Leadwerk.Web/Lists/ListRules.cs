using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Lists;

public static class ListRules
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    public static string NameLabel => L.T("Name", "Naam");

    public static string NotUniqueMessage(string name) => L.T(
        $"The name “{name}” is already used by another item of this list.",
        $"De naam “{name}” wordt al gebruikt door een ander item in deze lijst.");
}

/// <summary>A text in both languages, as the API sends and takes it.</summary>
public sealed record LocalizedText(string? En, string? Nl);
