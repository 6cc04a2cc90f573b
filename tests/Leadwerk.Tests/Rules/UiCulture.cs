using System.Globalization;

namespace Leadwerk.Tests.Rules;

/// <summary>Sets the UI language for the rest of a test and puts the previous one back on dispose.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    private UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public static UiCulture English() => new("en-GB");

    public static UiCulture Dutch() => new("nl-NL");

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
