using MudBlazor;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Judging;

namespace Uplink.Web.Dashboard;

/// <summary>
/// The series of a monitor's latency chart on a time axis: the duration of each result (for a
/// flow, the total and one line per step) and the target, warning and critical thresholds as flat
/// lines across the whole range, so that a glance shows how close the monitor runs to its limits.
/// </summary>
/// <param name="Series">The duration lines first, then the three threshold lines.</param>
/// <param name="Palette">One colour per series, in the same order.</param>
/// <param name="Thresholds">The thresholds drawn.</param>
public sealed record LatencyChartModel(
    List<ChartSeries<double>> Series,
    string[] Palette,
    Thresholds Thresholds)
{
    private const string DurationColour = "#1e5a8a";

    private static readonly string[] StepColours = ["#8e5bb5", "#26a69a", "#8d6e63", "#5c6bc0", "#9e9d24"];

    /// <summary>Target, warning and critical, in the order the threshold series are added.</summary>
    private static readonly string[] ThresholdColours = ["#66bb6a", "#f5a623", "#e53935"];

    /// <param name="monitor">The monitor the results belong to.</param>
    /// <param name="results">Its results, oldest first.</param>
    /// <param name="thresholdStep">The step whose operation's thresholds are drawn.</param>
    /// <param name="range">The start and end of the time axis.</param>
    /// <param name="zone">The time zone the axis is written in.</param>
    public static LatencyChartModel Build(
        MonitorDefinition monitor,
        IReadOnlyList<CheckResult> results,
        int thresholdStep,
        (DateTimeOffset From, DateTimeOffset To) range,
        TimeZoneInfo zone)
    {
        var thresholds = monitor.Steps[Math.Clamp(thresholdStep, 0, monitor.Steps.Count - 1)].Thresholds;
        var series = new List<ChartSeries<double>>();
        var palette = new List<string>();
        DateTime At(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, zone).DateTime;

        var durations = results.Select(r => (At(r.StartedAt), r.Duration.TotalMilliseconds)).ToList();
        Add(series, palette, monitor.Kind == MonitorKind.Flow ? "total" : "duration", DurationColour, durations);
        for (var i = 0; monitor.Kind == MonitorKind.Flow && i < monitor.Steps.Count; i++)
        {
            var name = monitor.Steps[i].Name;
            var points = results
                .SelectMany(r => r.Steps
                    .Where(s => s.Name == name)
                    .Select(s => (At(r.StartedAt), s.Duration.TotalMilliseconds)))
                .ToList();
            Add(series, palette, name, StepColours[i % StepColours.Length], points);
        }

        var ends = (At(range.From), At(range.To));
        AddThreshold(series, palette, "target", thresholds.Target, ends, ThresholdColours[0]);
        AddThreshold(series, palette, "warning", thresholds.Warning, ends, ThresholdColours[1]);
        AddThreshold(series, palette, "critical", thresholds.Critical, ends, ThresholdColours[2]);
        return new LatencyChartModel(series, [.. palette], thresholds);
    }

    private static void AddThreshold(
        List<ChartSeries<double>> series,
        List<string> palette,
        string name,
        TimeSpan value,
        (DateTime From, DateTime To) ends,
        string colour)
    {
        var ms = value.TotalMilliseconds;
        Add(series, palette, $"{name} {Durations.Format(value)}", colour, [(ends.From, ms), (ends.To, ms)]);
    }

    private static void Add(
        List<ChartSeries<double>> series,
        List<string> palette,
        string name,
        string colour,
        List<(DateTime, double)> points)
    {
        series.Add(new ChartSeries<double> { Name = name, Data = new ChartData<double>(points) });
        palette.Add(colour);
    }
}
