using System.Globalization;
using Microsoft.AspNetCore.Components;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Hosting;
using Uplink.Judging;
using Uplink.Web.Api;
using Uplink.Web.Dashboard;

namespace Uplink.Components.Pages;

/// <summary>Every monitor by group, with its newest result; redraws itself as results arrive.</summary>
public sealed partial class Dashboard : IDisposable
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(5);

    private IReadOnlyList<IGrouping<string, MonitorRow>> _groups = [];
    private RefreshTicker? _ticker;

    [Inject]
    private MonitorCatalog Catalog { get; set; } = default!;

    [Inject]
    private LatestResults Latest { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<Dashboard> Logger { get; set; } = default!;

    public void Dispose() => _ticker?.Dispose();

    protected override void OnInitialized()
    {
        Load();
        if (RendererInfo.IsInteractive)
        {
            _ticker = new RefreshTicker(Latest, Clock, TickPeriod, _ => true, RefreshAsync, Logger);
        }
    }

    private Task RefreshAsync() => InvokeAsync(() =>
    {
        Load();
        StateHasChanged();
    });

    private void Load()
    {
        var latest = Latest.Snapshot();
        _groups =
        [
            .. Catalog.Monitors
                .Select(m => new MonitorRow(m, latest.GetValueOrDefault(m.Name)))
                .GroupBy(row => row.Monitor.Group, StringComparer.Ordinal),
        ];
    }

    private int Count(Health? health) => _groups.Sum(g => g.Count(row => row.Latest?.Health == health));

    private static string MonitorLink(MonitorDefinition monitor) =>
        (monitor.Kind == MonitorKind.Heartbeat ? "heartbeats/" : "monitors/") + Uri.EscapeDataString(monitor.Name);

    private static string ApiKind(MonitorDefinition monitor) => ApiMapping.KindName(monitor.Kind);

    private static string ErrorClass(CheckResult? latest) => latest?.Health == Health.Down ? "down" : "muted";

    private string Checked(CheckResult? latest)
    {
        if (latest is null)
        {
            return "not yet";
        }

        var local = TimeZoneInfo.ConvertTime(latest.StartedAt, Clock.LocalTimeZone);
        var ago = Clock.GetUtcNow() - latest.StartedAt;
        return local.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " (" + Ago(ago) + ")";
    }

    private static string Ago(TimeSpan ago) => ago.TotalSeconds switch
    {
        < 2 => "just now",
        < 120 => $"{(int)ago.TotalSeconds} s ago",
        < 7200 => $"{(int)ago.TotalMinutes} min ago",
        _ => $"{(int)ago.TotalHours} h ago",
    };

    /// <summary>A monitor and its newest result, or null when it has not been checked yet.</summary>
    private sealed record MonitorRow(MonitorDefinition Monitor, CheckResult? Latest);
}
