using MudBlazor;

namespace Leadwerk.Web.Components.Layout;

/// <summary>System fonts (no web fonts from the internet) and colours with enough contrast (WCAG AA).</summary>
public static class Theme
{
    public static MudTheme Value { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#6a1b9a",
            AppbarBackground = "#1f4e79",
            TextSecondary = "rgba(0,0,0,0.70)",
            ActionDefault = "rgba(0,0,0,0.70)",
            // MudBlazor's default status colours have 2–3.7:1 against white (text on them, or them as
            // text); WCAG AA needs 4.5:1, so darker shades of the same hues.
            Error = "#c62828",
            Success = "#1b5e20",
            Info = "#1565c0",
            Warning = "#a14f00",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
