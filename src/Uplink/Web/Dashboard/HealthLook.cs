using MudBlazor;
using Uplink.Judging;

namespace Uplink.Web.Dashboard;

/// <summary>How health and bands look on the dashboard: the word, the chip's colour, the CSS class.</summary>
public static class HealthLook
{
    /// <summary>The word for a monitor that has no result yet.</summary>
    public const string Pending = "pending";

    public static string Word(Health? health) => health?.Name() ?? Pending;

    public static Color ChipColor(Health? health) => health switch
    {
        Health.Up => Color.Success,
        Health.Degraded => Color.Warning,
        Health.Critical => Color.Error,
        Health.Down => Color.Error,
        _ => Color.Default,
    };

    /// <summary>Critical is outlined and down is filled, so the two reds stay apart.</summary>
    public static Variant ChipVariant(Health? health) => health switch
    {
        Health.Critical or null => Variant.Outlined,
        _ => Variant.Filled,
    };

    public static string BandClass(LatencyBand band) => "band band-" + band.Name();

    /// <summary>The health words in the order the summary shows them, worst last.</summary>
    public static IReadOnlyList<Health?> SummaryOrder { get; } =
        [Health.Up, Health.Degraded, Health.Critical, Health.Down, null];
}
