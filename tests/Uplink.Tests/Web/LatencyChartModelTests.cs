using Uplink.Configuration;
using Uplink.TestSupport;
using Uplink.Web.Dashboard;

namespace Uplink.Web;

public sealed class LatencyChartModelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    private static readonly (DateTimeOffset, DateTimeOffset) Range = (T0.AddMinutes(-10), T0.AddMinutes(10));

    [Fact]
    public async Task Build_Http_DrawsDurationAndTheThreeThresholdsAcrossTheRange()
    {
        var monitor = TestMonitors.Http("catalog", "https://api.example.test/catalog");
        var results = await TestResults.SeriesAsync(
            monitor, T0, TimeSpan.FromMinutes(1), 3, i => TimeSpan.FromMilliseconds(100 * (i + 1)));

        var chart = LatencyChartModel.Build(monitor, results, 0, Range, TimeZoneInfo.Utc);

        Assert.Equal(["duration", "target 300 ms", "warning 800 ms", "critical 3 s"], chart.Series.Select(s => s.Name));
        Assert.Equal([100.0, 200.0, 300.0], chart.Series[0].Data.Values);
        Assert.Equal([T0.UtcDateTime, T0.UtcDateTime.AddMinutes(1), T0.UtcDateTime.AddMinutes(2)],
            chart.Series[0].Data.Points.Select(p => (DateTime)p.X!));
        Assert.Equal([800.0, 800.0], chart.Series[2].Data.Values);
        Assert.Equal([T0.UtcDateTime.AddMinutes(-10), T0.UtcDateTime.AddMinutes(10)],
            chart.Series[2].Data.Points.Select(p => (DateTime)p.X!));
        Assert.Equal(chart.Series.Count, chart.Palette.Length);
    }

    [Fact]
    public async Task Build_FlowWithSelectedStep_DrawsTotalEachStepAndThatStepsThresholds()
    {
        var monitor = TestMonitors.Flow(
            "sign-in",
            [
                TestMonitors.Step("refresh-token", "https://api.example.test/token", Operations.AuthRefresh),
                TestMonitors.Step("profile", "https://api.example.test/me", Operations.DataFetch),
            ]);
        var results = await TestResults.SeriesAsync(
            monitor, T0, TimeSpan.FromMinutes(1), 2, _ => TimeSpan.FromMilliseconds(150));

        var first = LatencyChartModel.Build(monitor, results, 0, Range, TimeZoneInfo.Utc);
        var second = LatencyChartModel.Build(monitor, results, 1, Range, TimeZoneInfo.Utc);

        Assert.Equal(
            ["total", "refresh-token", "profile", "target 200 ms", "warning 500 ms", "critical 2 s"],
            first.Series.Select(s => s.Name));
        Assert.Equal([300.0, 300.0], first.Series[0].Data.Values);
        Assert.Equal([150.0, 150.0], first.Series[2].Data.Values);
        Assert.Equal("target 300 ms", second.Series[3].Name);
    }

    [Fact]
    public async Task Build_FlowStoppedAtAFailedStep_LeavesTheLaterStepOut()
    {
        var monitor = TestMonitors.Flow(
            "sign-in",
            [
                TestMonitors.Step("refresh-token", "https://api.example.test/token", Operations.AuthRefresh),
                TestMonitors.Step("profile", "https://api.example.test/me", Operations.DataFetch),
            ]);
        var failed = await TestResults.MakeAsync(
            monitor, T0, TimeSpan.FromMilliseconds(40), System.Net.HttpStatusCode.Unauthorized);

        var chart = LatencyChartModel.Build(monitor, [failed], 0, Range, TimeZoneInfo.Utc);

        Assert.Equal([40.0], chart.Series[1].Data.Values);
        Assert.Empty(chart.Series[2].Data.Values);
    }
}
