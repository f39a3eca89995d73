namespace Uplink.Web.Dashboard;

/// <summary>A span of history a monitor page can show, ending now.</summary>
/// <param name="Label">The button's text.</param>
/// <param name="Span">How far back the range reaches.</param>
/// <param name="LabelSpacing">The time between two labels of the chart's time axis.</param>
public sealed record TimeRangeChoice(string Label, TimeSpan Span, TimeSpan LabelSpacing)
{
    public static IReadOnlyList<TimeRangeChoice> All { get; } =
    [
        new("15 min", TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(3)),
        new("1 h", TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)),
        new("6 h", TimeSpan.FromHours(6), TimeSpan.FromHours(1)),
        new("24 h", TimeSpan.FromHours(24), TimeSpan.FromHours(4)),
    ];

    /// <summary>The last hour.</summary>
    public static TimeRangeChoice Default => All[1];
}
