using MudBlazor;

namespace Uplink.Web.Dashboard;

/// <summary>A calm, light theme: slate greys, one blue accent, colour kept for health.</summary>
public static class UplinkTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5a8a",
            Secondary = "#546e7a",
            AppbarBackground = "#1f2a33",
            AppbarText = "#eceff1",
            Background = "#f4f6f8",
            Surface = "#ffffff",
            TextPrimary = "#1f2a33",
            TextSecondary = "#5f6b75",
            LinesDefault = "#e3e7eb",
            TableLines = "#e8ecef",
            Success = "#2e7d32",
            Warning = "#e08a00",
            Error = "#c62828",
        },
    };
}
