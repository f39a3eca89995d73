using MudBlazor;
using Uplink.Checks;

namespace Uplink.Web.Dashboard;

/// <summary>
/// The series of a monitor's size chart, on the same time axis as its latency: the bytes each
/// check received on the wire and the body's decoded length, in kilobytes.
/// </summary>
/// <param name="Series">Wire bytes, then decoded bytes.</param>
/// <param name="Palette">One colour per series, in the same order.</param>
/// <param name="HasSizes">Whether any result carries sizes: a tls monitor's do not.</param>
public sealed record SizeChartModel(List<ChartSeries<double>> Series, string[] Palette, bool HasSizes)
{
    private static readonly string[] Colours = ["#1e5a8a", "#9e9d24"];

    /// <param name="results">The monitor's results, oldest first.</param>
    /// <param name="zone">The time zone the axis is written in.</param>
    public static SizeChartModel Build(IReadOnlyList<CheckResult> results, TimeZoneInfo zone)
    {
        DateTime At(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, zone).DateTime;
        var sized = results.Where(r => r.Steps.Any(s => s.Transfer is not null)).ToList();
        var wire = sized
            .Select(r => (At(r.StartedAt), Kb(r.Steps.Sum(s => s.Transfer?.Facts.WireBytes ?? 0))))
            .ToList();
        var decoded = sized
            .Select(r => (At(r.StartedAt), Kb(r.Steps.Sum(s => s.Transfer?.Facts.DecodedBytes ?? 0))))
            .ToList();
        List<ChartSeries<double>> series =
        [
            new() { Name = "on the wire", Data = new ChartData<double>(wire) },
            new() { Name = "decoded", Data = new ChartData<double>(decoded) },
        ];
        return new SizeChartModel(series, Colours, sized.Count > 0);
    }

    private static double Kb(long bytes) => Math.Round(bytes / 1024.0, 1);
}
