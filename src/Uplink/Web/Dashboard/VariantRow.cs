using Uplink.Checks;
using Uplink.Mobile;

namespace Uplink.Web.Dashboard;

/// <summary>One variant of a monitor as the variants view compares it with its siblings.</summary>
/// <param name="Monitor">The variant's monitor name, for example <c>profile[v2, 5.1]</c>.</param>
/// <param name="Variant">Its API and app versions.</param>
/// <param name="Latest">Its newest result; null before its first check.</param>
/// <param name="P50">The median duration over the range; null without results.</param>
/// <param name="P95">The 95th percentile duration over the range; null without results.</param>
public sealed record VariantRow(
    string Monitor,
    MonitorVariant Variant,
    CheckResult? Latest,
    TimeSpan? P50,
    TimeSpan? P95)
{
    /// <summary>Bytes the newest check received on the wire; null before its first check.</summary>
    public long? WireBytes => Latest?.Steps.Sum(s => s.Transfer?.Facts.WireBytes ?? 0);

    /// <summary>The Deprecation and Sunset headers of the newest check's last step that sent any.</summary>
    public ApiLifecycle? Lifecycle =>
        Latest?.Steps.LastOrDefault(s => s.Transfer?.Lifecycle is not null)?.Transfer?.Lifecycle;

    /// <summary>
    /// The nearest-rank percentile of <paramref name="durations"/>, sorted ascending; null when empty.
    /// </summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> durations, double percent)
    {
        ArgumentNullException.ThrowIfNull(durations);
        if (durations.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100 * durations.Count);
        return durations[Math.Clamp(rank - 1, 0, durations.Count - 1)];
    }
}
