using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Hosting;
using Uplink.Storage;
using Uplink.Web.Api;
using Uplink.Web.Dashboard;

namespace Uplink.Components.Pages;

/// <summary>
/// One monitor: its latency over a chosen range against its thresholds, the phases of its newest
/// check, and its recent results. Redraws itself when the monitor is checked again.
/// </summary>
public sealed partial class MonitorPage : IDisposable
{
    /// <summary>The most results one page reads; the store keeps the newest when there are more.</summary>
    private const int MaxResults = 2000;

    private const int RecentRows = 30;

    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(30);

    private MonitorDefinition? _monitor;
    private CheckResult? _latest;
    private List<CheckResult> _results = [];
    private TimeRangeChoice _range = TimeRangeChoice.Default;
    private int _thresholdStep;
    private LatencyChartModel _chart = default!;
    private readonly TimeSeriesChartOptions _chartOptions = new()
    {
        LineStrokeWidth = 2,
        YAxisTicks = 0,
        YAxisRequireZeroPoint = true,
        YAxisToStringFunc = ms => Judging.Durations.Format(TimeSpan.FromMilliseconds(ms)),
        TimeLabelFormat = "HH:mm",
        TooltipTimeLabelFormat = "HH:mm:ss",
        TimeLabelSpacingRounding = true,
        InterpolationOption = InterpolationOption.Straight,
    };

    private SizeChartModel _sizes = default!;
    private readonly TimeSeriesChartOptions _sizeOptions = new()
    {
        LineStrokeWidth = 2,
        YAxisTicks = 0,
        YAxisRequireZeroPoint = true,
        TimeLabelFormat = "HH:mm",
        TooltipTimeLabelFormat = "HH:mm:ss",
        TimeLabelSpacingRounding = true,
        InterpolationOption = InterpolationOption.Straight,
    };

    private (DateTimeOffset From, DateTimeOffset To) _shown;
    private RefreshTicker? _ticker;

    /// <summary>The monitor's name, from the address.</summary>
    [Parameter]
    public string Name { get; set; } = "";

    [Inject]
    private MonitorCatalog Catalog { get; set; } = default!;

    [Inject]
    private LatestResults Latest { get; set; } = default!;

    [Inject]
    private IResultStore Store { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<MonitorPage> Logger { get; set; } = default!;

    private string KindName => ApiMapping.KindName(_monitor!.Kind);

    private IEnumerable<CheckResult> Recent => _results.AsEnumerable().Reverse().Take(RecentRows);

    public void Dispose() => _ticker?.Dispose();

    protected override async Task OnParametersSetAsync()
    {
        _ticker?.Dispose();
        _ticker = null;
        _monitor = Catalog.Find(Name);
        _thresholdStep = 0;
        if (_monitor is null)
        {
            return;
        }

        await LoadAsync();
        if (RendererInfo.IsInteractive)
        {
            var name = _monitor.Name;
            _ticker = new RefreshTicker(Latest, Clock, TickPeriod, r => r.Monitor == name, RefreshAsync, Logger);
        }
    }

    private Task RefreshAsync() => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private async Task ChooseRangeAsync(TimeRangeChoice choice)
    {
        _range = choice;
        await LoadAsync();
    }

    private void ChooseStep(int index)
    {
        _thresholdStep = index;
        BuildChart();
    }

    /// <summary>
    /// Reads the range from the store and adds the newest result from memory: the store is written
    /// in batches, so the check that caused this refresh may not be in it yet.
    /// </summary>
    private async Task LoadAsync()
    {
        var monitor = _monitor!;
        var now = Clock.GetUtcNow();
        _shown = (now - _range.Span, now);
        var stored = await Store.GetResultsAsync(monitor.Name, _shown.From, now.AddSeconds(1), MaxResults, default);
        _latest = Latest.Get(monitor.Name);
        _results = [.. stored];
        if (_latest is { } latest && latest.StartedAt >= _shown.From && !_results.Exists(r => SameCheck(r, latest)))
        {
            _results.Add(latest);
            _results.Sort((a, b) => a.StartedAt.CompareTo(b.StartedAt));
        }

        BuildChart();
    }

    private void BuildChart()
    {
        _chart = LatencyChartModel.Build(_monitor!, _results, _thresholdStep, _shown, Clock.LocalTimeZone);

        // One options object for the page's life: the chart keeps its measured size across redraws.
        _chartOptions.ChartPalette = _chart.Palette;
        _chartOptions.TimeLabelSpacing = _range.LabelSpacing;
        _sizes = SizeChartModel.Build(_results, Clock.LocalTimeZone);
        _sizeOptions.ChartPalette = _sizes.Palette;
        _sizeOptions.TimeLabelSpacing = _range.LabelSpacing;
    }

    /// <summary>The store keeps times to the millisecond, memory to the tick.</summary>
    private static bool SameCheck(CheckResult a, CheckResult b) =>
        a.StartedAt.ToUnixTimeMilliseconds() == b.StartedAt.ToUnixTimeMilliseconds();

    private string Time(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, Clock.LocalTimeZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Status(CheckResult result) =>
        result.Steps.LastOrDefault()?.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "—";
}
